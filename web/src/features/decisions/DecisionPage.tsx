import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { decisionRoutes } from '../../../../shared/routes/decisions.routes';
import type { BallotInput, Decision, PollResultOut } from '../../../../shared/schemas/decision';
import { formatDate } from '../../../../shared/format';
import {
  type ConsentPosition,
  consentPositionLabels,
  consentPositions,
  decisionActionStatuses,
  decisionActionStatusLabels,
} from '../../../../shared/vocabulary';
import { recordPage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { instantText, outcomeText, pollText, statusLabels, turnoutText } from './decision-format';

const methodLabels: Record<PollResultOut['method'], string> = {
  consent: 'Consentement\u202f: adoptée si personne ne bloque et si les «\u202fd’accord\u202f» l’emportent sur les «\u202fpas d’accord\u202f»',
  plurality: 'Scrutin à un choix\u202f: l’option la plus choisie',
  approval: 'Choix multiple\u202f: l’option la plus souvent choisie',
  score: 'Notation\u202f: le plus haut total des notes',
  schulze: 'Méthode Schulze\u202f: comparaison de chaque paire d’options, puis chemins les plus forts',
};

/** `/decisions/{id}`: the proposal, the vote form, the live turnout, the result and its rounds, the follow-up. */
export function DecisionPage() {
  const { id } = useParams();
  if (!id) return <NotFoundPage />;
  return <DecisionDetail key={id} id={id} />;
}

function DecisionDetail({ id }: { id: string }) {
  const { me } = useSession();
  const { data: d, error, reload } = useCall(decisionRoutes.get, me === undefined ? null : { params: { id } });
  const [closeError, setCloseError] = useState<string>();
  useTitle(d?.title ?? 'Décision');
  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ErrorAlert title="Cette décision n’a pas pu être chargée" error={error} />;
  if (!d) return <p role="status">Chargement…</p>;
  const close = async () => {
    try {
      await call(decisionRoutes.close, { params: { id } });
      reload();
    } catch (err) {
      setCloseError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const collectivePage = d.collectiveId ? recordPage('collectives', d.collectiveId) : null;
  return (
    <>
      <Breadcrumb
        currentPageLabel={d.title}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Décisions collectives', linkProps: { to: '/decisions' } },
        ]}
      />
      <h1 tabIndex={-1}>{d.title}</h1>
      <ul className="fr-badges-group fr-mb-2w">
        <li>
          <p className={`fr-badge fr-badge--sm ${d.status === 'open' ? 'fr-badge--info' : d.result?.adopted ? 'fr-badge--success' : ''}`}>{outcomeText(d)}</p>
        </li>
        {d.public && (
          <li>
            <p className="fr-badge fr-badge--sm">Publiée</p>
          </li>
        )}
      </ul>
      <dl className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        {[
          { label: 'Collectif', value: collectivePage ? <Link to={collectivePage}>{d.collectiveName}</Link> : d.collectiveName },
          { label: 'Scrutin', value: pollText(d) },
          { label: 'Ouverture', value: instantText(d.opensAt) },
          { label: 'Clôture', value: instantText(d.closedAt ?? d.closesAt) },
          { label: 'Quorum', value: `${Math.round(d.quorum * 100)}\u202f% des votants` },
          { label: 'Participation', value: <span aria-live="polite">{turnoutText(d.turnout)}</span> },
        ].map((f) => (
          <div key={f.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
            <dt className="fr-text--bold fr-mb-0">{f.label}</dt>
            <dd className="fr-ml-0">{f.value}</dd>
          </div>
        ))}
      </dl>
      {d.text && (
        <div className="fr-mb-3w">
          {d.text.split(/\n+/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a static text
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
      {d.attachments.length > 0 && (
        <ul>
          {d.attachments.map((a) => (
            <li key={a.url}>
              <a href={a.url} target="_blank" rel="noreferrer" title={`${a.label} (nouvelle fenêtre)`}>
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {d.pollType !== 'consent' && d.status !== 'closed' && (
        <>
          <h2 className="fr-h5">Options</h2>
          <ul>
            {d.options.map((o) => (
              <li key={o.id}>{o.label}</li>
            ))}
          </ul>
        </>
      )}
      {d.actions.includes('vote') && <VoteForm decision={d} onVoted={reload} />}
      {d.status === 'open' && !d.actions.includes('vote') && me === null && (
        <Alert severity="info" small description="Les membres du collectif se connectent pour voter." className="fr-mb-2w" />
      )}
      {d.actions.includes('close') && (
        <p className="fr-mt-2w">
          <Button priority="secondary" onClick={() => void close()}>
            Clore le vote maintenant
          </Button>
        </p>
      )}
      {closeError && <Alert severity="error" small description={closeError} className="fr-mb-2w" />}
      {d.result && <Result decision={d} result={d.result} />}
      {d.votes.length > 0 && (
        <section className="fr-mt-4w">
          <h2 className="fr-h4">Votes</h2>
          <DataTable caption="Votes" head={['Votant', 'Vote', 'Commentaire']}>
            {d.votes.map((v) => (
              <tr key={`${v.name}-${v.updatedAt}`}>
                <td>{v.name}</td>
                <td>{ballotText(d, v)}</td>
                <td>{v.comment}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <FollowUp decision={d} onChange={reload} />
    </>
  );
}

const labelOf = (d: Decision, id: string) => d.options.find((o) => o.id === id)?.label ?? id;

function ballotText(
  d: Decision,
  b: { position?: ConsentPosition | null; optionIds?: string[] | null; scores?: Record<string, number> | null; ranking?: string[] | null },
) {
  if (b.position) return consentPositionLabels[b.position];
  if (b.optionIds) return b.optionIds.map((id) => labelOf(d, id)).join(', ');
  if (b.scores)
    return Object.entries(b.scores)
      .map(([id, s]) => `${labelOf(d, id)}\u202f: ${s}`)
      .join(' ; ');
  if (b.ranking) return b.ranking.map((id, i) => `${i + 1}. ${labelOf(d, id)}`).join(' ; ');
  return '—';
}

function VoteForm({ decision: d, onVoted }: { decision: Decision; onVoted: () => void }) {
  const mine = d.myVote;
  const [position, setPosition] = useState<ConsentPosition | undefined>(mine && 'position' in mine ? mine.position : undefined);
  const [chosen, setChosen] = useState<string[]>(mine && 'optionIds' in mine ? [...mine.optionIds] : []);
  const [scores, setScores] = useState<Record<string, number>>(
    mine && 'scores' in mine ? { ...mine.scores } : Object.fromEntries(d.options.map((o) => [o.id, 0])),
  );
  const [ranks, setRanks] = useState<Record<string, string>>(
    mine && 'ranking' in mine ? Object.fromEntries(mine.ranking.map((id, i) => [id, String(i + 1)])) : {},
  );
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    const ranking = Object.entries(ranks)
      .filter(([, r]) => r !== '')
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map(([id]) => id);
    const ballot: BallotInput =
      d.pollType === 'consent'
        ? { position: position as ConsentPosition }
        : d.pollType === 'choice'
          ? { optionIds: chosen }
          : d.pollType === 'score'
            ? { scores }
            : { ranking };
    try {
      await call(decisionRoutes.vote, { params: { id: d.id }, body: { ...ballot, ...(comment ? { comment } : {}) } as BallotInput });
      setSaved(true);
      onVoted();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section className="fr-mt-4w fr-p-3w fr-background-alt--blue-france">
      <h2 className="fr-h4">{mine ? 'Changer mon vote' : 'Voter'}</h2>
      <p className="fr-hint-text">Vous pouvez changer votre vote jusqu’à la clôture, le {instantText(d.closesAt)}.</p>
      <form onSubmit={(e) => void submit(e)}>
        {d.pollType === 'consent' && (
          <RadioButtons
            legend="Votre position"
            name="position"
            options={consentPositions.map((p) => ({
              label: consentPositionLabels[p],
              hintText: p === 'block' ? 'Une objection grave\u202f: un seul blocage empêche l’adoption.' : undefined,
              nativeInputProps: { value: p, checked: position === p, onChange: () => setPosition(p) },
            }))}
          />
        )}
        {d.pollType === 'choice' && (
          <Checkbox
            legend={d.maxChoices > 1 ? `Vos choix (${d.maxChoices} au plus)` : 'Votre choix (un seul)'}
            options={d.options.map((o) => ({
              label: o.label,
              nativeInputProps: {
                name: 'optionIds',
                value: o.id,
                checked: chosen.includes(o.id),
                onChange: (e) => setChosen((c) => (e.target.checked ? (d.maxChoices === 1 ? [o.id] : [...c, o.id]) : c.filter((x) => x !== o.id))),
              },
            }))}
          />
        )}
        {d.pollType === 'score' &&
          d.options.map((o) => (
            <Select
              key={o.id}
              label={`${o.label} (note de 0 à 5)`}
              nativeSelectProps={{ value: String(scores[o.id] ?? 0), onChange: (e) => setScores((s) => ({ ...s, [o.id]: Number(e.target.value) })) }}
            >
              {[0, 1, 2, 3, 4, 5].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          ))}
        {d.pollType === 'ranked' && (
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">
              Votre classement (1 pour votre premier choix&#8239;; laissez vide une option que vous ne classez pas)
            </legend>
            {d.options.map((o) => (
              <div className="fr-fieldset__element" key={o.id}>
                <Select label={o.label} nativeSelectProps={{ value: ranks[o.id] ?? '', onChange: (e) => setRanks((r) => ({ ...r, [o.id]: e.target.value })) }}>
                  <option value="">Non classée</option>
                  {d.options.map((_, i) => {
                    const rank = String(i + 1);
                    return (
                      <option key={rank} value={rank}>
                        {rank}
                      </option>
                    );
                  })}
                </Select>
              </div>
            ))}
          </fieldset>
        )}
        <Input
          label="Commentaire (facultatif)"
          textArea
          nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), maxLength: 5000 }}
        />
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
        {saved && <Alert severity="success" small description="Votre vote est enregistré." className="fr-mb-2w" role="status" />}
        <Button type="submit">{mine ? 'Enregistrer mon nouveau vote' : 'Voter'}</Button>
      </form>
    </section>
  );
}

function Result({ decision: d, result: r }: { decision: Decision; result: PollResultOut }) {
  const name = (id: string) => (d.pollType === 'consent' ? consentPositionLabels[id as ConsentPosition] : labelOf(d, id));
  const valueHead = { consent: 'Voix', plurality: 'Voix', approval: 'Voix', score: 'Total des notes', schulze: 'Options battues' }[r.method];
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Résultat</h2>
      <p>
        <strong>{outcomeText(d)}.</strong>{' '}
        {r.winners.length > 0 && d.pollType !== 'consent' && (
          <>
            {r.winners.length === 1 ? 'En tête\u202f: ' : 'À égalité en tête\u202f: '}
            {r.winners.map(name).join(', ')}.{' '}
          </>
        )}
        Participation&#8239;: {turnoutText(r.turnout)}, quorum {r.quorumMet ? 'atteint' : 'non atteint'}.
      </p>
      <p className="fr-hint-text">{methodLabels[r.method]}</p>
      <DataTable caption="Classement" head={['Rang', 'Option', valueHead]} showCaption>
        {r.ranking.map((x) => (
          <tr key={x.id}>
            <td>{x.rank}</td>
            <td>{name(x.id)}</td>
            <td>{x.value.toLocaleString('fr-FR')}</td>
          </tr>
        ))}
      </DataTable>
      {r.rounds.map((round) =>
        round.kind === 'pairwise' || round.kind === 'strongestPaths' ? (
          <Matrix
            key={round.kind}
            caption={
              round.kind === 'pairwise'
                ? 'Préférences par paire\u202f: nombre de votants préférant l’option de la ligne à celle de la colonne'
                : 'Chemins les plus forts\u202f: force du chemin le plus fort de l’option de la ligne vers celle de la colonne'
            }
            options={round.options.map(name)}
            matrix={round.matrix}
          />
        ) : round.kind === 'scores' ? (
          <DataTable key={round.kind} caption="Notes moyennes" head={['Option', 'Total', 'Moyenne']} showCaption>
            {Object.entries(round.totals).map(([id, total]) => (
              <tr key={id}>
                <td>{name(id)}</td>
                <td>{total}</td>
                <td>{(round.means[id] ?? 0).toLocaleString('fr-FR')}</td>
              </tr>
            ))}
          </DataTable>
        ) : null,
      )}
    </section>
  );
}

/** A, B, C…: the columns of a Schulze table name their options by the letter of their row. */
const letter = (i: number) => String.fromCharCode(65 + i);

/** A Schulze table: the row option against the column option; the stronger of each pair in bold. */
function Matrix({ caption, options, matrix }: { caption: string; options: string[]; matrix: number[][] }) {
  return (
    <div className="fr-table fr-mt-2w">
      <div className="fr-table__wrapper">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
        <section className="fr-table__container" tabIndex={0} aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <td />
                  {options.map((o, i) => (
                    <th key={o} scope="col">
                      <abbr title={o}>{letter(i)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {options.map((o, i) => (
                  <tr key={o}>
                    <th scope="row">
                      {letter(i)}. {o}
                    </th>
                    {options.map((c, j) => {
                      const v = matrix[i]?.[j] ?? 0;
                      const w = matrix[j]?.[i] ?? 0;
                      return <td key={c}>{i === j ? '—' : v > w ? <strong>{v}</strong> : v}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}

function FollowUp({ decision: d, onChange }: { decision: Decision; onChange: () => void }) {
  const may = d.actions.includes('follow');
  const [outcome, setOutcome] = useState(d.outcome);
  const [draft, setDraft] = useState({ title: '', owner: '', dueOn: '' });
  const [error, setError] = useState<string>();
  if (!may && !d.outcome && d.followUp.length === 0) return null;
  const run = async (f: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await f();
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Décision prise et suivi</h2>
      {d.outcome && <p>{d.outcome}</p>}
      {d.followUp.length > 0 && (
        <DataTable caption="Actions de suivi" head={['Action', 'Responsable', 'Échéance', 'Avancement', 'État']}>
          {d.followUp.map((a) => (
            <tr key={a.id}>
              <td>{a.title}</td>
              <td>{a.owner || '—'}</td>
              <td>{formatDate(a.dueOn)}</td>
              <td>
                <progress max={100} value={a.progress} aria-label={`Avancement de «\u202f${a.title}\u202f»`} /> {a.progress}&#8239;%
              </td>
              <td>
                {may ? (
                  <Select
                    label={`État de «\u202f${a.title}\u202f»`}
                    nativeSelectProps={{
                      value: a.status,
                      onChange: (e) => {
                        const status = e.target.value as (typeof decisionActionStatuses)[number];
                        void run(() =>
                          call(decisionRoutes.updateAction, {
                            params: { id: d.id, actionId: a.id },
                            body: { status, ...(status === 'done' ? { progress: 100 } : {}) },
                          }),
                        );
                      },
                    }}
                  >
                    {decisionActionStatuses.map((s) => (
                      <option key={s} value={s}>
                        {decisionActionStatusLabels[s]}
                      </option>
                    ))}
                  </Select>
                ) : (
                  decisionActionStatusLabels[a.status]
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {may && (
        <>
          <form
            className="fr-mt-2w"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => call(decisionRoutes.update, { params: { id: d.id }, body: { outcome } }));
            }}
          >
            <Input label="La décision prise" textArea nativeTextAreaProps={{ value: outcome, onChange: (e) => setOutcome(e.target.value) }} />
            <Button type="submit" priority="secondary">
              Enregistrer la décision prise
            </Button>
          </form>
          <form
            className="fr-mt-3w"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await call(decisionRoutes.addAction, {
                  params: { id: d.id },
                  body: { title: draft.title, owner: draft.owner, dueOn: draft.dueOn || null },
                });
                setDraft({ title: '', owner: '', dueOn: '' });
              });
            }}
          >
            <h3 className="fr-h6">Ajouter une action de suivi</h3>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-6">
                <Input
                  label="Action"
                  nativeInputProps={{ value: draft.title, required: true, onChange: (e) => setDraft({ ...draft, title: e.target.value }) }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Input label="Responsable" nativeInputProps={{ value: draft.owner, onChange: (e) => setDraft({ ...draft, owner: e.target.value }) }} />
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label="Échéance"
                  nativeInputProps={{ type: 'date', value: draft.dueOn, onChange: (e) => setDraft({ ...draft, dueOn: e.target.value }) }}
                />
              </div>
            </div>
            <Button type="submit" priority="secondary">
              Ajouter l’action
            </Button>
          </form>
        </>
      )}
      {error && <Alert severity="error" small description={error} className="fr-mt-2w" />}
      <p className="fr-hint-text fr-mt-2w">État du vote&#8239;: {statusLabels[d.status]}.</p>
    </section>
  );
}
