import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { conferenceRoutes as routes } from '../../../../shared/routes/conferences.routes';
import { urlOf } from '../../../../shared/routes/contract';
import { jobRoutes } from '../../../../shared/routes/jobs.routes';
import type { conferenceSettings, meeting, meetingPatch, scheduleResult } from '../../../../shared/schemas/conference';
import { meetingRequestStatusLabels, meetingStatusLabels } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';
import { DataTable } from '../../components/DataTable';
import { formatSlot, formatTime } from './conference-format';

type Settings = z.output<typeof conferenceSettings>;
type Meeting = z.output<typeof meeting>;
type Result = z.output<typeof scheduleResult>;

/** « 342 rendez-vous planifiés sur un maximum démontré de 342 » */
export const proofLine = (r: Pick<Result, 'scheduled' | 'upperBound'>) =>
  `${formatInt(r.scheduled)} rendez-vous planifié${r.scheduled > 1 ? 's' : ''} sur un maximum démontré de ${formatInt(r.upperBound)}`;

function SlotsForm({ eventId, settings, onDone }: { eventId: string; settings: Settings; onDone: () => void }) {
  // Each day row keeps its own key while rows are added.
  const [days, setDays] = useState(() =>
    (settings.days.length ? settings.days : [{ date: '', start: '09:00', end: '12:30' }]).map((d, uid) => ({ ...d, uid })),
  );
  const [meetingMinutes, setMeetingMinutes] = useState(String(settings.meetingMinutes ?? 30));
  const [breakMinutes, setBreakMinutes] = useState(String(settings.breakMinutes ?? 5));
  const [tables, setTables] = useState(String(settings.tables ?? 20));
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(routes.setSlots, {
        params: { id: eventId },
        body: {
          days: days.map(({ date, start, end }) => ({ date, start, end })),
          meetingMinutes: Number(meetingMinutes),
          breakMinutes: Number(breakMinutes),
          tables: Number(tables),
        },
      });
      onDone();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const setDay = (i: number, key: 'date' | 'start' | 'end', v: string) => setDays(days.map((d, j) => (j === i ? { ...d, [key]: v } : d)));
  return (
    <form onSubmit={submit} aria-label="Créneaux">
      {days.map((d, i) => (
        <fieldset key={d.uid} className="fr-fieldset">
          <legend className="fr-fieldset__legend">Journée {i + 1}</legend>
          <Input label="Date" nativeInputProps={{ type: 'date', value: d.date, required: true, onChange: (e) => setDay(i, 'date', e.target.value) }} />
          <Input
            label="Début (heure de Paris)"
            nativeInputProps={{ type: 'time', value: d.start, required: true, onChange: (e) => setDay(i, 'start', e.target.value) }}
          />
          <Input
            label="Fin (heure de Paris)"
            nativeInputProps={{ type: 'time', value: d.end, required: true, onChange: (e) => setDay(i, 'end', e.target.value) }}
          />
        </fieldset>
      ))}
      <Button
        type="button"
        priority="tertiary"
        iconId="fr-icon-add-line"
        onClick={() => setDays([...days, { date: '', start: '09:00', end: '12:30', uid: Math.max(0, ...days.map((d) => d.uid)) + 1 }])}
      >
        Ajouter une journée
      </Button>
      <Input
        label="Durée d’un rendez-vous (minutes)"
        nativeInputProps={{ type: 'number', min: 5, max: 240, value: meetingMinutes, onChange: (e) => setMeetingMinutes(e.target.value) }}
      />
      <Input
        label="Pause entre deux rendez-vous (minutes)"
        nativeInputProps={{ type: 'number', min: 0, max: 240, value: breakMinutes, onChange: (e) => setBreakMinutes(e.target.value) }}
      />
      <Input label="Nombre de tables" nativeInputProps={{ type: 'number', min: 1, max: 1000, value: tables, onChange: (e) => setTables(e.target.value) }} />
      {error && <ErrorAlert title="Créneaux non générés" error={error} className="fr-mb-2w" />}
      <Button type="submit" disabled={busy}>
        {busy ? 'Génération…' : 'Générer les créneaux'}
      </Button>
    </form>
  );
}

/** What a dragged meeting carries: its id (the drop target is a slot of the table plan). */
const DRAG_TYPE = 'application/x-essaim-meeting';

/**
 * A slot of the table plan that takes a meeting dropped on it: the server
 * places it at a free table, or refuses the move with its reason (the
 * « Déplacer » form does the same from the keyboard).
 */
function DropSlot({ onDropMeeting, children }: { onDropMeeting: (meetingId: string) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the « Déplacer » form is the keyboard's way
    <div
      className={over ? 'essaim-drop essaim-drop--over' : 'essaim-drop'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (!id) return;
        e.preventDefault();
        onDropMeeting(id);
      }}
    >
      {children}
    </div>
  );
}

function MeetingRow({
  eventId,
  m,
  slots,
  onDone,
}: {
  eventId: string;
  m: Meeting;
  slots: Array<{ id: string; startsAt: string; endsAt: string }>;
  onDone: () => void;
}) {
  const [error, setError] = useState<Error>();
  const [slotId, setSlotId] = useState(m.slotId ?? '');
  const [table, setTable] = useState(m.table ? String(m.table) : '');
  // The move form opens on demand: a slot's table lists many meetings.
  const [moving, setMoving] = useState(false);
  const patch = async (body: z.input<typeof meetingPatch>) => {
    setError(undefined);
    try {
      await call(routes.updateMeeting, { params: { id: eventId, mid: m.id }, body });
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  const draggable = m.actions.includes('move') && !m.locked;
  return (
    <tr
      draggable={draggable}
      onDragStart={draggable ? (e) => e.dataTransfer.setData(DRAG_TYPE, m.id) : undefined}
      className={draggable ? 'essaim-draggable' : undefined}
    >
      <td>{m.table ?? '—'}</td>
      <td>
        {m.aLabel} — {m.bLabel}
      </td>
      <td>
        <Badge small noIcon severity={m.status === 'scheduled' ? 'success' : m.status === 'unscheduled' ? 'warning' : 'info'}>
          {meetingStatusLabels[m.status]}
        </Badge>
        {m.locked && (
          <Badge small noIcon severity="new" className="fr-ml-1w">
            Verrouillé
          </Badge>
        )}
      </td>
      <td>
        {m.actions.includes('lock') && (
          <Button size="small" priority="tertiary" onClick={() => patch({ locked: !m.locked })}>
            {m.locked ? 'Déverrouiller' : 'Verrouiller'}
          </Button>
        )}
        {m.actions.includes('move') && !moving && (
          <Button size="small" priority="tertiary" onClick={() => setMoving(true)}>
            Déplacer
          </Button>
        )}
        {m.actions.includes('move') && moving && (
          <form
            className="essaim-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void patch({ slotId, ...(table ? { table: Number(table) } : {}) });
            }}
          >
            <label className="fr-label" htmlFor={`slot-${m.id}`}>
              Créneau
            </label>
            <select id={`slot-${m.id}`} className="fr-select" value={slotId} onChange={(e) => setSlotId(e.target.value)}>
              <option value="">Choisir</option>
              {slots.map((s) => (
                <option key={s.id} value={s.id}>
                  {formatSlot(s.startsAt, s.endsAt)}
                </option>
              ))}
            </select>
            <label className="fr-label" htmlFor={`table-${m.id}`}>
              Table
            </label>
            <input id={`table-${m.id}`} className="fr-input" type="number" min={1} value={table} onChange={(e) => setTable(e.target.value)} />
            <Button size="small" priority="secondary" type="submit" disabled={!slotId}>
              Valider le déplacement
            </Button>
          </form>
        )}
        {m.actions.includes('record') && (
          <>
            <Button size="small" priority="tertiary" onClick={() => patch({ status: 'held' })}>
              Tenu
            </Button>
            <Button size="small" priority="tertiary" onClick={() => patch({ status: 'no_show' })}>
              Absence
            </Button>
          </>
        )}
        {m.actions.includes('cancel') && (
          <Button size="small" priority="tertiary" onClick={() => patch({ status: 'cancelled' })}>
            Annuler
          </Button>
        )}
        {error && (
          <p className="fr-error-text" role="alert">
            {error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Five steps of blue (DSFR's « bleu France » scale), each with a text colour that keeps its contrast. */
const HEAT = [
  { background: '#f5f5fe', color: '#161616' },
  { background: '#e3e3fd', color: '#161616' },
  { background: '#cacafb', color: '#161616' },
  { background: '#8585f6', color: '#161616' },
  { background: '#313178', color: '#ffffff' },
];
const heat = (share: number) => HEAT[Math.min(HEAT.length - 1, Math.max(0, Math.round(share * (HEAT.length - 1))))] as (typeof HEAT)[number];

/**
 * The organiser's heat map: per slot, the share of the meeting participants
 * free then, and of those already meeting then (darker: more). The figures
 * are written in each cell; the colour only helps the eye.
 */
function HeatMap({ load }: { load: ReturnType<typeof useCall<typeof routes.slotLoad>> }) {
  if (load.error) return <ErrorAlert title="La carte des disponibilités ne se charge pas" error={load.error} />;
  if (!load.data || load.data.length === 0) return null;
  const cell = (n: number, of: number) => {
    const style = heat(of ? n / of : 0);
    return (
      <td style={style}>
        {formatInt(n)} sur {formatInt(of)}
      </td>
    );
  };
  return (
    <DataTable
      caption={`Disponibilités et rendez-vous par créneau (plus foncé\u202f: plus nombreux)`}
      head={['Créneau', 'Participants disponibles', 'Participants en rendez-vous', 'Tables occupées']}
    >
      {load.data.map((s) => (
        <tr key={s.id}>
          <td>{formatSlot(s.startsAt, s.endsAt)}</td>
          {cell(s.available, s.participants)}
          {cell(s.booked, s.participants)}
          {cell(Math.floor(s.booked / 2), s.tables)}
        </tr>
      ))}
    </DataTable>
  );
}

/** The organiser's console: slots, requests, « Planifier » with its proof, unscheduled meetings and why, the table plan, publication. */
export function OrganiserConsole({ eventId, settings, reload }: { eventId: string; settings: Settings; reload: () => void }) {
  const slots = useCall(routes.slots, { params: { id: eventId } });
  const meetings = useCall(routes.meetings, { params: { id: eventId } });
  const requests = useCall(routes.requests, { params: { id: eventId } });
  const load = useCall(routes.slotLoad, { params: { id: eventId } });
  const [result, setResult] = useState<Result>();
  const [progress, setProgress] = useState<string>();
  const [steps, setSteps] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<Error>();
  const [published, setPublished] = useState<string>();
  const refresh = () => {
    reload();
    slots.reload();
    meetings.reload();
    requests.reload();
    load.reload();
  };
  const plan = async (mode: 'all' | 'unscheduled') => {
    setError(undefined);
    setResult(undefined);
    setProgress('Planification en cours…');
    try {
      const out = await call(routes.schedule, { params: { id: eventId }, body: { mode } });
      if ('jobId' in out) {
        // A large conference is planned by a job: follow it until it ends.
        for (;;) {
          await new Promise((r) => setTimeout(r, 1000));
          const job = await call(jobRoutes.get, { params: { id: out.jobId } });
          if (job.progress)
            setProgress(
              job.progress.done < job.progress.total
                ? `Étape ${job.progress.done + 1} sur ${job.progress.total}\u202f: ${job.progress.phase}…`
                : 'Planification terminée, enregistrement…',
            );
          if (job.progress) setSteps({ done: job.progress.done, total: job.progress.total });
          if (job.state === 'completed') {
            setResult(job.result as Result);
            break;
          }
          if (job.state === 'failed' || job.state === 'cancelled') throw new Error(job.error ?? 'La planification a échoué.');
        }
      } else setResult(out);
      refresh();
    } catch (err) {
      setError(err as Error);
    } finally {
      setProgress(undefined);
      setSteps(undefined);
    }
  };
  const [moveError, setMoveError] = useState<Error>();
  const moveTo = async (meetingId: string, slotId: string) => {
    setMoveError(undefined);
    const m = (meetings.data ?? []).find((x) => x.id === meetingId);
    if (!m || m.slotId === slotId) return;
    try {
      await call(routes.updateMeeting, { params: { id: eventId, mid: meetingId }, body: { slotId } });
      refresh();
    } catch (err) {
      setMoveError(err as Error);
    }
  };
  const publish = async () => {
    setError(undefined);
    try {
      const r = await call(routes.publish, { params: { id: eventId } });
      setPublished(`Agendas publiés\u202F: ${formatInt(r.notified)} comptes prévenus.`);
      refresh();
    } catch (err) {
      setError(err as Error);
    }
  };
  const bySlot = new Map<string, Meeting[]>();
  for (const m of meetings.data ?? []) if (m.slotId && m.status !== 'cancelled') bySlot.set(m.slotId, [...(bySlot.get(m.slotId) ?? []), m]);
  const waiting = (meetings.data ?? []).filter((m) => !m.slotId || m.status === 'unscheduled' || m.status === 'to_schedule');
  const labelOf = new Map((meetings.data ?? []).map((m) => [m.id, `${m.aLabel} — ${m.bLabel}`]));
  return (
    <section aria-labelledby="console-title" className="fr-mb-6w">
      <h2 id="console-title">Console de l’organisateur</h2>
      <p>
        {formatInt(settings.slots)} créneaux · {formatInt(Object.values(settings.meetings).reduce((a, b) => a + b, 0))} rendez-vous ·{' '}
        {settings.publishedAt ? 'agendas publiés' : 'agendas non publiés'}
      </p>
      <h3>Créneaux</h3>
      <SlotsForm eventId={eventId} settings={settings} onDone={refresh} />
      <h3 className="fr-mt-4w">Disponibilités par créneau</h3>
      <p className="fr-text--sm fr-mb-0">
        Par créneau, les projets et financeurs disponibles, ceux qui ont déjà un rendez-vous, et les tables occupées (plus la case est foncée, plus ils sont
        nombreux).
      </p>
      <HeatMap load={load} />
      <h3 className="fr-mt-4w">Demandes de rendez-vous</h3>
      {requests.data?.length === 0 && <p>Aucune demande pour l’instant.</p>}
      {requests.data && requests.data.length > 0 && (
        <DataTable caption="Demandes de rendez-vous" head={['De', 'À', 'État']}>
          {requests.data.map((q) => (
            <tr key={q.id}>
              <td>{q.fromLabel}</td>
              <td>{q.toLabel}</td>
              <td>{meetingRequestStatusLabels[q.status]}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3 className="fr-mt-4w">Planification</h3>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button onClick={() => plan('all')} disabled={Boolean(progress)}>
            Planifier
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={() => plan('unscheduled')} disabled={Boolean(progress)}>
            Placer les rendez-vous restants
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={publish}>
            Publier les agendas
          </Button>
        </li>
      </ul>
      {progress && (
        <div className="fr-mb-2w">
          <p role="status" aria-live="polite" className="fr-mb-1w">
            {progress}
          </p>
          {steps && (
            <progress max={steps.total} value={steps.done} aria-label="Avancement de la planification">
              {steps.done} sur {steps.total}
            </progress>
          )}
        </div>
      )}
      {published && <Alert severity="success" small description={published} />}
      {error && <ErrorAlert title="Action impossible" error={error} className="fr-mb-2w" />}
      {result && (
        <div role="status" aria-live="polite" className="fr-mb-2w">
          <p className="fr-text--lead essaim-proof">{proofLine(result)}</p>
          {result.unscheduled.length > 0 && (
            <>
              <h4>Rendez-vous non placés</h4>
              <ul>
                {result.unscheduled.map((u) => (
                  <li key={u.meetingId}>
                    <strong>{labelOf.get(u.meetingId) ?? u.meetingId}</strong>&#8239;: {u.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <h3 className="fr-mt-4w">Plan des tables</h3>
      <p className="fr-text--sm">
        Glissez un rendez-vous vers un autre créneau pour l’y déplacer (à une table libre), ou utilisez son bouton «&#8239;Déplacer&#8239;» pour choisir le
        créneau et la table au clavier. Un déplacement qui enfreint une contrainte est refusé avec sa raison.
      </p>
      {moveError && <ErrorAlert title="Déplacement refusé" error={moveError} className="fr-mb-2w" />}
      <p>
        <a
          className="fr-link fr-icon-printer-line fr-link--icon-left"
          href={urlOf(routes.tablePlanPdf, { params: { id: eventId } })}
          download="plan-des-tables.pdf"
        >
          Plan des tables imprimable (PDF)
        </a>
      </p>
      {(slots.data ?? []).map((s) => (
        <DropSlot key={s.id} onDropMeeting={(mid) => moveTo(mid, s.id)}>
          <DataTable
            showCaption
            caption={`${formatSlot(s.startsAt, s.endsAt)} (${formatInt(bySlot.get(s.id)?.length ?? 0)} sur ${formatInt(s.tables)} tables)`}
            head={['Table', `Rendez-vous (${formatTime(s.startsAt)})`, 'État', 'Actions']}
          >
            {(bySlot.get(s.id) ?? []).map((m) => (
              <MeetingRow key={m.id} eventId={eventId} m={m} slots={slots.data ?? []} onDone={refresh} />
            ))}
          </DataTable>
        </DropSlot>
      ))}
      {waiting.length > 0 && (
        <DataTable caption="Rendez-vous à placer" head={['Table', 'Rendez-vous', 'État', 'Actions']}>
          {waiting.map((m) => (
            <MeetingRow key={m.id} eventId={eventId} m={m} slots={slots.data ?? []} onDone={refresh} />
          ))}
        </DataTable>
      )}
    </section>
  );
}
