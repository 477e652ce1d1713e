import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Link, useSearchParams } from 'react-router';
import { formatInt, plural } from '../../lib/format';
import { statsRoutes } from '../../../../shared/routes/stats.routes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ErrorAlert } from '../../components/ErrorAlert';

const LEVELS = {
  departement: { title: 'Départements couverts par des projets', one: 'département', column: 'Département', other: 'region' },
  region: { title: 'Régions couvertes par des projets', one: 'région', column: 'Région', other: 'departement' },
} as const;

/**
 * The territories where at least one project is carried: the list behind the
 * home page’s « départements couverts » figure, one row per territory.
 */
export function CoveredTerritoriesPage() {
  const [params] = useSearchParams();
  const level = params.get('niveau') === 'region' ? 'region' : 'departement';
  const l = LEVELS[level];
  useTitle(l.title);
  const { data, error } = useCall(statsRoutes.territories, { query: { level, covered: 'true' } });
  return (
    <>
      <Breadcrumb currentPageLabel={l.title} segments={[{ label: 'Accueil', linkProps: { to: '/' } }]} />
      <h1 tabIndex={-1}>{l.title}</h1>
      <p className="fr-text--lead">
        Les {level === 'region' ? 'régions' : 'départements'} où au moins un projet à impact est porté. Chacun mène aux projets de son territoire.
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={`/territoires?niveau=${l.other}`}>
          {LEVELS[l.other].title}
        </Link>
      </p>
      {error && <ErrorAlert title="La liste n’a pas pu être chargée" error={error} />}
      {!data && !error && <p role="status">Chargement…</p>}
      {data && (
        <>
          <p className="fr-h5" role="status">
            {plural(data.items.length, l.one)}
          </p>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>{l.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{l.column}</th>
                  <th scope="col">Projets</th>
                  <th scope="col">Collectifs</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((t) => (
                  <tr key={t.code}>
                    <th scope="row">
                      <Link to={`/projets?territory=${level}:${t.code}`}>
                        {t.name} ({t.code})
                      </Link>
                    </th>
                    <td>{formatInt(t.projects)}</td>
                    <td>{formatInt(t.collectives)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
