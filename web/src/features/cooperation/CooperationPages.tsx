import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { cooperationRoutes } from '../../../../shared/routes/cooperation.routes';
import type { TransferStatus } from '../../../../shared/vocabulary';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker } from '../../components/pickers';
import { type ApiError, call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useThemes } from '../../lib/themes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BASE, CooperationBadge, giverOf, type Transfer, TransferBadge, transferPage, when } from './components';

/** The programme's links. */
function CooperationNav() {
  const { me } = useSession();
  const coordinator = me?.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-2w">
      <li>
        <Link className="fr-btn fr-btn--secondary" to={BASE}>
          Transferts et coopérations
        </Link>
      </li>
      <li>
        <Link className="fr-btn fr-btn--secondary" to={`${BASE}/essaimage`}>
          Carte de l’essaimage
        </Link>
      </li>
      {coordinator && (
        <li>
          <Link className="fr-btn" to={`${BASE}/transferts/nouveau`}>
            Demander un transfert de savoir-faire
          </Link>
        </li>
      )}
    </ul>
  );
}

function TransferTable({ items, caption }: { items: Transfer[]; caption: string }) {
  return (
    <DataTable caption={caption} head={['Sujet', 'Qui transmet', 'Qui reçoit', 'État', 'Demandé le']}>
      {items.map((t) => (
        <tr key={t.id}>
          <td className="fr-cell--multiline">
            <Link to={transferPage(t.id)}>{t.topic}</Link>
          </td>
          <td>{giverOf(t)}</td>
          <td>{t.toCollectiveName}</td>
          <td>
            <TransferBadge status={t.status} />
          </td>
          <td>{when(t.requestedOn)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Cooperation between collectives: the transfers the caller may see, published testimonials, cooperations between large groups and social innovators. */
export function CooperationHomePage() {
  useTitle('Coopération entre territoires');
  const { me } = useSession();
  const transfers = useCall(cooperationRoutes.listTransfers, { query: { pageSize: 100 } });
  const testimonials = useCall(cooperationRoutes.testimonials, { query: {} });
  const cooperations = useCall(cooperationRoutes.listCooperations, { query: {} });
  return (
    <>
      <h1 tabIndex={-1}>Coopération entre territoires</h1>
      <p>
        Les collectifs se transmettent leurs savoir-faire, essaiment les projets qui ont fait leurs preuves et se retrouvent en ateliers&#8239;; grands groupes
        et innovateurs sociaux coopèrent au sein des filières.
      </p>
      <CooperationNav />
      <h2 className="fr-h4">Transferts de savoir-faire</h2>
      {me === null && <p>Les demandes en attente ne sont visibles que des deux collectifs concernés et de l’équipe nationale.</p>}
      {transfers.error && <ErrorAlert title="Les transferts ne se chargent pas" error={transfers.error} />}
      {transfers.data &&
        (transfers.data.items.length ? (
          <TransferTable caption="Transferts de savoir-faire" items={transfers.data.items} />
        ) : (
          <p>Aucun transfert de savoir-faire.</p>
        ))}
      <h2 className="fr-h4 fr-mt-4w">Témoignages</h2>
      {testimonials.data?.items.length === 0 && <p>Aucun témoignage publié.</p>}
      {testimonials.data?.items.map((q) => (
        <figure key={q.transferId} className="fr-quote fr-mb-2w">
          <blockquote>
            <p>«&#8239;{q.quote}&#8239;»</p>
          </blockquote>
          <figcaption>
            <p className="fr-quote__author">{q.author ?? q.toCollectiveName}</p>
            <ul className="fr-quote__source">
              <li>
                <Link to={transferPage(q.transferId)}>
                  {q.topic} ({q.fromName} → {q.toCollectiveName}, {q.year})
                </Link>
              </li>
            </ul>
          </figcaption>
        </figure>
      ))}
      <h2 className="fr-h4 fr-mt-4w">Coopérations entre grands groupes et innovateurs sociaux</h2>
      {cooperations.data && cooperations.data.items.length === 0 && <p>Aucune coopération.</p>}
      {cooperations.data && cooperations.data.items.length > 0 && (
        <DataTable caption="Coopérations" head={['Sujet', 'Grand groupe', 'Innovateur social', 'Filière', 'État', 'Résultats']}>
          {cooperations.data.items.map((c) => (
            <tr key={c.id}>
              <td className="fr-cell--multiline">{c.subject}</td>
              <td>{c.largeGroupName}</td>
              <td>{c.socialInnovatorName}</td>
              <td>{c.sectorProgrammeName ?? '—'}</td>
              <td>
                <CooperationBadge status={c.status} />
              </td>
              <td className="fr-cell--multiline">{c.results.map((r) => `${r.label}\u202f: ${formatInt(r.value)} ${r.unit}`).join(' ; ') || '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

type GiverKind = 'collective' | 'organisation' | 'unknown';

/** A coordinator asks for a know-how transfer for their collective: from a collective, a structure, or whoever the national team finds. */
export function TransferFormPage() {
  useTitle('Demander un transfert de savoir-faire');
  const { me } = useSession();
  const navigate = useNavigate();
  const themes = useThemes();
  const mine = me?.roles.flatMap((r) => (r.role === 'coordinator' ? (r.scope ?? []) : [])) ?? [];
  const [collective, setCollective] = useState<string | null>(null);
  const [kind, setKind] = useState<GiverKind>('collective');
  const [giver, setGiver] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [theme, setTheme] = useState('');
  const [projectId, setProjectId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`${BASE}/transferts/nouveau`)}`} replace />;
  const to = collective ?? (mine.length === 1 ? (mine[0] as string) : null);
  const choose = (k: GiverKind) => {
    setKind(k);
    setGiver(null);
  };
  const fields = error?.fieldErrors() ?? {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const t = await call(cooperationRoutes.createTransfer, {
        body: {
          toCollectiveId: to ?? '',
          ...(kind === 'collective' && giver ? { fromCollectiveId: giver } : {}),
          ...(kind === 'organisation' && giver ? { fromOrganisationId: giver } : {}),
          topic,
          themes: theme ? [theme] : [],
          projectId,
          message,
        },
      });
      navigate(transferPage(t.id));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h1 tabIndex={-1}>Demander un transfert de savoir-faire</h1>
      <CooperationNav />
      <form onSubmit={submit} noValidate>
        {error && <ErrorAlert className="fr-mb-2w" title="La demande n’est pas envoyée" error={error} />}
        {mine.length !== 1 && (
          <RefPicker resource="collectives" label="Collectif qui reçoit" value={collective} onChange={setCollective} error={fields.toCollectiveId} />
        )}
        <RadioButtons
          legend="Qui transmet ce savoir-faire&#8239;?"
          name="giver-kind"
          options={[
            { label: 'Un autre collectif', nativeInputProps: { checked: kind === 'collective', onChange: () => choose('collective') } },
            {
              label: 'Une structure (par exemple ETIC)',
              nativeInputProps: { checked: kind === 'organisation', onChange: () => choose('organisation') },
            },
            {
              label: 'Je ne sais pas\u202f: l’équipe nationale cherche',
              nativeInputProps: { checked: kind === 'unknown', onChange: () => choose('unknown') },
            },
          ]}
        />
        {kind === 'collective' && (
          <RefPicker resource="collectives" label="Collectif qui transmet" value={giver} onChange={setGiver} error={fields.fromCollectiveId} />
        )}
        {kind === 'organisation' && (
          <RefPicker resource="organisations" label="Structure qui transmet" value={giver} onChange={setGiver} error={fields.fromOrganisationId} />
        )}
        <Input
          label="Sujet"
          hintText="Par exemple&#8239;: montage juridique et financier d’un tiers-lieu."
          state={fields.topic ? 'error' : 'default'}
          stateRelatedMessage={fields.topic}
          nativeInputProps={{ value: topic, onChange: (e) => setTopic(e.target.value) }}
        />
        <OptionSelect
          label="Thématique"
          blank="Aucune"
          options={themes.map((t) => ({ value: t.code, label: t.label }))}
          nativeSelectProps={{ value: theme, onChange: (e) => setTheme(e.target.value) }}
        />
        <RefPicker resource="projects" label="Projet concerné (facultatif)" value={projectId} onChange={setProjectId} error={fields.projectId} />
        <Input
          label="Message"
          hintText="Où vous en êtes, ce que vous attendez."
          textArea
          state={fields.message ? 'error' : 'default'}
          stateRelatedMessage={fields.message}
          nativeTextAreaProps={{ value: message, onChange: (e) => setMessage(e.target.value), rows: 4 }}
        />
        <Button type="submit" disabled={busy} className="fr-mt-2w">
          Envoyer la demande
        </Button>
      </form>
    </>
  );
}

const nextLabels: Partial<Record<TransferStatus, string>> = { in_progress: 'Démarrer le transfert', done: 'Terminer le transfert' };

/** A transfer: where it stands, the answer or the next step for the sides, its follow-up and testimonial. */
export function TransferPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const t = useCall(cooperationRoutes.getTransfer, { params: { id } });
  useTitle(t.data ? `Transfert de savoir-faire\u202f: ${t.data.topic}` : 'Transfert de savoir-faire');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function patch(body: Parameters<typeof call<typeof cooperationRoutes.updateTransfer>>[1]['body']) {
    setBusy(true);
    setError(null);
    try {
      await call(cooperationRoutes.updateTransfer, { params: { id }, body });
      t.reload();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  if (t.error) return <ErrorAlert title="Ce transfert ne se charge pas" error={t.error} />;
  if (!t.data) return <p role="status">Chargement…</p>;
  const x = t.data;
  const next: TransferStatus | null = x.status === 'accepted' ? 'in_progress' : x.status === 'in_progress' ? 'done' : null;
  return (
    <>
      <h1 tabIndex={-1}>{x.topic}</h1>
      <CooperationNav />
      <p>
        <TransferBadge status={x.status} /> Transfert de savoir-faire de <strong>{giverOf(x)}</strong> vers{' '}
        <Link to={`/collectifs/${x.toCollectiveId}`}>{x.toCollectiveName}</Link>.
      </p>
      {error && <ErrorAlert className="fr-mb-2w" title="Le transfert n’est pas modifié" error={error} />}
      {x.actions.includes('answer') && (
        <div className="fr-callout fr-mb-2w">
          <p className="fr-callout__text">
            {x.requestedBy === 'receiver' ? `${x.toCollectiveName} vous demande ce transfert.` : `${giverOf(x)} vous propose ce transfert.`}
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <Button disabled={busy} onClick={() => void patch({ status: 'accepted' })}>
                Accepter
              </Button>
            </li>
            <li>
              <Button priority="secondary" disabled={busy} onClick={() => void patch({ status: 'declined' })}>
                Décliner
              </Button>
            </li>
          </ul>
        </div>
      )}
      {x.status === 'requested' && !x.actions.includes('answer') && me && (
        <Alert severity="info" small className="fr-mb-2w" description="La demande attend la réponse de l’autre côté." />
      )}
      {next && x.actions.includes('progress') && (
        <Button className="fr-mb-2w" disabled={busy} onClick={() => void patch({ status: next })}>
          {nextLabels[next]}
        </Button>
      )}
      <dl className="essaim-facts">
        <dt>Demandé le</dt>
        <dd>{when(x.requestedOn)}</dd>
        <dt>Réponse</dt>
        <dd>{when(x.answeredOn)}</dd>
        <dt>Début et fin</dt>
        <dd>
          {when(x.startedOn)} – {when(x.endedOn)}
        </dd>
        <dt>Séances tenues</dt>
        <dd>{formatInt(x.sessionsHeld)}</dd>
        {x.projectId && (
          <>
            <dt>Projet concerné</dt>
            <dd>
              <Link to={`/projets/${x.projectId}`}>{x.projectTitle}</Link>
            </dd>
          </>
        )}
        {x.message !== null && x.message !== '' && (
          <>
            <dt>Message de la demande</dt>
            <dd>{x.message}</dd>
          </>
        )}
        <dt>Bilan</dt>
        <dd>{x.outcome || '—'}</dd>
      </dl>
      {x.testimonial && (
        <figure className="fr-quote fr-mt-2w">
          <blockquote>
            <p>«&#8239;{x.testimonial.quote}&#8239;»</p>
          </blockquote>
          <figcaption>
            <p className="fr-quote__author">{x.testimonial.author}</p>
            {!x.testimonial.consent && <p className="fr-text--sm">Non publié&#8239;: son auteur n’a pas donné son accord.</p>}
          </figcaption>
        </figure>
      )}
      {x.actions.includes('update') && <FollowUpForm transfer={x} busy={busy} onSave={patch} />}
      {x.actions.includes('assign') && <Candidates id={x.id} busy={busy} onAssign={(fromCollectiveId) => void patch({ fromCollectiveId })} />}
    </>
  );
}

function FollowUpForm({ transfer: x, busy, onSave }: { transfer: Transfer; busy: boolean; onSave(body: Record<string, unknown>): Promise<void> }) {
  const [sessions, setSessions] = useState(String(x.sessionsHeld));
  const [outcome, setOutcome] = useState(x.outcome);
  const [quote, setQuote] = useState(x.testimonial?.quote ?? '');
  const [author, setAuthor] = useState(x.testimonial?.author ?? '');
  const [consent, setConsent] = useState(x.testimonial?.consent ?? false);
  return (
    <form
      className="fr-mt-4w"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({
          sessionsHeld: Number(sessions) || 0,
          outcome,
          testimonialQuote: quote.trim() || null,
          testimonialAuthor: author.trim() || null,
          testimonialConsent: consent,
        });
      }}
    >
      <h2 className="fr-h4">Suivi et témoignage</h2>
      <Input label="Séances tenues" nativeInputProps={{ type: 'number', min: 0, value: sessions, onChange: (e) => setSessions(e.target.value) }} />
      <Input label="Bilan" textArea nativeTextAreaProps={{ value: outcome, onChange: (e) => setOutcome(e.target.value), rows: 3 }} />
      <Input label="Témoignage" textArea nativeTextAreaProps={{ value: quote, onChange: (e) => setQuote(e.target.value), rows: 3 }} />
      <Input label="Auteur du témoignage" nativeInputProps={{ value: author, onChange: (e) => setAuthor(e.target.value) }} />
      <Checkbox
        options={[
          {
            label: 'L’auteur accepte que son témoignage soit publié (site public, rapport annuel)',
            nativeInputProps: { checked: consent, onChange: (e) => setConsent(e.target.checked) },
          },
        ]}
      />
      <Button type="submit" disabled={busy}>
        Enregistrer le suivi
      </Button>
    </form>
  );
}

function Candidates({ id, busy, onAssign }: { id: string; busy: boolean; onAssign(collectiveId: string): void }) {
  const c = useCall(cooperationRoutes.transferCandidates, { params: { id } });
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Collectifs qui pourraient transmettre</h2>
      {c.error && <ErrorAlert title="Les candidats ne se chargent pas" error={c.error} />}
      {c.data && (
        <DataTable caption="Candidats classés" head={['Collectif', 'Score', 'Raisons', 'Action']}>
          {c.data.items.slice(0, 10).map((k) => (
            <tr key={k.collectiveId}>
              <td>{k.collectiveName}</td>
              <td>{formatInt(Math.round(k.score))}</td>
              <td className="fr-cell--multiline">{k.reasons.map((r) => r.text).join(' ; ')}</td>
              <td>
                <Button size="small" priority="secondary" disabled={busy} onClick={() => onAssign(k.collectiveId)}>
                  Désigner
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
