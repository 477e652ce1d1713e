import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type FigureKey, figureLinks, figureValue } from '../../../../shared/figure-links';
import type { Stats } from '../../../../shared/schemas/reference';
import { projectStageLabels } from '../../../../shared/vocabulary';
import { formatEurCompact, formatInt } from '../../lib/format';
import { directoryRoutesByResource } from '../../../../shared/routes/directory.routes';
import { statsRoutes } from '../../../../shared/routes/stats.routes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { typo } from '../../../../shared/text';
import { ErrorAlert } from '../../components/ErrorAlert';

// The map (and its outlines) loads after the figures.
const FranceMap = lazy(() => import('./FranceMap').then((m) => ({ default: m.FranceMap })));

interface Figure {
  value: string;
  label: string;
  to: string;
}

/** The key figures shown, each a link to the list it counts (the same links a test follows). */
function figures(s: Stats): Figure[] {
  const n = (key: FigureKey) => formatInt(figureValue(s, key));
  return [
    { value: n('collectives'), label: 'collectifs territoriaux labellisés', to: figureLinks.collectives },
    { value: n('projects'), label: 'projets à impact', to: figureLinks.projects },
    { value: n('pioneers'), label: 'Pionniers French Impact', to: figureLinks.pioneers },
    { value: n('champions'), label: 'entreprises championnes', to: figureLinks.champions },
    { value: n('funds'), label: 'fonds à impact labellisés', to: figureLinks.funds },
    { value: formatEurCompact(s.fundsMobilisableEur), label: 'mobilisables par ces fonds', to: figureLinks.fundsMobilisableEur },
    { value: n('advisors'), label: 'conseillers Impact Finance formés', to: figureLinks.advisors },
    { value: n('publicSponsors'), label: 'hackers publics', to: figureLinks.publicSponsors },
    { value: n('administrations'), label: 'administrations où servent ces hackers publics', to: figureLinks.administrations },
    { value: n('siae'), label: 'structures d’insertion (SIAE)', to: figureLinks.siae },
    { value: n('sectorProgrammes'), label: 'programmes de filière', to: figureLinks.sectorProgrammes },
    { value: n('departements'), label: 'départements couverts par des projets', to: figureLinks.departements },
  ];
}

/** The years the home page offers besides today: the network's first year to the last full one. */
const FIRST_YEAR = 2018;
const pastYears = (now: Date) => Array.from({ length: now.getFullYear() - FIRST_YEAR }, (_, i) => now.getFullYear() - 1 - i);

export function HomePage() {
  useTitle('Accueil');
  const [search] = useSearchParams();
  const raw = search.get('annee');
  const years = pastYears(new Date());
  const year = raw && /^\d{4}$/.test(raw) && years.includes(Number(raw)) ? Number(raw) : null;
  const stats = useCall(statsRoutes.get, year ? { query: { year } } : {});
  const latest = useCall(directoryRoutesByResource.projects.list, { query: { sort: '-createdAt', pageSize: 6 } });
  return (
    <>
      <h1 tabIndex={-1}>Le réseau national d’innovation sociale de l’ESS</h1>
      <p className="fr-text--lead">
        Essaim relie les collectifs territoriaux, les projets à impact, les Pionniers, les financeurs et les agents publics qui font changer d’échelle
        l’économie sociale et solidaire.
      </p>

      <section aria-labelledby="chiffres-cles" className="fr-mb-6w">
        <h2 id="chiffres-cles">{year ? `Chiffres clés ${year}` : 'Chiffres clés aujourd’hui'}</h2>
        <nav aria-label="Période des chiffres clés" className="fr-mb-2w">
          <ul className="fr-tags-group">
            {[null, ...years].map((y) => (
              <li key={y ?? 'now'}>
                <Link className="fr-tag" to={y ? `/?annee=${y}` : '/'} aria-current={y === year ? 'page' : undefined}>
                  {y ? `Au 31 décembre ${y}` : 'Aujourd’hui'}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {stats.error && <ErrorAlert title="Les chiffres n’ont pas pu être chargés" error={stats.error} />}
        {!stats.data && !stats.error && <p role="status">Chargement des chiffres…</p>}
        {stats.data && (
          <>
            <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list essaim-figures">
              {figures(stats.data).map((f) => (
                <li key={f.label} className="fr-col-6 fr-col-lg-3">
                  <div className="fr-tile fr-enlarge-link">
                    <div className="fr-tile__body">
                      <div className="fr-tile__content">
                        <p className="fr-tile__title">
                          <Link to={f.to}>{f.value}</Link>
                        </p>
                        <p className="fr-tile__desc">{f.label}</p>
                      </div>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <p className="fr-text--xs fr-mt-1w essaim-figures-source">
              Source : Essaim, chiffres calculés en direct à partir des fiches du réseau, le{' '}
              {new Date(stats.data.generatedAt).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' })}
              {stats.data.year
                ? typo(
                    `\u202F; période\u202F: les stocks (collectifs, projets, fonds…) au 31 décembre ${stats.data.year}, les flux (rencontres, investissements) pendant l’année ${stats.data.year}. Les liens mènent aux listes d’aujourd’hui. `,
                  )
                : typo('\u202F; période\u202F: aujourd’hui, toutes années confondues.')}
              {stats.data.year && <Link to={`/rapport-annuel/${stats.data.year}`}>{`Rapport annuel ${stats.data.year}`}</Link>}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="carte" className="fr-mb-6w">
        <h2 id="carte">Le réseau sur le territoire</h2>
        <Suspense fallback={<p role="status">Chargement de la carte…</p>}>
          <FranceMap />
        </Suspense>
      </section>

      <section aria-labelledby="derniers-projets">
        <h2 id="derniers-projets">Derniers projets</h2>
        {latest.error && <ErrorAlert title="Les derniers projets n’ont pas pu être chargés" error={latest.error} />}
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {latest.data?.items.map((p) => (
            <li key={p.id} className="fr-col-12 fr-col-md-4">
              <div className="fr-card fr-enlarge-link fr-card--sm">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h3 className="fr-card__title">
                      <Link to={`/projets/${p.id}`}>{p.title}</Link>
                    </h3>
                    <p className="fr-card__desc">{p.summary}</p>
                    <p className="fr-card__detail">
                      {projectStageLabels[p.stage]}
                      {p.communeName ? ` · ${p.communeName}` : ''}
                    </p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
        <p>
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/projets">
            Tous les projets
          </Link>
        </p>
      </section>
    </>
  );
}
