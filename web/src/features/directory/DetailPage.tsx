import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Collective } from '../../../../shared/schemas/collective';
import { ApiError, call } from '../../lib/api';
import { isNationalTeam, useSession } from '../../lib/session';
import { useThemes } from '../../lib/themes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { type ResourceConfig, resourceBySlug, sectorRoleLabels } from './resources';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Tags } from '../../components/Tags';
import { AnonymisePerson } from './AnonymisePerson';
import { RecordHistory } from '../../components/RecordHistory';
import { RelatedList } from './RelatedList';
import { CollectiveCooperation, ProgrammeCooperation, ProjectReplications } from '../cooperation/CooperationSections';
import { CollectiveDecisions } from '../decisions/DecisionsPage';
import { OrganisationChallenges } from '../challenges/OrganisationChallenges';
import { ProjectMeasures } from '../relance/ProjectMeasures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';

const PerimeterMap = lazy(() => import('./PerimeterMap').then((m) => ({ default: m.PerimeterMap })));

const deleteModal = createModal({ id: 'confirmer-suppression', isOpenedByDefault: false });

import { type AnyRecord, routesOf } from './directory-api';

export function DetailPage() {
  const { slug, id } = useParams();
  const cfg = resourceBySlug(slug);
  if (!cfg || !id) return <NotFoundPage />;
  return <Detail key={`${cfg.slug}/${id}`} cfg={cfg} id={id} />;
}

function Detail({ cfg, id }: { cfg: ResourceConfig; id: string }) {
  const { me } = useSession();
  const navigate = useNavigate();
  // Asked again once the session is known: signed-in users see more fields.
  const routes = routesOf(cfg.api);
  const { data, error, reload } = useCall(routes.get, me === undefined ? null : { params: { id } });
  const r: AnyRecord | undefined = data;
  const [deleteError, setDeleteError] = useState<string>();
  // Set by the form after a save: said once, on arrival.
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const themes = useThemes();
  // Once said, not said again on a reload.
  useEffect(() => {
    if (saved) window.history.replaceState({ ...window.history.state, usr: null }, '');
  }, [saved]);
  useTitle(r ? cfg.titleOf(r) : cfg.title);

  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ErrorAlert title="Cette fiche n’a pas pu être chargée" error={error} />;
  if (!r) return <p role="status">Chargement…</p>;

  const title = cfg.titleOf(r);
  const remove = async () => {
    try {
      await call(routes.remove, { params: { id } });
      deleteModal.close();
      navigate(`/${cfg.slug}`, { replace: true, state: { deleted: title } });
    } catch (e) {
      deleteModal.close();
      setDeleteError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const facts = cfg.facts(r);
  const summary = typeof r.summary === 'string' ? r.summary.trim() : '';
  // The description often opens with the summary: the summary is not printed twice.
  const fullDescription = typeof r.description === 'string' ? r.description.trim() : '';
  const description = summary && fullDescription.startsWith(summary) ? fullDescription.slice(summary.length).trim() : fullDescription;
  const themeCodes = Array.isArray(r.themes) ? (r.themes as string[]) : typeof r.themeCode === 'string' ? [r.themeCode] : null;
  const themeLabel = (code: string) => themes.find((t) => t.code === code)?.label ?? code;
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: cfg.title, linkProps: { to: `/${cfg.slug}` } },
        ]}
      />
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h1 tabIndex={-1}>{title}</h1>
          <Tags tags={cfg.tagsOf(r)} />
        </div>
        <div className="fr-col-auto">
          <RecordActions actions={r.actions} editTo={`/${cfg.slug}/${id}/modifier`} deleteButtonProps={deleteModal.buttonProps} />
        </div>
      </div>
      {saved && (
        <Alert
          severity="success"
          title="Fiche enregistrée"
          description="Vos modifications sont enregistrées et visibles de tous."
          small
          className="fr-mb-2w"
          role="status"
        />
      )}
      {deleteError && <Alert severity="error" title="Suppression impossible" description={deleteError} className="fr-mb-2w" />}
      {summary && <p className="fr-text--lead">{summary}</p>}
      {description && (
        <div className="fr-mb-4w">
          {description.split(/\n+/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a static text
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
      <h2 className="fr-h4">En bref</h2>
      <dl className="fr-grid-row fr-grid-row--gutters">
        {themeCodes && (
          <div className="fr-col-12">
            <dt className="fr-text--bold fr-mb-1w">Thématiques</dt>
            <dd className="fr-ml-0">
              {themeCodes.length ? (
                <ul className="fr-tags-group">
                  {themeCodes.map((c) => (
                    <li key={c}>
                      <Link className="fr-tag fr-tag--sm" to={`/${cfg.slug}?theme=${c}`}>
                        {themeLabel(c)}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : cfg.slug === 'fonds' ? (
                'Toutes (le fonds ne se limite à aucune thématique)'
              ) : (
                'Aucune'
              )}
            </dd>
          </div>
        )}
        {facts.map((f) => (
          <div key={f.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
            <dt className="fr-text--bold fr-mb-0">{f.label}</dt>
            <dd className="fr-ml-0">
              {f.restricted && !me ? (
                <span className="fr-text--sm">Réservé aux personnes connectées</span>
              ) : f.to && f.value !== '—' ? (
                <Link to={f.to}>{f.value}</Link>
              ) : (
                f.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <Related cfg={cfg} record={r} />
      {isNationalTeam(me) && cfg.slug === 'personnes' && <AnonymisePerson id={r.id} name={title} onDone={reload} />}
      {isNationalTeam(me) && <RecordHistory api={cfg.api} id={r.id} fields={cfg.fields} />}
      <deleteModal.Component
        title={`Supprimer ${cfg.one} ?`}
        buttons={[
          { children: 'Annuler', doClosesModal: true },
          { children: 'Supprimer définitivement', onClick: () => void remove(), doClosesModal: false },
        ]}
      >
        «&#8239;{title}&#8239;» sera supprimé. Cette action ne peut pas être annulée (l’historique garde la trace de la fiche).
      </deleteModal.Component>
    </>
  );
}

/** What a record links to, listed under it. */
function Related({ cfg, record: r }: { cfg: ResourceConfig; record: AnyRecord }) {
  switch (cfg.slug) {
    case 'collectifs':
      return (
        <>
          <h2 className="fr-h4 fr-mt-4w">Périmètre</h2>
          <Suspense fallback={<p>Chargement de la carte…</p>}>
            <PerimeterMap perimeter={r.perimeter as Collective['perimeter']} />
          </Suspense>
          <RelatedList title="Projets du collectif" list={{ resource: 'projects', query: { collective: r.id, pageSize: 50 } }} slug="projets" />
          <RelatedList title="Structures membres" ids={r.memberIds as string[]} resource="organisations" slug="structures" />
          <CollectiveCooperation collectiveId={r.id} />
          <CollectiveDecisions collectiveId={r.id} />
        </>
      );
    case 'structures':
      return (
        <>
          <RelatedList title="Projets portés ou soutenus" list={{ resource: 'projects', query: { organisation: r.id, pageSize: 50 } }} slug="projets" />
          <RelatedList title="Personnes" list={{ resource: 'people', query: { organisation: r.id, pageSize: 50 } }} slug="personnes" />
          <OrganisationChallenges organisationId={r.id} />
        </>
      );
    case 'projets':
      return (
        <>
          <RelatedList title="Structures partenaires" ids={r.partnerIds as string[]} resource="organisations" slug="structures" />
          <ProjectMeasures projectId={r.id} />
          <ProjectReplications projectId={r.id} />
        </>
      );
    case 'pionniers':
      return (
        <RelatedList
          title="Entreprises championnes"
          items={(r.champions as Array<{ id: string; name: string }>).map((c) => ({ id: c.id, label: c.name }))}
          slug="structures"
        />
      );
    case 'filieres':
      return (
        <>
          <RelatedList
            title="Membres"
            items={(r.members as Array<{ organisationId: string; name: string; role: keyof typeof sectorRoleLabels }>).map((m) => ({
              id: m.organisationId,
              label: `${m.name} — ${sectorRoleLabels[m.role]}`,
            }))}
            slug="structures"
          />
          <RelatedList title="Projets" ids={r.projectIds as string[]} resource="projects" slug="projets" />
          <ProgrammeCooperation programmeId={r.id} />
        </>
      );
    default:
      return null;
  }
}
