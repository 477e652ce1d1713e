import { Link, Navigate } from 'react-router';
import type { WorkspaceSection } from '../../../../shared/schemas/workspace';
import { roleLabels } from '../../../../shared/vocabulary';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { workspaceRoutes } from '../../../../shared/routes/workspace.routes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ErrorAlert } from '../../components/ErrorAlert';

const GROUPS: Array<{ group: WorkspaceSection['group']; title: string }> = [
  { group: 'awaiting', title: 'Ce qui vous attend' },
  { group: 'yours', title: 'Ce dont vous vous occupez' },
  { group: 'network', title: 'La vie du réseau' },
];

// Paris time, as every date of the network (a meeting at 09:00 in Grenoble reads 09:00 from anywhere).
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** « Mon espace »: where a person lands after signing in, one block per role (and, later, per programme). */
export function WorkspacePage() {
  useTitle('Mon espace');
  const { me } = useSession();
  const workspace = useCall(workspaceRoutes.get, me ? {} : null);
  if (me === null) return <Navigate to="/connexion?retour=%2Fmon-espace" replace />;
  const w = workspace.data;
  return (
    <>
      <h1 tabIndex={-1}>Mon espace</h1>
      {me && (
        <p className="fr-text--lead">
          {me.name ? `Bonjour ${me.name}.` : 'Bonjour.'}{' '}
          {me.roles.length
            ? `${me.roles.length > 1 ? 'Vos rôles' : 'Votre rôle'}\u202f: ${me.roles.map((r) => roleLabels[r.role]).join(', ')}.`
            : 'Votre compte n’a pas encore de rôle\u202f: l’équipe nationale vous en attribue un au besoin.'}
        </p>
      )}
      {workspace.error && <ErrorAlert title="Votre espace n’a pas pu être chargé" error={workspace.error} />}
      {(!me || (!w && !workspace.error)) && <p role="status">Chargement de votre espace…</p>}
      {w && w.sections.length === 0 && (
        <p>
          Rien à afficher pour l’instant. Parcourez les <Link to="/projets">projets</Link> et les <Link to="/collectifs">collectifs</Link> du réseau.
        </p>
      )}
      {w &&
        GROUPS.map(({ group, title }) => {
          const sections = w.sections.filter((s) => s.group === group);
          if (sections.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`groupe-${group}`} className="fr-mb-6w">
              <h2 id={`groupe-${group}`}>{title}</h2>
              <div className="fr-grid-row fr-grid-row--gutters">
                {sections.map((s) => (
                  <div key={s.key} className={group === 'network' ? 'fr-col-12' : 'fr-col-12 fr-col-lg-6'}>
                    <Section section={s} />
                  </div>
                ))}
              </div>
            </section>
          );
        })}
      {w && (
        <p className="fr-mt-4w">
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/compte">
            Mon compte, mes données et mes jetons d’accès
          </Link>
        </p>
      )}
    </>
  );
}

function Section({ section: s }: { section: WorkspaceSection }) {
  const headingId = `section-${s.key}`;
  return (
    <section className="essaim-workspace-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="fr-h5 fr-mb-1w">
        {s.title}
        {s.total > 1 && <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--blue-ecume fr-ml-1w">{formatInt(s.total)}</span>}
      </h3>
      {s.intro && <p className="fr-text--sm fr-mb-2w">{s.intro}</p>}
      {s.items.length === 0 ? (
        <p className="fr-text--sm">{s.empty}</p>
      ) : (
        <ul className="fr-raw-list essaim-workspace-items">
          {s.items.map((i) => (
            <li key={i.id}>
              {i.href ? <Link to={i.href}>{i.label}</Link> : <span className="fr-text--bold">{i.label}</span>}
              {(i.detail || i.at) && (
                <p className="fr-text--xs fr-mb-0 essaim-muted">
                  {i.at && <time dateTime={i.at}>{when.format(new Date(i.at))}</time>}
                  {i.at && i.detail ? ' · ' : ''}
                  {i.detail}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {s.total > s.items.length && !s.more && (
        <p className="fr-text--xs fr-mt-1w">
          {formatInt(s.items.length)} sur {formatInt(s.total)}
        </p>
      )}
      {s.more && (
        <p className="fr-mt-2w fr-mb-0">
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={s.more.href}>
            {s.more.label}
          </Link>
        </p>
      )}
    </section>
  );
}
