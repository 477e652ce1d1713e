import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { openDataRoutes } from '../../../../shared/routes/open-data.routes';
import { NNBSP, typo } from '../../../../shared/text';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

const FORMATS = [
  { key: 'csv', label: 'CSV' },
  { key: 'xlsx', label: 'XLSX' },
  { key: 'json', label: 'JSON' },
] as const;

/** The open data catalogue: each public dataset, its download links per format, its data dictionary and the licence. */
export function OpenDataPage() {
  useTitle('Données ouvertes');
  const { data, error, loading } = useCall(openDataRoutes.catalogue, {});
  return (
    <article>
      <Breadcrumb currentPageLabel="Données ouvertes" segments={[{ label: 'Accueil', linkProps: { to: '/' } }]} />
      <h1 tabIndex={-1}>Données ouvertes</h1>
      <p className="fr-text--lead">
        {typo(
          'Les données publiques du réseau, à télécharger et à réutiliser librement : collectifs, projets, structures, événements publics, mesures du plan de relance et indicateurs par année.',
        )}
      </p>
      <p>
        {typo(
          'Chaque jeu est proposé en CSV (séparateur « ; », UTF-8), en XLSX et en JSON, avec son dictionnaire des données au format Table Schema. Les fichiers ne contiennent que ce que les pages publiques montrent déjà : aucune donnée personnelle (ni personnes, ni adresses électroniques, ni coordonnées privées).',
        )}
      </p>
      {error && <ErrorAlert title="Le catalogue n’a pas pu être chargé" error={error} />}
      {loading && !data && <p>Chargement du catalogue…</p>}
      {data && (
        <>
          <DataTable caption="Jeux de données" head={['Jeu de données', 'Description', 'Téléchargement', 'Dictionnaire']}>
            {data.datasets.map((d) => (
              <tr key={d.name}>
                <td>
                  <strong>{d.title}</strong>
                </td>
                <td className="fr-cell--multiline">{typo(d.description)}</td>
                <td>
                  <ul className="fr-links-group">
                    {FORMATS.map((f) => (
                      <li key={f.key}>
                        <a className="fr-link fr-link--sm fr-link--icon-left fr-icon-download-line" href={d.links[f.key]} download>
                          {f.label}
                          <span className="fr-sr-only">
                            {NNBSP}: {d.title}
                          </span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <a className="fr-link fr-link--sm" href={d.links.schema}>
                    Schéma ({d.fieldCount} champs)
                    <span className="fr-sr-only">
                      {NNBSP}: {d.title}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
          <h2 className="fr-mt-4w">Licence</h2>
          <p>
            {typo('Ces données sont publiées sous la ')}
            <a href={data.licence.path} target="_blank" rel="noopener noreferrer" title={`${data.licence.title} – nouvelle fenêtre`}>
              {data.licence.title}
            </a>
            {typo(
              ' (Etalab-2.0) : vous pouvez les réutiliser librement, y compris à des fins commerciales, en mentionnant leur source (« Essaim ») et la date de leur dernière mise à jour.',
            )}
          </p>
          <p>
            {typo('Le catalogue est aussi disponible pour les programmes : ')}
            <a href="/api/open-data">/api/open-data</a>
            {typo(' (voir la ')}
            <a href="/api/docs">documentation de l’API</a>
            {').'}
          </p>
        </>
      )}
    </article>
  );
}
