import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { accountRoutes } from '../../../../shared/routes/accounts.routes';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import type { Obstacle, ObstacleActionOut } from '../../../../shared/schemas/relance';
import {
  type ObstacleCategory,
  type ObstacleStatus,
  obstacleCategories,
  obstacleCategoryLabels,
  obstacleStatuses,
  obstacleStatusLabels,
} from '../../../../shared/vocabulary';
import { measurePage, meetingPage, obstaclePage, recordPage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker } from '../../components/pickers';
import { type ApiError, call } from '../../lib/api';
import { formatDate, formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ObstacleStatusBadge, RELANCE, RelanceNav } from './relance-ui';

const signIn = (path: string) => <Navigate to={`/connexion?retour=${encodeURIComponent(path)}`} replace />;
const severityLabels = { 1: 'Gêne', 2: 'Frein sérieux', 3: 'Blocage' } as Record<number, string>;
const categoryOptions = obstacleCategories.map((c) => ({ value: c, label: obstacleCategoryLabels[c] }));
const about = (o: Obstacle) => [o.projectTitle ?? o.organisationName, o.measureName].filter(Boolean).join(' — ') || '—';
const today = () => new Date().toISOString().slice(0, 10);
const overdue = (o: Obstacle) => !!o.dueOn && o.dueOn < today() && (o.status === 'open' || o.status === 'in_progress');

/** `/relance/freins`: the obstacles the caller may see, by status (kanban) or as a list. */
export function ObstaclesPage() {
  useTitle('Freins et blocages');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const view = params.get('vue') === 'liste' ? 'liste' : 'tableau';
  const [category, setCategory] = useState<ObstacleCategory | ''>('');
  const [mine, setMine] = useState(false);
  const list = useCall(
    relanceRoutes.listObstacles,
    me ? { query: { pageSize: 200, ...(category ? { category: [category] } : {}), ...(mine ? { mine: 'true' as const } : {}) } } : null,
  );
  if (me === null) return signIn(`${RELANCE}/freins`);
  const items = list.data?.items ?? [];
  const mayRaise = Boolean(me?.roles.some((r) => r.role === 'admin' || r.role === 'holder' || r.role === 'coordinator'));
  return (
    <>
      <h1 tabIndex={-1}>Freins et blocages</h1>
      <p>
        Les freins relevés lors des rencontres avec les opérateurs ou signalés par les porteurs de projet, suivis jusqu’à leur levée. Vous voyez ceux qui
        concernent vos projets, vos structures ou vos mesures.
      </p>
      <RelanceNav />
      {mayRaise && (
        <Link className="fr-btn fr-mb-2w" to={`${RELANCE}/freins/nouveau`}>
          Signaler un frein
        </Link>
      )}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <OptionSelect
            label="Catégorie"
            blank="Toutes les catégories"
            options={categoryOptions}
            nativeSelectProps={{ value: category, onChange: (e) => setCategory(e.target.value as ObstacleCategory | '') }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Checkbox options={[{ label: 'Ceux dont je suis responsable', nativeInputProps: { checked: mine, onChange: (e) => setMine(e.target.checked) } }]} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <SegmentedControl
            legend="Affichage"
            small
            segments={[
              { label: 'Tableau', nativeInputProps: { checked: view === 'tableau', onChange: () => setParams({}, { replace: true }) } },
              { label: 'Liste', nativeInputProps: { checked: view === 'liste', onChange: () => setParams({ vue: 'liste' }, { replace: true }) } },
            ]}
          />
        </div>
      </div>
      {list.error && <ErrorAlert title="Les freins ne se chargent pas" error={list.error} />}
      {list.loading && !list.data && <p>Chargement…</p>}
      {list.data && (
        <p className="fr-mt-2w" role="status">
          {list.data.total === 0 ? 'Aucun frein.' : `${formatInt(list.data.total)} frein${list.data.total > 1 ? 's' : ''}`}
        </p>
      )}
      {list.data && items.length > 0 && view === 'tableau' && (
        <div className="fr-grid-row fr-grid-row--gutters">
          {obstacleStatuses.map((s) => {
            const column = items.filter((o) => o.status === s);
            return (
              <section key={s} className="fr-col-12 fr-col-md" aria-labelledby={`colonne-${s}`}>
                <h2 id={`colonne-${s}`} className="fr-h6">
                  {obstacleStatusLabels[s]} ({column.length})
                </h2>
                <ul className="fr-raw-list">
                  {column.map((o) => (
                    <li key={o.id} className="fr-card fr-p-2w fr-mb-2w">
                      <p className="fr-text--bold fr-mb-1v">
                        <Link to={obstaclePage(o.id)}>{o.title}</Link>
                      </p>
                      <p className="fr-text--sm fr-mb-1v">{about(o)}</p>
                      <p className="fr-text--xs fr-mb-0">
                        {obstacleCategoryLabels[o.category]} · {severityLabels[o.severity]}
                        {o.dueOn ? ` · échéance ${formatDate(o.dueOn)}` : ''}
                        {overdue(o) ? ' · en retard' : ''}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {list.data && items.length > 0 && view === 'liste' && (
        <DataTable caption="Freins et blocages" head={['Frein', 'Statut', 'Catégorie', 'Sur', 'Opérateur', 'Responsable', 'Échéance']}>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={obstaclePage(o.id)}>{o.title}</Link>
              </td>
              <td>
                <ObstacleStatusBadge status={o.status} />
              </td>
              <td>{obstacleCategoryLabels[o.category]}</td>
              <td>{about(o)}</td>
              <td>{o.operatorName ?? '—'}</td>
              <td>{o.ownerName ?? '—'}</td>
              <td>
                {formatDate(o.dueOn)}
                {overdue(o) ? ' (en retard)' : ''}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** One step of the timeline, in words. */
function describe(a: ObstacleActionOut) {
  if (a.kind === 'status' && a.status) return `Statut\u202f: ${obstacleStatusLabels[a.status].toLowerCase()}`;
  if (a.kind === 'assign') return a.ownerName ? `Confié à ${a.ownerName}` : 'Sans responsable';
  return 'Commentaire';
}

/** `/relance/freins/{id}`: an obstacle, its timeline, and what the caller may do with it. */
export function ObstaclePage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const o = useCall(relanceRoutes.getObstacle, me ? { params: { id } } : null);
  const timeline = useCall(relanceRoutes.obstacleActions, me ? { params: { id } } : null);
  useTitle(o.data?.title ?? 'Frein');
  if (me === null) return signIn(obstaclePage(id));
  if (o.error?.status === 404) return <NotFoundPage />;
  if (o.error) return <ErrorAlert title="Ce frein n’a pas pu être chargé" error={o.error} />;
  if (!o.data) return <p role="status">Chargement…</p>;
  const ob = o.data;
  const reload = () => {
    o.reload();
    timeline.reload();
  };
  return (
    <>
      <Breadcrumb
        currentPageLabel={ob.title}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Freins et blocages', linkProps: { to: `${RELANCE}/freins` } },
        ]}
      />
      <h1 tabIndex={-1}>{ob.title}</h1>
      <RelanceNav />
      <p>
        <ObstacleStatusBadge status={ob.status} />
      </p>
      <dl className="essaim-facts">
        <dt>Catégorie</dt>
        <dd>{obstacleCategoryLabels[ob.category]}</dd>
        <dt>Gravité</dt>
        <dd>
          {severityLabels[ob.severity]} ({ob.severity}/3)
        </dd>
        {ob.projectId && (
          <>
            <dt>Projet</dt>
            <dd>
              <Link to={recordPage('projects', ob.projectId) ?? '#'}>{ob.projectTitle}</Link>
            </dd>
          </>
        )}
        {ob.organisationId && (
          <>
            <dt>Structure</dt>
            <dd>
              <Link to={recordPage('organisations', ob.organisationId) ?? '#'}>{ob.organisationName}</Link>
            </dd>
          </>
        )}
        <dt>Mesure</dt>
        <dd>{ob.measureId ? <Link to={measurePage(ob.measureId)}>{ob.measureName}</Link> : '—'}</dd>
        <dt>Opérateur</dt>
        <dd>{ob.operatorName ?? '—'}</dd>
        {ob.eventId && (
          <>
            <dt>Relevé lors de</dt>
            <dd>
              <Link to={meetingPage(ob.eventId)}>{ob.eventTitle}</Link>
            </dd>
          </>
        )}
        <dt>Responsable</dt>
        <dd>{ob.ownerName ?? 'Aucun'}</dd>
        <dt>Signalé par</dt>
        <dd>
          {ob.raisedByName ?? '—'}, le {formatDate(ob.createdAt)}
        </dd>
        <dt>Échéance</dt>
        <dd>
          {formatDate(ob.dueOn)}
          {overdue(ob) ? ' (en retard)' : ''}
        </dd>
        {ob.liftedAt && (
          <>
            <dt>Levé le</dt>
            <dd>{formatDate(ob.liftedAt)}</dd>
          </>
        )}
      </dl>
      {ob.description && <p className="fr-mt-2w">{ob.description}</p>}
      {ob.resolution && <Alert severity="success" small title="Résolution" description={ob.resolution} className="fr-mb-2w" />}
      <h2>Historique</h2>
      {timeline.error && <ErrorAlert title="L’historique ne se charge pas" error={timeline.error} />}
      {timeline.data && timeline.data.items.length === 0 && <p>Aucune action pour l’instant.</p>}
      {timeline.data && timeline.data.items.length > 0 && (
        <ol className="essaim-timeline">
          {timeline.data.items.map((a) => (
            <li key={a.id} className="fr-mb-2w">
              <p className="fr-mb-1v">
                <strong>{describe(a)}</strong> — {a.accountName ?? 'Essaim'}, le {formatDate(a.createdAt)}
              </p>
              {a.comment && <p className="fr-mb-1v">{a.comment}</p>}
              {a.reason && <p className="fr-mb-1v">Motif&#8239;: {a.reason}</p>}
              {a.resolution && <p className="fr-mb-1v">Résolution&#8239;: {a.resolution}</p>}
            </li>
          ))}
        </ol>
      )}
      <ObstacleActions obstacle={ob} onDone={reload} />
    </>
  );
}

/** The forms the caller's rights allow: comment, change the status (lifting needs a resolution), reassign. */
function ObstacleActions({ obstacle: ob, onDone }: { obstacle: Obstacle; onDone: () => void }) {
  const { me } = useSession();
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<ObstacleStatus | ''>('');
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState('');
  const [owner, setOwner] = useState('');
  const commentAction = useAction(() => {
    setComment('');
    onDone();
  });
  const statusAction = useAction(() => {
    setStatus('');
    setReason('');
    setResolution('');
    onDone();
  });
  const assignAction = useAction(() => {
    setOwner('');
    onDone();
  });
  const team = isNationalTeam(me);
  const accounts = useCall(accountRoutes.list, team && ob.actions.includes('assign') ? { query: { role: 'operator', pageSize: 200 } } : null);
  const owners = [
    ...(me && me.id !== ob.ownerAccountId ? [{ value: me.id, label: 'Moi-même' }] : []),
    ...(accounts.data?.items ?? []).filter((a) => a.id !== ob.ownerAccountId && a.id !== me?.id).map((a) => ({ value: a.id, label: a.name ?? a.email })),
    ...(ob.ownerAccountId ? [{ value: 'none', label: 'Personne (retirer le responsable)' }] : []),
  ];
  const post = (body: Parameters<typeof call<typeof relanceRoutes.addObstacleAction>>[1]['body']) =>
    call(relanceRoutes.addObstacleAction, { params: { id: ob.id }, body });
  const fieldErrors = (e: ApiError | null) => e?.fieldErrors() ?? {};
  return (
    <>
      {ob.actions.includes('comment') && (
        <form
          className="fr-mt-4w"
          aria-labelledby="commenter"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void commentAction.run(() => post({ kind: 'comment', comment }));
          }}
        >
          <h2 id="commenter" className="fr-h5">
            Commenter
          </h2>
          {commentAction.error && !fieldErrors(commentAction.error).comment && (
            <ErrorAlert title="Le commentaire n’est pas enregistré" error={commentAction.error} />
          )}
          <Input
            label="Commentaire"
            textArea
            state={fieldErrors(commentAction.error).comment ? 'error' : 'default'}
            stateRelatedMessage={commentAction.error?.message}
            nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), rows: 3, required: true }}
          />
          <Button type="submit" disabled={commentAction.busy}>
            Publier le commentaire
          </Button>
        </form>
      )}
      {ob.actions.includes('status') && (
        <form
          className="fr-mt-4w"
          aria-labelledby="changer-statut"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!status) return;
            void statusAction.run(() => post({ kind: 'status', status, ...(reason.trim() ? { reason } : {}), ...(resolution.trim() ? { resolution } : {}) }));
          }}
        >
          <h2 id="changer-statut" className="fr-h5">
            Changer le statut
          </h2>
          {statusAction.error && !fieldErrors(statusAction.error).resolution && <ErrorAlert title="Le statut n’a pas changé" error={statusAction.error} />}
          <OptionSelect
            label="Nouveau statut"
            blank="Choisir un statut"
            options={obstacleStatuses.filter((s) => s !== ob.status).map((s) => ({ value: s, label: obstacleStatusLabels[s] }))}
            nativeSelectProps={{ value: status, required: true, onChange: (e) => setStatus(e.target.value as ObstacleStatus | '') }}
          />
          <Input label="Motif (facultatif)" nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
          <Input
            label={status === 'lifted' ? 'Résolution (obligatoire pour lever le frein)' : 'Résolution'}
            hintText="Ce qui a permis de lever le frein"
            textArea
            state={fieldErrors(statusAction.error).resolution ? 'error' : 'default'}
            stateRelatedMessage={statusAction.error?.message}
            nativeTextAreaProps={{ value: resolution, onChange: (e) => setResolution(e.target.value), rows: 3, required: status === 'lifted' }}
          />
          <Button type="submit" disabled={statusAction.busy || !status}>
            Enregistrer le statut
          </Button>
        </form>
      )}
      {ob.actions.includes('assign') && owners.length > 0 && (
        <form
          className="fr-mt-4w"
          aria-labelledby="reassigner"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!owner) return;
            void assignAction.run(() => post({ kind: 'assign', ownerAccountId: owner === 'none' ? null : owner }));
          }}
        >
          <h2 id="reassigner" className="fr-h5">
            Changer de responsable
          </h2>
          {assignAction.error && <ErrorAlert title="Le responsable n’a pas changé" error={assignAction.error} />}
          <OptionSelect
            label="Nouveau responsable"
            blank="Choisir un compte"
            options={owners}
            nativeSelectProps={{ value: owner, required: true, onChange: (e) => setOwner(e.target.value) }}
          />
          <Button type="submit" disabled={assignAction.busy || !owner}>
            Confier le frein
          </Button>
        </form>
      )}
    </>
  );
}

/** `/relance/freins/nouveau?projet=…&mesure=…&rencontre=…`: raise an obstacle about a project (and a measure). */
export function RaiseObstaclePage() {
  useTitle('Signaler un frein');
  const { me } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [projectId, setProjectId] = useState<string | null>(params.get('projet'));
  const [measureId, setMeasureId] = useState(params.get('mesure') ?? '');
  const [eventId, setEventId] = useState(params.get('rencontre') ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<ObstacleCategory | ''>('');
  const [severity, setSeverity] = useState(2);
  const [dueOn, setDueOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const measures = useCall(relanceRoutes.projectMeasures, projectId ? { params: { id: projectId } } : null);
  const allMeasures = useCall(relanceRoutes.listMeasures, projectId ? null : { query: { pageSize: 200 } });
  const meetings = useCall(eventRoutes.list, me ? { query: { programme: 'ess-relance', kind: 'meeting', pageSize: 50 } } : null);
  if (me === null) return signIn(`${RELANCE}/freins/nouveau${window.location.search}`);
  const measureOptions = projectId
    ? (measures.data?.items ?? []).map((m) => ({ value: m.measure.id, label: `${m.measure.name} (${m.measure.operatorName})` }))
    : (allMeasures.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.operatorName})` }));
  const errors = error?.fieldErrors() ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!category) return;
    setBusy(true);
    setError(null);
    try {
      const created = await call(relanceRoutes.createObstacle, {
        body: {
          title,
          category,
          severity,
          ...(description.trim() ? { description } : {}),
          ...(projectId ? { projectId } : {}),
          ...(measureId ? { measureId } : {}),
          ...(eventId ? { eventId } : {}),
          ...(dueOn ? { dueOn } : {}),
        },
      });
      navigate(obstaclePage(created.id));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>Signaler un frein</h1>
      <RelanceNav />
      <p>
        Décrivez ce qui bloque l’accès de votre projet à une mesure du plan de relance&#8239;: l’opérateur concerné et l’équipe nationale en sont prévenus, et
        vous suivez le frein jusqu’à sa levée.
      </p>
      {error && <ErrorAlert title="Le frein n’est pas enregistré" error={error} />}
      <form onSubmit={submit}>
        <RefPicker
          resource="projects"
          label="Projet concerné"
          hint="Un projet que vous portez ou coordonnez"
          value={projectId}
          onChange={(v) => {
            setProjectId(v);
            setMeasureId('');
          }}
          error={errors.projectId}
        />
        <OptionSelect
          label="Mesure concernée (facultatif)"
          blank="Aucune mesure en particulier"
          options={measureOptions}
          state={errors.measureId ? 'error' : 'default'}
          stateRelatedMessage={errors.measureId}
          nativeSelectProps={{ value: measureId, onChange: (e) => setMeasureId(e.target.value) }}
        />
        <Input
          label="Intitulé du frein"
          state={errors.title ? 'error' : 'default'}
          stateRelatedMessage={errors.title}
          nativeInputProps={{ value: title, required: true, maxLength: 300, onChange: (e) => setTitle(e.target.value) }}
        />
        <Input
          label="Description (facultatif)"
          textArea
          nativeTextAreaProps={{ value: description, rows: 4, onChange: (e) => setDescription(e.target.value) }}
        />
        <OptionSelect
          label="Catégorie"
          blank="Choisir une catégorie"
          options={categoryOptions}
          state={errors.category ? 'error' : 'default'}
          stateRelatedMessage={errors.category}
          nativeSelectProps={{ value: category, required: true, onChange: (e) => setCategory(e.target.value as ObstacleCategory | '') }}
        />
        <RadioButtons
          legend="Gravité"
          orientation="horizontal"
          options={[1, 2, 3].map((n) => ({
            label: `${severityLabels[n]} (${n}/3)`,
            nativeInputProps: { checked: severity === n, onChange: () => setSeverity(n) },
          }))}
        />
        <OptionSelect
          label="Rencontre où il a été relevé (facultatif)"
          blank="Aucune"
          options={(meetings.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.startsAt)})` }))}
          nativeSelectProps={{ value: eventId, onChange: (e) => setEventId(e.target.value) }}
        />
        <Input
          label="Échéance souhaitée (facultatif)"
          state={errors.dueOn ? 'error' : 'default'}
          stateRelatedMessage={errors.dueOn}
          nativeInputProps={{ type: 'date', value: dueOn, onChange: (e) => setDueOn(e.target.value) }}
        />
        <FormButtons
          submit="Signaler le frein"
          cancelTo={projectId ? (recordPage('projects', projectId) ?? `${RELANCE}/freins`) : `${RELANCE}/freins`}
          busy={busy}
        />
      </form>
    </>
  );
}
