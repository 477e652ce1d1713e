import { WorkshopSection } from '../cooperation/CooperationSections';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { urlOf } from '../../../../shared/routes/contract';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import type { Event } from '../../../../shared/schemas/event';
import { formatParisSpan } from '../../../../shared/paris-time';
import { eventProgrammeLabels } from '../../../../shared/vocabulary';
import { conferencePage, eventEditPage, hackathonPage, meetingPage } from '../../../../shared/web-routes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Tags } from '../../components/Tags';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { eventTags, registeredText } from './event-format';
import { Registrations } from './Registrations';

const deleteModal = createModal({ id: 'confirmer-suppression-evenement', isOpenedByDefault: false });

/** `/evenements/{id}`: the event's public page; registration for signed-in people; the check-in list for its organiser. */
export function EventPage() {
  const { id } = useParams();
  if (!id) return <NotFoundPage />;
  return <EventDetail key={id} id={id} />;
}

function EventDetail({ id }: { id: string }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const { data: e, error, reload } = useCall(eventRoutes.get, me === undefined ? null : { params: { id } });
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  useEffect(() => {
    if (saved) window.history.replaceState({ ...window.history.state, usr: null }, '');
  }, [saved]);
  const [deleteError, setDeleteError] = useState<string>();
  useTitle(e?.title ?? 'Événement');

  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ErrorAlert title="Cet événement n’a pas pu être chargé" error={error} />;
  if (!e) return <p role="status">Chargement…</p>;

  const remove = async () => {
    try {
      await call(eventRoutes.remove, { params: { id } });
      deleteModal.close();
      navigate('/evenements', { replace: true, state: { deleted: e.title } });
    } catch (err) {
      deleteModal.close();
      setDeleteError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <Breadcrumb
        currentPageLabel={e.title}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Événements', linkProps: { to: '/evenements' } },
        ]}
      />
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h1 tabIndex={-1}>{e.title}</h1>
          <Tags tags={eventTags(e)} />
        </div>
        <div className="fr-col-auto">
          <RecordActions actions={e.actions} editTo={eventEditPage(id)} deleteButtonProps={deleteModal.buttonProps} />
        </div>
      </div>
      {saved && (
        <Alert severity="success" small title="Événement enregistré" description="Vos modifications sont enregistrées." className="fr-mb-2w" role="status" />
      )}
      {deleteError && <Alert severity="error" title="Suppression impossible" description={deleteError} className="fr-mb-2w" />}
      <EventFacts event={e} />
      {e.description && (
        <div className="fr-mb-4w essaim-no-print">
          {e.description.split(/\n+/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a static text
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
      {me === null
        ? e.registrationOpen && (
            <Alert
              severity="info"
              small
              className="essaim-no-print"
              description={
                <>
                  <Link to={`/connexion?retour=${encodeURIComponent(window.location.pathname)}`}>Connectez-vous</Link> pour vous inscrire, inscrire votre projet
                  ou votre fonds.
                </>
              }
            />
          )
        : me && <Registrations event={e} me={me} onChange={reload} />}
      {e.kind === 'workshop' && <WorkshopSection eventId={e.id} />}
      {me && e.kind === 'conference' && (
        <p className="essaim-no-print fr-mt-2w">
          <Link className="fr-link fr-icon-team-line fr-link--icon-left" to={conferencePage(e.id)}>
            Rendez-vous d’affaires (recommandations, demandes, agenda)
          </Link>
        </p>
      )}
      {me && e.kind === 'meeting' && e.programme === 'ess-relance' && (
        <p className="essaim-no-print fr-mt-2w">
          <Link className="fr-link fr-icon-file-text-line fr-link--icon-left" to={meetingPage(e.id)}>
            Ordre du jour, compte rendu et freins relevés
          </Link>
        </p>
      )}
      {me && e.kind === 'hackathon' && (
        <p className="essaim-no-print fr-mt-2w">
          <Link className="fr-link fr-icon-team-line fr-link--icon-left" to={hackathonPage(e.id)}>
            Hackathon{'\u202F'}: défis, équipes, jury et résultats
          </Link>
        </p>
      )}
      <deleteModal.Component
        title="Supprimer l’événement&#8239;?"
        buttons={[
          { children: 'Annuler', doClosesModal: true },
          { children: 'Supprimer définitivement', onClick: () => void remove(), doClosesModal: false },
        ]}
      >
        «&#8239;{e.title}&#8239;» et ses inscriptions seront supprimés. Cette action ne peut pas être annulée.
      </deleteModal.Component>
    </>
  );
}

function EventFacts({ event: e }: { event: Event }) {
  const facts: Array<{ label: string; value: React.ReactNode }> = [
    { label: 'Date', value: formatParisSpan(e.startsAt, e.endsAt) },
    ...(e.place ? [{ label: 'Lieu', value: `${e.place.address}, ${e.place.communeName}` }] : []),
    ...(e.onlineUrl
      ? [
          {
            label: 'En ligne',
            value: (
              <a href={e.onlineUrl} target="_blank" rel="noreferrer" title={`${e.onlineUrl} (nouvelle fenêtre)`}>
                Lien de connexion
              </a>
            ),
          },
        ]
      : []),
    { label: 'Programme', value: eventProgrammeLabels[e.programme] },
    {
      label: 'Organisation',
      value: e.organiserOrganisationId ? <Link to={`/structures/${e.organiserOrganisationId}`}>{e.organiserName}</Link> : e.organiserName,
    },
    { label: 'Participation', value: registeredText(e) },
    { label: 'Inscriptions', value: e.registrationOpen ? 'Ouvertes' : 'Closes' },
  ];
  return (
    <>
      <dl className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        {facts.map((f) => (
          <div key={f.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
            <dt className="fr-text--bold fr-mb-0">{f.label}</dt>
            <dd className="fr-ml-0">{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="essaim-no-print">
        <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href={urlOf(eventRoutes.calendar, { params: { id: e.id } })} download>
          Ajouter à mon agenda (.ics)
        </a>
      </p>
    </>
  );
}
