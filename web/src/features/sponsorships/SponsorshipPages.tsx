import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { sponsorshipRoutes } from '../../../../shared/routes/sponsorships.routes';
import {
  type ObjectiveOutcome,
  objectiveOutcomeLabels,
  objectiveOutcomes,
  type SessionFormat,
  sessionFormatLabels,
  sessionFormats,
  sponsorshipCategoryLabels,
} from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BASE, Reasons, type Sponsorship, SponsorshipBadge, when } from './components';
import { DataTable } from '../../components/DataTable';
import { ProgrammeNav } from './NeedsPages';

const NNBSP = '\u202f';
const signIn = (path: string) => <Navigate to={`/connexion?retour=${encodeURIComponent(path)}`} replace />;

/** The national team's review: prepare proposals for every open need, swap a sponsor, send one or all. */
export function ReviewPage() {
  useTitle('Propositions à relire');
  const { me } = useSession();
  const team = isNationalTeam(me);
  const drafts = useCall(sponsorshipRoutes.list, team ? { query: { status: 'draft', pageSize: 200 } } : null);
  const action = useAction(drafts.reload);
  const [result, setResult] = useState<string | null>(null);
  if (me === null) return signIn(`${BASE}/propositions`);
  if (me && !team) return <Alert severity="warning" title="Action non autorisée" description="Cette page est réservée à l’équipe nationale." />;
  const items = drafts.data?.items ?? [];
  return (
    <>
      <h1 tabIndex={-1}>Propositions à relire</h1>
      <ProgrammeNav />
      <p>
        Essaim propose un parrain à chaque besoin ouvert en maximisant le score total sous la capacité de chaque hacker public. Relisez, changez un parrain si
        besoin, puis envoyez&#8239;: chaque parrain reçoit sa proposition et a 7&#8239;jours pour répondre.
      </p>
      {action.error && <ErrorAlert title="L’action n’a pas abouti" error={action.error} />}
      {result && <Alert severity="success" small description={result} className="fr-mb-2w" />}
      <ul className="fr-btns-group fr-btns-group--inline">
        <li>
          <Button
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                const r = await call(sponsorshipRoutes.propose, { body: { review: true } });
                setResult(
                  `${formatInt(r.proposed.length)} proposition${r.proposed.length > 1 ? 's' : ''} préparée${r.proposed.length > 1 ? 's' : ''}, score total ${formatInt(r.totalScore)}${r.unmatchedNeedIds.length ? ` ; ${formatInt(r.unmatchedNeedIds.length)} besoin(s) sans parrain disponible` : ''}.`,
                );
              })
            }
          >
            Préparer les propositions
          </Button>
        </li>
        {items.length > 0 && (
          <li>
            <Button
              priority="secondary"
              disabled={action.busy}
              onClick={() =>
                action.run(async () => {
                  for (const d of items) await call(sponsorshipRoutes.send, { params: { id: d.id } });
                  setResult(`${formatInt(items.length)} proposition(s) envoyée(s).`);
                })
              }
            >
              Tout accepter et envoyer
            </Button>
          </li>
        )}
      </ul>
      {drafts.data && items.length === 0 && <p>Aucune proposition en attente de relecture.</p>}
      {items.map((d) => (
        <DraftCard key={d.id} draft={d} onDone={drafts.reload} />
      ))}
    </>
  );
}

function DraftCard({ draft, onDone }: { draft: Sponsorship; onDone: () => void }) {
  const candidates = useCall(sponsorshipRoutes.candidates, { params: { id: draft.needId } });
  const action = useAction(onDone);
  const others = (candidates.data?.items ?? []).filter((c) => c.sponsorPersonId !== draft.sponsorPersonId);
  return (
    <section className="fr-card fr-p-3w fr-mb-2w" aria-labelledby={`brouillon-${draft.id}`}>
      <h2 id={`brouillon-${draft.id}`} className="fr-h5 fr-mb-1w">
        <Link to={`${BASE}/besoins/${draft.needId}`}>{draft.organisationName}</Link>
      </h2>
      <p className="fr-mb-1w">
        Parrain proposé&#8239;: <strong>{draft.sponsorName}</strong> ({draft.administrationName ?? '—'})
      </p>
      <Reasons score={draft.score} reasons={draft.reasons} />
      {action.error && <p className="fr-error-text">{action.error.message}</p>}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mt-1w">
        <div className="fr-col-12 fr-col-md-8">
          <OptionSelect
            label={`Changer de parrain pour ${draft.organisationName}`}
            blank="Garder ce parrain"
            options={others.map((c) => ({ value: c.sponsorPersonId, label: `${c.sponsorName} (${c.score})` }))}
            nativeSelectProps={{
              value: '',
              disabled: action.busy,
              onChange: (e) => {
                const sponsorPersonId = e.target.value;
                if (sponsorPersonId) action.run(() => call(sponsorshipRoutes.update, { params: { id: draft.id }, body: { sponsorPersonId } }));
              },
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button disabled={action.busy} onClick={() => action.run(() => call(sponsorshipRoutes.send, { params: { id: draft.id } }))}>
            Envoyer
          </Button>
        </div>
      </div>
    </section>
  );
}

/** A sponsor's space: the proposals to answer (with their reasons), the sponsorships under way and past. */
export function SponsorSpacePage() {
  useTitle('Mon espace de hacker public');
  const { me } = useSession();
  const mine = useCall(sponsorshipRoutes.list, me ? { query: { mine: 'true', pageSize: 100 } } : null);
  const profile = useCall(sponsorshipRoutes.getSponsor, me?.personId ? { params: { id: me.personId } } : null);
  if (me === null) return signIn(`${BASE}/mon-espace`);
  const items = mine.data?.items ?? [];
  const proposals = items.filter((s) => s.status === 'proposed');
  const running = items.filter((s) => s.status === 'active');
  const past = items.filter((s) => s.status !== 'proposed' && s.status !== 'active');
  return (
    <>
      <h1 tabIndex={-1}>Mon espace de hacker public</h1>
      <ProgrammeNav />
      {profile.data && (
        <p>
          Capacité&#8239;: {profile.data.capacity} structure{profile.data.capacity > 1 ? 's' : ''} à la fois
          {profile.data.remainingCapacity !== null &&
            ` (${profile.data.remainingCapacity} place${profile.data.remainingCapacity > 1 ? 's' : ''} libre${profile.data.remainingCapacity > 1 ? 's' : ''})`}
          . Expertise&#8239;: {profile.data.expertise.map((c) => sponsorshipCategoryLabels[c]).join(', ') || 'non renseignée'}.{' '}
          <Link to={`${BASE}/profils/${profile.data.personId}`}>Modifier mon profil</Link>
        </p>
      )}
      {mine.error && <ErrorAlert title="Vos parrainages ne se chargent pas" error={mine.error} />}
      <h2>Propositions à traiter</h2>
      {mine.data && proposals.length === 0 && <p>Aucune proposition en attente.</p>}
      {proposals.map((s) => (
        <ProposalCard key={s.id} s={s} onDone={mine.reload} />
      ))}
      <h2>Parrainages en cours</h2>
      {mine.data && running.length === 0 && <p>Aucun parrainage en cours.</p>}
      <ul>
        {running.map((s) => (
          <li key={s.id}>
            <Link to={`${BASE}/parrainages/${s.id}`}>{s.organisationName}</Link>, depuis le {when(s.startedAt)}
          </li>
        ))}
      </ul>
      {past.length > 0 && (
        <>
          <h2>Historique</h2>
          <ul>
            {past.map((s) => (
              <li key={s.id}>
                <Link to={`${BASE}/parrainages/${s.id}`}>{s.organisationName}</Link> <SponsorshipBadge status={s.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ProposalCard({ s, onDone }: { s: Sponsorship; onDone: () => void }) {
  const action = useAction(onDone);
  const [reason, setReason] = useState('');
  return (
    <section className="fr-card fr-p-3w fr-mb-2w" aria-labelledby={`proposition-${s.id}`}>
      <h3 id={`proposition-${s.id}`} className="fr-h5">
        <Link to={`${BASE}/parrainages/${s.id}`}>{s.organisationName}</Link>
      </h3>
      <p>
        Besoin&#8239;: {s.categories.map((c) => sponsorshipCategoryLabels[c]).join(', ')}. Réponse attendue avant le {when(s.deadline)}.
      </p>
      <Reasons score={s.score} reasons={s.reasons} />
      {action.error && <p className="fr-error-text">{action.error.message}</p>}
      <Input
        label="Motif si vous déclinez (facultatif)"
        className="fr-mt-2w"
        nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline">
        <li>
          <Button disabled={action.busy} onClick={() => action.run(() => call(sponsorshipRoutes.accept, { params: { id: s.id } }))}>
            Accepter
          </Button>
        </li>
        <li>
          <Button
            priority="secondary"
            disabled={action.busy}
            onClick={() => action.run(() => call(sponsorshipRoutes.decline, { params: { id: s.id }, body: reason ? { reason } : {} }))}
          >
            Décliner
          </Button>
        </li>
      </ul>
    </section>
  );
}

/** A sponsorship: why this sponsor, its objectives, its sessions, its closing. */
export function SponsorshipPage() {
  const { id = '' } = useParams();
  const s = useCall(sponsorshipRoutes.get, { params: { id } });
  const sessions = useCall(sponsorshipRoutes.sessions, { params: { id } });
  useTitle(s.data ? `Parrainage de ${s.data.organisationName}` : 'Parrainage');
  const action = useAction(s.reload);
  if (s.error) return <ErrorAlert title="Ce parrainage n’est pas accessible" error={s.error} />;
  if (!s.data) return <p>Chargement…</p>;
  const sp = s.data;
  const can = (a: Sponsorship['actions'][number]) => sp.actions.includes(a);
  return (
    <>
      <h1 tabIndex={-1}>Parrainage de {sp.organisationName}</h1>
      <ProgrammeNav />
      <p>
        <SponsorshipBadge status={sp.status} />
      </p>
      <dl className="essaim-facts">
        <dt>Hacker public</dt>
        <dd>
          <Link to={`/personnes/${sp.sponsorPersonId}`}>{sp.sponsorName}</Link> ({sp.administrationName ?? '—'})
        </dd>
        <dt>Structure</dt>
        <dd>
          <Link to={`/structures/${sp.organisationId}`}>{sp.organisationName}</Link>
        </dd>
        <dt>Besoin</dt>
        <dd>
          <Link to={`${BASE}/besoins/${sp.needId}`}>{sp.categories.map((c) => sponsorshipCategoryLabels[c]).join(', ')}</Link>
        </dd>
        <dt>Proposé le</dt>
        <dd>{when(sp.proposedAt)}</dd>
        <dt>Commencé le</dt>
        <dd>{when(sp.startedAt)}</dd>
        {sp.closedAt && (
          <>
            <dt>Clos le</dt>
            <dd>{when(sp.closedAt)}</dd>
          </>
        )}
      </dl>
      {action.error && <ErrorAlert title="L’action n’a pas abouti" error={action.error} />}
      {can('answer') && (
        <ul className="fr-btns-group fr-btns-group--inline">
          <li>
            <Button disabled={action.busy} onClick={() => action.run(() => call(sponsorshipRoutes.accept, { params: { id } }))}>
              Accepter
            </Button>
          </li>
          <li>
            <Button priority="secondary" disabled={action.busy} onClick={() => action.run(() => call(sponsorshipRoutes.decline, { params: { id }, body: {} }))}>
              Décliner
            </Button>
          </li>
        </ul>
      )}
      <h2>Pourquoi ce parrain</h2>
      <Reasons score={sp.score} reasons={sp.reasons} />
      <Objectives sp={sp} onDone={s.reload} />
      <h2>Séances</h2>
      {sessions.data && sessions.data.items.length === 0 && <p>Aucune séance notée.</p>}
      {sessions.data && sessions.data.items.length > 0 && (
        <DataTable caption="Séances, les plus récentes d’abord" head={['Date', 'Durée', 'Format', 'Sujets', 'Notes']}>
          {sessions.data.items.map((x) => (
            <tr key={x.id}>
              <td>{when(`${x.date}T12:00:00Z`)}</td>
              <td>{x.durationMinutes}&#8239;min</td>
              <td>{sessionFormatLabels[x.format]}</td>
              <td>{x.topics.join(', ') || '—'}</td>
              <td className="fr-cell--multiline">{x.notes ?? 'Réservées au binôme'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {can('log') && <SessionForm id={id} onDone={sessions.reload} />}
      {can('close') && <CloseForm sp={sp} onDone={s.reload} />}
      {sp.status === 'closed' && (
        <>
          <h2>Bilan</h2>
          <p>{sp.closingSummary || 'Aucun bilan rédigé.'}</p>
          <p>
            Note du parrain&#8239;: {sp.sponsorSide.rating ?? '—'}/5
            {sp.sponsorSide.wouldDoAgain === null ? '' : sp.sponsorSide.wouldDoAgain ? ', le referait' : ', ne le referait pas'}. Note de la structure&#8239;:{' '}
            {sp.structureSide.rating ?? '—'}/5
            {sp.structureSide.wouldDoAgain === null ? '' : sp.structureSide.wouldDoAgain ? ', le referait' : ', ne le referait pas'}.
          </p>
        </>
      )}
    </>
  );
}

function Objectives({ sp, onDone }: { sp: Sponsorship; onDone: () => void }) {
  const action = useAction(onDone);
  const [label, setLabel] = useState('');
  const editable = sp.actions.includes('update');
  async function add(e: FormEvent) {
    e.preventDefault();
    await action.run(() =>
      call(sponsorshipRoutes.update, {
        params: { id: sp.id },
        body: { objectives: [...sp.objectives.map((o) => ({ id: o.id, label: o.label })), { label }] },
      }),
    );
    setLabel('');
  }
  return (
    <>
      <h2>Objectifs</h2>
      {sp.objectives.length === 0 && <p>Aucun objectif fixé.</p>}
      <ul>
        {sp.objectives.map((o) => (
          <li key={o.id}>
            {o.label}&#8239;: {o.outcome ? objectiveOutcomeLabels[o.outcome] : 'en cours'}
          </li>
        ))}
      </ul>
      {editable && sp.status === 'active' && (
        <form onSubmit={add} className="fr-mb-2w">
          {action.error && <p className="fr-error-text">{action.error.message}</p>}
          <Input
            label="Nouvel objectif"
            hintText={'Par exemple «\u202fStatuts adoptés en AG\u202f».'}
            nativeInputProps={{ value: label, onChange: (e) => setLabel(e.target.value) }}
          />
          <Button type="submit" priority="secondary" disabled={action.busy || !label.trim()}>
            Ajouter l’objectif
          </Button>
        </form>
      )}
    </>
  );
}

function SessionForm({ id, onDone }: { id: string; onDone: () => void }) {
  const action = useAction(onDone);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [minutes, setMinutes] = useState('60');
  const [format, setFormat] = useState<SessionFormat>('visio');
  const [topics, setTopics] = useState('');
  const [notes, setNotes] = useState('');
  const fields = action.error?.fieldErrors() ?? {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    await action.run(() =>
      call(sponsorshipRoutes.addSession, {
        params: { id },
        body: {
          date,
          durationMinutes: Number(minutes),
          format,
          topics: topics
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          notes,
        },
      }),
    );
    setNotes('');
    setTopics('');
  }
  return (
    <form onSubmit={submit} className="fr-mt-2w" noValidate>
      <h3 className="fr-h5">Noter une séance</h3>
      {action.error && <ErrorAlert title="La séance n’est pas enregistrée" error={action.error} />}
      <Input
        label="Date"
        state={fields.date ? 'error' : 'default'}
        stateRelatedMessage={fields.date}
        nativeInputProps={{ type: 'date', value: date, onChange: (e) => setDate(e.target.value) }}
      />
      <Input
        label="Durée (minutes)"
        state={fields.durationMinutes ? 'error' : 'default'}
        stateRelatedMessage={fields.durationMinutes}
        nativeInputProps={{ type: 'number', min: 5, max: 480, value: minutes, onChange: (e) => setMinutes(e.target.value) }}
      />
      <RadioButtons
        legend="Format"
        orientation="horizontal"
        options={sessionFormats.map((f) => ({
          label: sessionFormatLabels[f],
          nativeInputProps: { name: `format-${id}`, value: f, checked: format === f, onChange: () => setFormat(f) },
        }))}
      />
      <Input label="Sujets" hintText="Séparés par des virgules." nativeInputProps={{ value: topics, onChange: (e) => setTopics(e.target.value) }} />
      <Input
        label="Notes"
        hintText="Visibles du seul binôme et de l’équipe nationale."
        textArea
        nativeTextAreaProps={{ value: notes, onChange: (e) => setNotes(e.target.value), rows: 3 }}
      />
      <Button type="submit" disabled={action.busy}>
        Enregistrer la séance
      </Button>
    </form>
  );
}

function CloseForm({ sp, onDone }: { sp: Sponsorship; onDone: () => void }) {
  const action = useAction(onDone);
  const [rating, setRating] = useState('');
  const [again, setAgain] = useState<'oui' | 'non' | ''>('');
  const [summary, setSummary] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, ObjectiveOutcome>>({});
  const fields = action.error?.fieldErrors() ?? {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    await action.run(() =>
      call(sponsorshipRoutes.close, {
        params: { id: sp.id },
        body: {
          rating: Number(rating),
          wouldDoAgain: again === 'oui',
          ...(summary ? { summary } : {}),
          outcomes: Object.entries(outcomes).map(([objectiveId, outcome]) => ({ objectiveId, outcome })),
        },
      }),
    );
  }
  return (
    <form onSubmit={submit} className="fr-mt-4w" noValidate>
      <h2>{sp.status === 'closed' ? 'Noter le parrainage' : 'Clore le parrainage'}</h2>
      {action.error && <ErrorAlert title="Le parrainage n’est pas clos" error={action.error} />}
      {sp.status === 'active' &&
        sp.objectives.map((o) => (
          <OptionSelect
            key={o.id}
            label={`Résultat${NNBSP}: ${o.label}`}
            blank="Non renseigné"
            options={objectiveOutcomes.map((x) => ({ value: x, label: objectiveOutcomeLabels[x] }))}
            nativeSelectProps={{ value: outcomes[o.id] ?? '', onChange: (e) => setOutcomes((m) => ({ ...m, [o.id]: e.target.value as ObjectiveOutcome })) }}
          />
        ))}
      <OptionSelect
        label="Votre note (de 1 à 5)"
        blank="Choisir une note"
        state={fields.rating ? 'error' : 'default'}
        stateRelatedMessage={fields.rating}
        options={['1', '2', '3', '4', '5'].map((x) => ({ value: x, label: x }))}
        nativeSelectProps={{ value: rating, onChange: (e) => setRating(e.target.value) }}
      />
      <RadioButtons
        legend={'Referiez-vous ce parrainage\u202f?'}
        orientation="horizontal"
        options={[
          { label: 'Oui', nativeInputProps: { name: `again-${sp.id}`, checked: again === 'oui', onChange: () => setAgain('oui') } },
          { label: 'Non', nativeInputProps: { name: `again-${sp.id}`, checked: again === 'non', onChange: () => setAgain('non') } },
        ]}
      />
      {sp.status === 'active' && (
        <Input label="Bilan" textArea nativeTextAreaProps={{ value: summary, onChange: (e) => setSummary(e.target.value), rows: 3 }} />
      )}
      <Button type="submit" disabled={action.busy}>
        {sp.status === 'closed' ? 'Enregistrer ma note' : 'Clore le parrainage'}
      </Button>
    </form>
  );
}

/** The national team's dashboard, nationally or for one administration. */
export function DashboardPage() {
  useTitle('Hackers publics\u202f: tableau de bord');
  const { me } = useSession();
  const team = isNationalTeam(me);
  const [administration, setAdministration] = useState('');
  const all = useCall(sponsorshipRoutes.dashboard, team ? { query: {} } : null);
  const one = useCall(sponsorshipRoutes.dashboard, team && administration ? { query: { administration } } : null);
  if (me === null) return signIn(`${BASE}/tableau-de-bord`);
  if (me && !team) return <Alert severity="warning" title="Action non autorisée" description="Cette page est réservée à l’équipe nationale." />;
  const d = administration ? one.data : all.data;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}${NNBSP}%`);
  const days = (x: number | null) => (x === null ? '—' : `${x.toLocaleString('fr-FR')}${NNBSP}j`);
  return (
    <>
      <h1 tabIndex={-1}>Tableau de bord des Hackers publics</h1>
      <ProgrammeNav />
      {all.error && <ErrorAlert title="Le tableau de bord ne se charge pas" error={all.error} />}
      <OptionSelect
        label="Administration"
        blank="Toutes les administrations"
        options={(all.data?.perAdministration ?? []).map((a) => ({ value: a.administrationId, label: a.administrationName }))}
        nativeSelectProps={{ value: administration, onChange: (e) => setAdministration(e.target.value) }}
      />
      {!d && <p>Chargement…</p>}
      {d && (
        <>
          <ul className="essaim-key-figures fr-grid-row fr-grid-row--gutters">
            {[
              [formatInt(d.figures.activeSponsorships), 'parrainages en cours'],
              [formatInt(d.figures.openNeeds), 'besoins ouverts'],
              [pct(d.figures.matchedWithin30Days), 'des besoins parrainés en 30 jours'],
              [days(d.figures.medianDaysToMatch), 'délai médian jusqu’au parrainage'],
              [days(d.figures.medianDaysToAcceptance), 'délai médian d’acceptation'],
              [`${formatInt(d.figures.objectivesAchieved)} / ${formatInt(d.figures.objectives)}`, 'objectifs atteints'],
              [
                d.figures.satisfaction === null ? '—' : `${d.figures.satisfaction.toLocaleString('fr-FR')}/5`,
                `satisfaction (${formatInt(d.figures.ratings)} notes)`,
              ],
            ].map(([value, label]) => (
              <li key={label} className="fr-col-6 fr-col-md-3">
                <p className="fr-h3 fr-mb-0">{value}</p>
                <p>{label}</p>
              </li>
            ))}
          </ul>
          <h2>Hackers publics à capacité ou presque</h2>
          {d.sponsorsAtCapacity.length + d.sponsorsNearCapacity.length === 0 && <p>Aucun.</p>}
          <ul>
            {d.sponsorsAtCapacity.map((s) => (
              <li key={s.personId}>
                <Link to={`/personnes/${s.personId}`}>{s.name}</Link> ({s.administrationName})&#8239;: {s.load}/{s.capacity}, complet ·{' '}
                <Link to={`${BASE}/profils/${s.personId}`}>profil de hacker public</Link>
              </li>
            ))}
            {d.sponsorsNearCapacity.map((s) => (
              <li key={s.personId}>
                <Link to={`/personnes/${s.personId}`}>{s.name}</Link> ({s.administrationName})&#8239;: {s.load}/{s.capacity} ·{' '}
                <Link to={`${BASE}/profils/${s.personId}`}>profil de hacker public</Link>
              </li>
            ))}
          </ul>
          {!administration && (
            <DataTable
              caption="Par administration"
              head={['Administration', 'Hackers publics', 'En cours', 'Besoins ouverts', 'Objectifs atteints', 'Satisfaction']}
            >
              {d.perAdministration.map((a) => (
                <tr key={a.administrationId}>
                  <td>{a.administrationName}</td>
                  <td>{a.sponsors}</td>
                  <td>{a.activeSponsorships}</td>
                  <td>{a.openNeeds}</td>
                  <td>
                    {a.objectivesAchieved} / {a.objectives}
                  </td>
                  <td>{a.satisfaction === null ? '—' : `${a.satisfaction.toLocaleString('fr-FR')}/5`}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
