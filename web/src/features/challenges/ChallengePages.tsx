import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { challengeRoutes } from '../../../../shared/routes/challenges.routes';
import { urlOf } from '../../../../shared/routes/contract';
import { challengeEnrolmentPage, challengePage, challengeStructurePage } from '../../../../shared/web-routes';
import { organisationKindLabels } from '../../../../shared/vocabulary';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { type ApiError, call } from '../../lib/api';
import { formatDate, formatInt, plural } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import type { Challenge, Dashboard, StructureProgress } from './challenge-api';
import { ChallengeMap } from './ChallengeMap';
import { ProgressTable } from './OrganisationChallenges';

const NNBSP = '\u202f';
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}${NNBSP}%` : '—');
const targetOf = (c: Pick<Challenge, 'targetKind' | 'targetSiaeKinds'>) =>
  c.targetKind === 'siae'
    ? `Structures d’insertion par l’activité économique${c.targetSiaeKinds.length ? ` (${c.targetSiaeKinds.join(', ')})` : ''}`
    : organisationKindLabels[c.targetKind];

/** The challenges: each with its partners, its dates and how many structures joined. */
export function ChallengesPage() {
  useTitle('Défis');
  const list = useCall(challengeRoutes.list, { query: { pageSize: 50 } });
  return (
    <>
      <h1 tabIndex={-1}>Défis</h1>
      <p className="fr-text--lead">
        Un défi mobilise des structures autour d’un objectif commun, étape par étape. Chaque structure inscrite relève son avancement&#8239;; les partenaires
        suivent le tableau de bord.
      </p>
      {list.error && <ErrorAlert title="Les défis ne se chargent pas" error={list.error} />}
      {!list.data && !list.error && <p role="status">Chargement…</p>}
      <div className="fr-grid-row fr-grid-row--gutters">
        {list.data?.items.map((c) => (
          <div key={c.id} className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">
                    <Link to={challengePage(c.id)}>{c.title}</Link>
                  </h2>
                  <p className="fr-card__desc">
                    {plural(c.enrolled, 'structure inscrite', 'structures inscrites')} · {c.steps.length} étapes · du {formatDate(c.startsOn)} au{' '}
                    {formatDate(c.endsOn)}
                  </p>
                  <p className="fr-card__detail">Partenaires&#8239;: {c.partners.map((p) => p.name).join(', ') || 'aucun'}</p>
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>
      {list.data?.items.length === 0 && <p>Aucun défi pour l’instant.</p>}
    </>
  );
}

/** A challenge's page: what it is, who runs it, its dashboard (funnel, map, stuck structures for its partners), joining for a structure. */
export function ChallengePage() {
  const { id = '' } = useParams();
  const c = useCall(challengeRoutes.get, { params: { id } });
  const d = useCall(challengeRoutes.dashboard, { params: { id }, query: {} });
  useTitle(c.data ? `Défi ${c.data.title}` : 'Défi');
  if (c.error) return <ErrorAlert title="Ce défi ne se charge pas" error={c.error} />;
  if (!c.data) return <p role="status">Chargement…</p>;
  const challenge = c.data;
  return (
    <>
      <nav className="fr-breadcrumb" aria-label={'vous êtes ici\u202f:'}>
        <ol className="fr-breadcrumb__list">
          <li>
            <Link className="fr-breadcrumb__link" to="/defis">
              Défis
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page" href={challengePage(id)}>
              {challenge.title}
            </a>
          </li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>Défi «&#8239;{challenge.title}&#8239;»</h1>
      <p className="fr-text--lead">{challenge.description}</p>
      <ul>
        <li>
          Du {formatDate(challenge.startsOn)} au {formatDate(challenge.endsOn)}
        </li>
        <li>Public visé&#8239;: {targetOf(challenge)}</li>
        <li>
          Partenaires&#8239;:{' '}
          {challenge.partners.length
            ? challenge.partners.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link to={`/structures/${p.id}`}>{p.name}</Link>
                </span>
              ))
            : 'aucun'}
        </li>
      </ul>
      <Join
        challenge={challenge}
        onJoined={() => {
          c.reload();
          d.reload();
        }}
      />
      {challenge.actions.includes('enrolMany') && (
        <p>
          <Link className="fr-link fr-icon-upload-line fr-link--icon-left" to={challengeEnrolmentPage(id)}>
            Inscrire des structures en nombre et importer des relevés
          </Link>
        </p>
      )}
      <h2>Tableau de bord</h2>
      {d.error && <ErrorAlert title="Le tableau de bord ne se charge pas" error={d.error} />}
      {!d.data && !d.error && <p role="status">Chargement du tableau de bord…</p>}
      {d.data && <DashboardView challenge={challenge} d={d.data} />}
    </>
  );
}

/** A structure's holders enrol it (those of the target population not yet enrolled). */
function Join({ challenge, onJoined }: { challenge: Challenge; onJoined: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!challenge.joinable.length) return null;
  const join = async (organisationId: string) => {
    setBusy(true);
    setError(null);
    try {
      await call(challengeRoutes.enrol, { params: { id: challenge.id }, body: { organisationId } });
      onJoined();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title fr-h5">Rejoindre le défi</h2>
      {error && <ErrorAlert title="L’inscription n’a pas abouti" error={error} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {challenge.joinable.map((o) => (
          <li key={o.id}>
            <Button disabled={busy} onClick={() => void join(o.id)}>
              Inscrire {o.name}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DashboardView({ challenge, d }: { challenge: Challenge; d: Dashboard }) {
  const max = Math.max(1, d.enrolled);
  const exportUrl = (format: 'csv' | 'xlsx') => urlOf(challengeRoutes.dashboard, { params: { id: challenge.id }, query: { format } });
  return (
    <>
      <p className="fr-text--sm">
        Chiffres au {formatDate(d.asOf)}
        {d.scope === 'public' &&
          ' (chiffres agrégés publics\u202f; la liste des structures bloquées est réservée aux partenaires du défi et à l’équipe nationale)'}
        .
      </p>
      <ul className="essaim-key-figures fr-grid-row fr-grid-row--gutters">
        {[
          [formatInt(d.enrolled), 'structures inscrites'],
          [formatInt(d.active30d), 'actives sur les 30 derniers jours'],
          [formatInt(d.completed), `parcours terminés (${pct(d.completed, d.enrolled)})`],
          [formatInt(d.stuck.total), 'bloquées depuis plus de 60 jours'],
        ].map(([value, label]) => (
          <li key={label} className="fr-col-6 fr-col-md-3">
            <p className="fr-h3 fr-mb-0">{value}</p>
            <p>{label}</p>
          </li>
        ))}
      </ul>
      <h3>Étapes franchies</h3>
      <DataTable caption="Structures ayant franchi chaque étape" head={['Étape', 'Mesure et cible', 'Structures', 'Part des inscrites']} showCaption>
        {d.funnel.map((s, i) => {
          const step = challenge.steps[i];
          return (
            <tr key={s.stepId}>
              <td>
                {i + 1}. {s.label}
              </td>
              <td>
                {step?.measure}&#8239;: {formatInt(step?.target ?? 0)}
              </td>
              <td>{formatInt(s.count)}</td>
              <td>
                <span className="essaim-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((s.count / max) * 100)}%` }} />
                </span>{' '}
                {pct(s.count, d.enrolled)}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <h3>Par département</h3>
      <ChallengeMap dashboard={d} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <BreakdownTable caption="Par région" label="Région" rows={d.byRegion} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <BreakdownTable caption="Par type de SIAE" label="Type" rows={d.bySiaeKind} />
        </div>
      </div>
      {d.scope === 'full' && (
        <>
          <h3>Structures bloquées depuis plus de 60 jours</h3>
          {d.stuck.items.length === 0 ? (
            <p>Aucune.</p>
          ) : (
            <DataTable
              caption={`Les ${formatInt(d.stuck.items.length)} structures bloquées depuis le plus longtemps (sur ${formatInt(d.stuck.total)})`}
              head={['Structure', 'Étape en attente', 'Depuis']}
              showCaption
            >
              {d.stuck.items.map((s) => (
                <tr key={s.organisationId}>
                  <td>
                    <Link to={challengeStructurePage(challenge.id, s.organisationId)}>{s.name}</Link>
                  </td>
                  <td>{s.stepLabel}</td>
                  <td>
                    {formatDate(s.since)} ({formatInt(s.days)}&#8239;jours)
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
      <h3>Relevés par semaine</h3>
      <details>
        <summary>
          {plural(
            d.perWeek.reduce((n, w) => n + w.records, 0),
            'relevé',
          )}{' '}
          sur {plural(d.perWeek.length, 'semaine')}
        </summary>
        <DataTable caption="Relevés d’avancement par semaine" head={['Semaine du', 'Relevés']}>
          {d.perWeek.map((w) => (
            <tr key={w.week}>
              <td>{formatDate(w.week)}</td>
              <td>{formatInt(w.records)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
      <p className="fr-mt-2w">
        Exporter le tableau de bord&#8239;:{' '}
        <a className="fr-link" href={exportUrl('csv')} download>
          CSV
        </a>{' '}
        ·{' '}
        <a className="fr-link" href={exportUrl('xlsx')} download>
          XLSX
        </a>
      </p>
    </>
  );
}

/** A structure's progress in a challenge, and the form its holders record a step with. */
export function StructureProgressPage() {
  const { id = '', organisationId = '' } = useParams();
  const { me } = useSession();
  const p = useCall(challengeRoutes.structureProgress, me ? { params: { id, organisationId } } : null);
  useTitle(p.data ? `${p.data.organisationName} — défi ${p.data.challengeTitle}` : 'Avancement dans un défi');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(challengeStructurePage(id, organisationId))}`} replace />;
  if (p.error) return <ErrorAlert title="Cet avancement ne se charge pas" error={p.error} />;
  if (!p.data) return <p role="status">Chargement…</p>;
  const s = p.data;
  return (
    <>
      <p>
        <Link to={challengePage(id)} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Défi «&#8239;{s.challengeTitle}&#8239;»
        </Link>
      </p>
      <h1 tabIndex={-1}>{s.organisationName}</h1>
      <p className="fr-text--lead">
        Inscrite au défi le {formatDate(s.enrolledOn)} · {s.stepsDone} étape{s.stepsDone > 1 ? 's' : ''} franchie{s.stepsDone > 1 ? 's' : ''} sur{' '}
        {s.steps.length}
      </p>
      <ProgressTable progress={s} />
      {s.canRecord && <ProgressForm progress={s} onSaved={p.reload} />}
    </>
  );
}

function ProgressForm({ progress, onSaved }: { progress: StructureProgress; onSaved: () => void }) {
  const firstUndone = progress.steps.find((s) => !s.done) ?? progress.steps[0];
  const [stepId, setStepId] = useState(firstUndone?.id ?? '');
  const [value, setValue] = useState('');
  const [recordedOn, setRecordedOn] = useState(new Date().toISOString().slice(0, 10));
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fieldError = (path: string) => error?.details.find((d) => d.path === path)?.message;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const r = await call(challengeRoutes.recordProgress, {
        params: { id: progress.challengeId },
        body: {
          organisationId: progress.organisationId,
          stepId,
          value: value.trim() === '' ? Number.NaN : Number(value),
          recordedOn,
          evidenceUrl: evidenceUrl.trim() || null,
        },
      });
      const step = r.steps.find((s) => s.id === stepId);
      setSaved(step?.done ? `Relevé enregistré\u202f: l’étape «\u202f${step.label}\u202f» est franchie.` : 'Relevé enregistré.');
      setValue('');
      setEvidenceUrl('');
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="fr-mt-4w" noValidate>
      <h2>Relever l’avancement</h2>
      {error && <ErrorAlert title="Le relevé n’a pas été enregistré" error={error} className="fr-mb-2w" />}
      {saved && <Alert severity="success" small description={saved} className="fr-mb-2w" />}
      <OptionSelect
        label="Étape"
        blank="Choisissez une étape"
        options={progress.steps.map((s) => ({ value: s.id, label: `${s.position + 1}. ${s.label} (${s.measure}, cible ${s.target})` }))}
        nativeSelectProps={{ value: stepId, onChange: (e) => setStepId(e.target.value), required: true }}
        state={fieldError('stepId') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('stepId')}
      />
      <Input
        label="Valeur mesurée"
        hintText={'Un nombre entier\u202f: par exemple le nombre de salariés formés à ce jour.'}
        state={fieldError('value') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('value')}
        nativeInputProps={{ type: 'number', min: 0, step: 1, inputMode: 'numeric', value, onChange: (e) => setValue(e.target.value), required: true }}
      />
      <Input
        label="Date du relevé"
        state={fieldError('recordedOn') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('recordedOn')}
        nativeInputProps={{ type: 'date', value: recordedOn, onChange: (e) => setRecordedOn(e.target.value), required: true }}
      />
      <Input
        label="Lien vers une preuve (facultatif)"
        hintText="Une adresse web complète, par exemple une attestation de formation en ligne."
        state={fieldError('evidenceUrl') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('evidenceUrl')}
        nativeInputProps={{ type: 'url', value: evidenceUrl, onChange: (e) => setEvidenceUrl(e.target.value) }}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Enregistrement…' : 'Enregistrer le relevé'}
      </Button>
    </form>
  );
}

/** One breakdown of the dashboard (région, SIAE kind): structures enrolled and journeys completed. */
function BreakdownTable({
  caption,
  label,
  rows,
}: {
  caption: string;
  label: string;
  rows: ReadonlyArray<{ code: string; name: string; enrolled: number; completed: number }>;
}) {
  return (
    <DataTable caption={caption} head={[label, 'Inscrites', 'Parcours terminés']} showCaption>
      {rows.map((r) => (
        <tr key={r.code}>
          <td>{r.name}</td>
          <td>{formatInt(r.enrolled)}</td>
          <td>
            {formatInt(r.completed)} ({pct(r.completed, r.enrolled)})
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
