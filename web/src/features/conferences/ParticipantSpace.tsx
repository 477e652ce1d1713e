import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import { urlOf } from '../../../../shared/routes/contract';
import { conferenceRoutes as routes } from '../../../../shared/routes/conferences.routes';
import type { meeting } from '../../../../shared/schemas/conference';
import { meetingRequestStatusLabels, meetingStatusLabels } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';
import { formatSlot } from './conference-format';

type Meeting = z.output<typeof meeting>;

function FeedbackForm({ eventId, m, registrationId }: { eventId: string; m: Meeting; registrationId: string }) {
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await call(routes.feedback, { params: { id: eventId, mid: m.id }, body: { rating: Number(rating), comment, followUp, registrationId } });
      setDone(true);
    } catch (err) {
      setError(err as Error);
    }
  };
  if (done) return <Alert severity="success" small description="Merci pour votre avis." />;
  return (
    <form onSubmit={submit} aria-label={`Avis sur le rendez-vous avec ${m.aLabel === m.bLabel ? m.aLabel : `${m.aLabel} et ${m.bLabel}`}`}>
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={`rating-${m.id}`}>
          Note (de 1 à 5)
        </label>
        <select id={`rating-${m.id}`} className="fr-select" value={rating} onChange={(e) => setRating(e.target.value)}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <Input
        label="Commentaire (vu par l’organisateur seulement)"
        textArea
        nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value) }}
      />
      <Checkbox
        options={[{ label: 'Je souhaite donner une suite', nativeInputProps: { checked: followUp, onChange: (e) => setFollowUp(e.target.checked) } }]}
      />
      {error && <ErrorAlert title="Avis non enregistré" error={error} />}
      <Button type="submit" size="small">
        Envoyer mon avis
      </Button>
    </form>
  );
}

/** A participant's space for one registration: who to meet and why, requests, availability, agenda with its calendar links, feedback. */
export function ParticipantSpace({
  eventId,
  registration,
  published,
}: {
  eventId: string;
  registration: { id: string; role: string; label: string };
  published: boolean;
}) {
  const args = { params: { id: eventId, rid: registration.id } };
  const recommendations = useCall(routes.recommendations, args);
  const requests = useCall(routes.requests, { params: { id: eventId } });
  const slots = useCall(routes.slots, { params: { id: eventId } });
  const availability = useCall(routes.availability, args);
  const agenda = useCall(routes.agenda, { params: { id: eventId }, query: { registration: registration.id } });
  const meetings = useCall(routes.meetings, { params: { id: eventId } });
  const [error, setError] = useState<Error>();
  const [free, setFree] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (availability.data) setFree(new Set(availability.data.slotIds));
  }, [availability.data]);
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      recommendations.reload();
      requests.reload();
      meetings.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  const mine = (requests.data ?? []).filter((q) => q.from === registration.id || q.to === registration.id);
  const icsUrl = urlOf(routes.agendaIcs, { params: { id: eventId }, query: { registration: registration.id } });
  const pdfUrl = urlOf(routes.agendaPdf, { params: { id: eventId }, query: { registration: registration.id } });
  return (
    <section aria-labelledby={`space-${registration.id}`}>
      <h2 id={`space-${registration.id}`}>Mon espace — {registration.label}</h2>
      {error && <ErrorAlert title="Action impossible" error={error} className="fr-mb-2w" />}

      <h3>Qui rencontrer</h3>
      {recommendations.error && <ErrorAlert title="Recommandations indisponibles" error={recommendations.error} />}
      {recommendations.data?.length === 0 && <p>Aucun inscrit de l’autre côté ne correspond pour l’instant.</p>}
      <ul className="essaim-recommendations">
        {(recommendations.data ?? []).map((r) => (
          <li key={r.registrationId} className="fr-mb-3w">
            <p className="fr-mb-1v">
              <strong>{r.label}</strong> — score {formatInt(r.score)} sur 1&#8239;000
            </p>
            <ul className="fr-text--sm">
              {r.reasons
                .filter((x) => x.contribution > 0)
                .map((x) => (
                  <li key={x.criterion}>
                    {x.detail} (+{formatInt(x.contribution)})
                  </li>
                ))}
            </ul>
            {r.requested ? (
              <p className="fr-text--sm">Demande envoyée ou rendez-vous prévu.</p>
            ) : (
              <Button
                size="small"
                onClick={() => act(() => call(routes.request, { params: { id: eventId }, body: { from: registration.id, to: r.registrationId, message: '' } }))}
              >
                Demander un rendez-vous à {r.label}
              </Button>
            )}
          </li>
        ))}
      </ul>

      <h3>Mes demandes</h3>
      {mine.length === 0 && <p>Aucune demande envoyée ni reçue.</p>}
      <ul>
        {mine.map((q) => (
          <li key={q.id}>
            {q.from === registration.id ? `Envoyée à ${q.toLabel}` : `Reçue de ${q.fromLabel}`}&#8239;: {meetingRequestStatusLabels[q.status]}
            {q.message && <span className="fr-text--sm"> — «&#8239;{q.message}&#8239;»</span>}
            {q.actions.includes('accept') && (
              <>
                {' '}
                <Button size="small" onClick={() => act(() => call(routes.accept, { params: { id: eventId, qid: q.id }, body: { message: '' } }))}>
                  Accepter
                </Button>{' '}
                <Button
                  size="small"
                  priority="secondary"
                  onClick={() => act(() => call(routes.decline, { params: { id: eventId, qid: q.id }, body: { message: '' } }))}
                >
                  Décliner
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>

      <h3>Mes disponibilités</h3>
      {slots.data && slots.data.length === 0 && <p>L’organisateur n’a pas encore ouvert de créneaux.</p>}
      {slots.data && slots.data.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void act(async () => {
              await call(routes.setAvailability, { ...args, body: { slotIds: [...free] } });
              setSaved(true);
            });
          }}
        >
          <Checkbox
            legend="Cochez les créneaux où vous êtes disponible"
            options={slots.data.map((s) => ({
              label: formatSlot(s.startsAt, s.endsAt),
              nativeInputProps: {
                checked: free.has(s.id),
                onChange: (e) => {
                  const next = new Set(free);
                  if (e.target.checked) next.add(s.id);
                  else next.delete(s.id);
                  setFree(next);
                },
              },
            }))}
          />
          <Button type="submit" size="small">
            Enregistrer mes disponibilités
          </Button>
          {saved && <p role="status">Disponibilités enregistrées.</p>}
        </form>
      )}

      <h3 className="fr-mt-4w">Mon agenda</h3>
      {!published && <p>L’organisateur n’a pas encore publié les agendas.</p>}
      {agenda.data && published && (
        <>
          {agenda.data.meetings.length === 0 && <p>Aucun rendez-vous planifié.</p>}
          <ul>
            {agenda.data.meetings.map((m) => (
              <li key={m.meetingId} className="fr-mb-2w">
                <strong>{formatSlot(m.startsAt, m.endsAt)}</strong>, table {m.table ?? '—'}, avec {m.with.label} ({meetingStatusLabels[m.status]})
                {m.videoUrl && (
                  <>
                    {' '}
                    — <a href={m.videoUrl}>lien de visio</a>
                  </>
                )}
                {m.reasons.length > 0 && (
                  <p className="fr-text--sm fr-mb-0">
                    Pourquoi&#8239;:{' '}
                    {m.reasons
                      .filter((x) => x.contribution > 0)
                      .map((x) => x.detail)
                      .join('\u202F; ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={icsUrl} download="agenda.ics">
              Télécharger l’agenda (.ics)
            </a>
          </p>
          <p>
            <a className="fr-link fr-icon-printer-line fr-link--icon-left" href={pdfUrl} download="agenda.pdf">
              Agenda imprimable (PDF)
            </a>
          </p>
          <Input
            label="Lien d’abonnement pour votre calendrier (personnel, ne le partagez pas)"
            nativeInputProps={{ readOnly: true, value: agenda.data.feedUrl, onFocus: (e) => e.target.select() }}
          />
        </>
      )}

      <h3 className="fr-mt-4w">Mes avis</h3>
      {(meetings.data ?? []).filter((m) => m.actions.includes('feedback') && (m.a === registration.id || m.b === registration.id)).length === 0 && (
        <p>Vous pourrez donner votre avis après chaque rendez-vous.</p>
      )}
      {(meetings.data ?? [])
        .filter((m) => m.actions.includes('feedback') && (m.a === registration.id || m.b === registration.id))
        .map((m) => (
          <FeedbackForm key={m.id} eventId={eventId} m={m} registrationId={registration.id} />
        ))}
    </section>
  );
}
