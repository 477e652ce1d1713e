import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { conferenceRoutes as routes } from '../../../../shared/routes/conferences.routes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { OrganiserConsole } from './OrganiserConsole';
import { ParticipantSpace } from './ParticipantSpace';

/**
 * A conference's bilateral meetings: the organiser's console (slots,
 * requests, schedule with its proof, table plan, publication) and, for each
 * registration of the signed-in person (their project, their fund), their
 * space (recommendations, requests, availability, agenda, feedback).
 */
export function ConferencePage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const settings = useCall(routes.settings, me ? { params: { id } } : null);
  const [tab, setTab] = useState(0);
  useTitle('Rendez-vous d’affaires');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`/evenements/${id}/conference`)}`} replace />;
  const s = settings.data;
  const title = <h1 tabIndex={-1}>Rendez-vous d’affaires</h1>;
  if (settings.error)
    return (
      <>
        {title}
        {settings.error.status === 404 ? (
          <Alert severity="warning" title="Conférence introuvable" description="Cette conférence n’existe pas, ou vous n’y participez pas." />
        ) : (
          <ErrorAlert title="La conférence n’a pas pu être chargée" error={settings.error} />
        )}
      </>
    );
  if (!s)
    return (
      <>
        {title}
        <p role="status">Chargement…</p>
      </>
    );
  const mine = s.myRegistrations;
  return (
    <>
      {title}
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/evenements/${id}`}>
          Retour à l’événement
        </a>
      </p>
      {s.organiser && <OrganiserConsole eventId={id} settings={s} reload={settings.reload} />}
      {mine.length > 1 && (
        <nav className="fr-mb-2w" aria-label="Mes inscriptions">
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {mine.map((r, i) => (
              <li key={r.id}>
                <button type="button" className={`fr-btn ${i === tab ? '' : 'fr-btn--secondary'}`} aria-pressed={i === tab} onClick={() => setTab(i)}>
                  {r.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {mine[tab] && <ParticipantSpace eventId={id} registration={mine[tab]} published={s.publishedAt !== null} />}
    </>
  );
}
