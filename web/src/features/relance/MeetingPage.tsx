import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { formatParisSpan } from '../../../../shared/paris-time';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import type { MeetingAgenda } from '../../../../shared/schemas/relance';
import { obstacleCategoryLabels } from '../../../../shared/vocabulary';
import { eventPage, measurePage, meetingPage, obstaclePage, recordPage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OptionSelect } from '../../components/OptionSelect';
import { call } from '../../lib/api';
import { formatDate, formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ObstacleStatusBadge, RELANCE, RelanceNav } from './relance-ui';

const attendanceLabels = { attended: 'Présent', registered: 'Inscrit', no_show: 'Absent' } as const;

/**
 * `/evenements/{id}/rencontre`: an #ESSrelance meeting with the operators —
 * its agenda (a measure, a project presented), minutes, attendance and the
 * obstacles raised there. Its organiser edits the agenda and the minutes.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const event = useCall(eventRoutes.get, me ? { params: { id } } : null);
  const agenda = useCall(relanceRoutes.meetingAgenda, me ? { params: { id } } : null);
  const obstacles = useCall(relanceRoutes.listObstacles, me ? { query: { event: id, pageSize: 200 } } : null);
  useTitle(event.data?.title ?? 'Rencontre #ESSrelance');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(meetingPage(id))}`} replace />;
  if (event.error?.status === 404 || agenda.error?.status === 404) return <NotFoundPage />;
  if (event.error) return <ErrorAlert title="Cette rencontre n’a pas pu être chargée" error={event.error} />;
  if (agenda.error) return <ErrorAlert title="L’ordre du jour n’a pas pu être chargé" error={agenda.error} />;
  if (!event.data || !agenda.data) return <p role="status">Chargement…</p>;
  const e = event.data;
  const a = agenda.data;
  const editable = a.actions.includes('update');
  return (
    <>
      <Breadcrumb
        currentPageLabel="Rencontre"
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Événements', linkProps: { to: '/evenements' } },
          { label: e.title, linkProps: { to: eventPage(id) } },
        ]}
      />
      <h1 tabIndex={-1}>{e.title}</h1>
      <RelanceNav />
      <p>
        {formatParisSpan(e.startsAt, e.endsAt)}
        {e.place ? ` — ${e.place.communeName}` : e.onlineUrl ? ' — en ligne' : ''}. Organisée par {e.organiserName}.
      </p>
      <h2>Ordre du jour</h2>
      {a.items.length === 0 ? (
        <p>Pas encore d’ordre du jour.</p>
      ) : (
        <ol>
          {a.items.map((i) => (
            <li key={i.id} className="fr-mb-1w">
              {i.title}
              {i.measureId && (
                <>
                  {' '}
                  — mesure&#8239;: <Link to={measurePage(i.measureId)}>{i.measureName}</Link>
                </>
              )}
              {i.projectId && (
                <>
                  {' '}
                  — projet&#8239;: <Link to={recordPage('projects', i.projectId) ?? '#'}>{i.projectTitle}</Link>
                </>
              )}
              {i.notes && <p className="fr-text--sm fr-mb-0">{i.notes}</p>}
            </li>
          ))}
        </ol>
      )}
      {editable && <AgendaEditor agenda={a} eventId={id} onDone={agenda.reload} />}
      <h2>Compte rendu</h2>
      {a.minutes ? (
        <>
          <p style={{ whiteSpace: 'pre-line' }}>{a.minutes}</p>
          {a.minutesUpdatedAt && <p className="fr-text--xs">Mis à jour le {formatDate(a.minutesUpdatedAt)}.</p>}
        </>
      ) : (
        <p>Pas encore de compte rendu.</p>
      )}
      {editable && <MinutesEditor agenda={a} eventId={id} onDone={agenda.reload} />}
      <h2>Participants</h2>
      <p>
        {formatInt(a.attendance.registered)} inscription{a.attendance.registered > 1 ? 's' : ''}, {formatInt(a.attendance.attended)} présence
        {a.attendance.attended > 1 ? 's' : ''}, {formatInt(a.attendance.noShow)} absence{a.attendance.noShow > 1 ? 's' : ''}.
      </p>
      {a.attendance.participants.length > 0 && (
        <DataTable caption="Structures et projets inscrits" head={['Participant', 'Type', 'Présence']}>
          {a.attendance.participants.map((p) => (
            <tr key={`${p.kind}:${p.id}`}>
              <td>
                <Link to={recordPage(p.kind === 'project' ? 'projects' : 'organisations', p.id) ?? '#'}>{p.name}</Link>
              </td>
              <td>{p.kind === 'project' ? 'Projet présenté' : 'Structure'}</td>
              <td>{attendanceLabels[p.status]}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>Freins relevés</h2>
      {obstacles.error && <ErrorAlert title="Les freins ne se chargent pas" error={obstacles.error} />}
      {obstacles.data && obstacles.data.items.length === 0 && <p>Aucun frein relevé lors de cette rencontre (parmi ceux que vous pouvez voir).</p>}
      {obstacles.data && obstacles.data.items.length > 0 && (
        <ul>
          {obstacles.data.items.map((o) => (
            <li key={o.id} className="fr-mb-1w">
              <Link to={obstaclePage(o.id)}>{o.title}</Link> <ObstacleStatusBadge status={o.status} /> — {obstacleCategoryLabels[o.category]}
              {o.operatorName ? `, ${o.operatorName}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="fr-link fr-icon-alert-line fr-link--icon-left" to={`${RELANCE}/freins/nouveau?rencontre=${id}`}>
          Signaler un frein relevé lors de cette rencontre
        </Link>
      </p>
    </>
  );
}

type Row = { title: string; measureId: string | null; projectId: string | null; notes: string };

/** The organiser's editor of the agenda: items in order, each with a title and optionally a measure (presented projects are kept). */
function AgendaEditor({ agenda, eventId, onDone }: { agenda: MeetingAgenda; eventId: string; onDone: () => void }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const measures = useCall(relanceRoutes.listMeasures, rows ? { query: { pageSize: 200 } } : null);
  const action = useAction(() => {
    setRows(null);
    onDone();
  });
  if (!rows)
    return (
      <Button
        priority="secondary"
        size="small"
        onClick={() => setRows(agenda.items.map((i) => ({ title: i.title, measureId: i.measureId, projectId: i.projectId, notes: i.notes })))}
      >
        Modifier l’ordre du jour
      </Button>
    );
  const set = (n: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === n ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(() => call(relanceRoutes.setMeetingAgenda, { params: { id: eventId }, body: { items: rows } }));
  };
  return (
    <form onSubmit={submit} aria-label="Modifier l’ordre du jour" className="fr-card fr-p-3w fr-mb-2w">
      {action.error && <ErrorAlert title="L’ordre du jour n’est pas enregistré" error={action.error} />}
      {rows.map((r, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
        <fieldset key={n} className="fr-fieldset">
          <legend className="fr-fieldset__legend">Point {n + 1}</legend>
          <Input label="Intitulé" nativeInputProps={{ value: r.title, required: true, maxLength: 300, onChange: (e) => set(n, { title: e.target.value }) }} />
          <OptionSelect
            label="Mesure présentée"
            blank="Aucune"
            options={(measures.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            nativeSelectProps={{ value: r.measureId ?? '', onChange: (e) => set(n, { measureId: e.target.value || null }) }}
          />
          {r.projectId && <p className="fr-text--sm">Projet présenté&#8239;: {agenda.items.find((i) => i.projectId === r.projectId)?.projectTitle ?? '—'}</p>}
          <Button type="button" priority="tertiary" size="small" onClick={() => setRows(rows.filter((_, k) => k !== n))}>
            Retirer le point {n + 1}
          </Button>
        </fieldset>
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" priority="secondary" onClick={() => setRows([...rows, { title: '', measureId: null, projectId: null, notes: '' }])}>
            Ajouter un point
          </Button>
        </li>
        <li>
          <Button type="submit" disabled={action.busy}>
            Enregistrer l’ordre du jour
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => setRows(null)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

/** The organiser's editor of the minutes. */
function MinutesEditor({ agenda, eventId, onDone }: { agenda: MeetingAgenda; eventId: string; onDone: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const action = useAction(() => {
    setText(null);
    onDone();
  });
  if (text === null)
    return (
      <Button priority="secondary" size="small" onClick={() => setText(agenda.minutes ?? '')}>
        {agenda.minutes ? 'Modifier le compte rendu' : 'Rédiger le compte rendu'}
      </Button>
    );
  return (
    <form
      className="fr-card fr-p-3w fr-mb-2w"
      aria-label="Compte rendu"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => call(relanceRoutes.setMeetingMinutes, { params: { id: eventId }, body: { minutes: text } }));
      }}
    >
      {action.error && <ErrorAlert title="Le compte rendu n’est pas enregistré" error={action.error} />}
      <Input label="Compte rendu" textArea nativeTextAreaProps={{ value: text, rows: 8, required: true, onChange: (e) => setText(e.target.value) }} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={action.busy}>
            Enregistrer le compte rendu
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => setText(null)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
