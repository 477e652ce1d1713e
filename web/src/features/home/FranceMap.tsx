import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState } from 'react';
import { formatInt, plural } from '../../lib/format';
import { statsRoutes } from '../../../../shared/routes/stats.routes';
import { useCall } from '../../lib/use-api';
import { FranceSvg, METRO_CODES, OVERSEAS_CODES } from '../../components/FranceSvg';
import { classOf, mapClasses } from './map-classes';

// Blues from the DSFR palette, light to dark; « aucun » is a grey, not the lightest blue.
const SCALE = ['#cacafb', '#8585f6', '#3d3dd6', '#000091'];
const EMPTY = '#e5e5e5';

type Metric = 'projects' | 'collectives';
type Level = 'departement' | 'region';

/** The home page map: départements or régions coloured by projects or collectives, each a link to the directory. */
export function FranceMap() {
  const [metric, setMetric] = useState<Metric>('projects');
  const [level, setLevel] = useState<Level>('departement');
  const deps = useCall(statsRoutes.territories, { query: { level: 'departement' } });
  const regions = useCall(statsRoutes.territories, { query: { level: 'region' } });
  if (deps.error || regions.error) return <p>La carte n’a pas pu être chargée&#8239;: {(deps.error ?? regions.error)?.message}</p>;
  if (!deps.data || !regions.data) return <p role="status">Chargement de la carte…</p>;

  const byDep = new Map(deps.data.items.map((d) => [d.code, d]));
  const byRegion = new Map(regions.data.items.map((r) => [r.code, r]));
  const shown = [...METRO_CODES, ...OVERSEAS_CODES];
  const rowOf = (dep: string) => {
    const d = byDep.get(dep);
    return level === 'departement' ? d : d?.regionCode ? byRegion.get(d.regionCode) : undefined;
  };
  const values = level === 'departement' ? shown.map((c) => byDep.get(c)?.[metric] ?? 0) : regions.data.items.map((r) => r[metric]);
  const classes = mapClasses(values, SCALE.length);
  const colour = (n: number): string => (n <= 0 ? EMPTY : (SCALE[classOf(classes, n)] ?? (SCALE[SCALE.length - 1] as string)));
  const directory = metric === 'projects' ? 'projets' : 'collectifs';
  const describe = (row: { name: string; projects: number; collectives: number }) =>
    `${row.name} : ${plural(row.projects, 'projet')}, ${plural(row.collectives, 'collectif')}`;

  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-8 essaim-map">
        {/* A hundred links: keyboard users may jump past them to the table's options. */}
        <a className="essaim-skip" href="#carte-options">
          Passer la carte
        </a>
        <FranceSvg
          title={`Carte des ${metric === 'projects' ? 'projets' : 'collectifs'} par ${level === 'departement' ? 'département' : 'région'}`}
          area={(code) => {
            const row = rowOf(code);
            if (!row) return { fill: EMPTY, label: `${code} : aucune donnée` };
            return { fill: colour(row[metric]), label: describe(row), href: `/${directory}?territory=${level}:${row.code}` };
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4" id="carte-options" tabIndex={-1}>
        <RadioButtons
          legend="Afficher"
          name="carte-mesure"
          options={[
            { label: 'Les projets', nativeInputProps: { checked: metric === 'projects', onChange: () => setMetric('projects') } },
            { label: 'Les collectifs', nativeInputProps: { checked: metric === 'collectives', onChange: () => setMetric('collectives') } },
          ]}
        />
        <RadioButtons
          legend="Par"
          name="carte-niveau"
          options={[
            { label: 'Département', nativeInputProps: { checked: level === 'departement', onChange: () => setLevel('departement') } },
            { label: 'Région', nativeInputProps: { checked: level === 'region', onChange: () => setLevel('region') } },
          ]}
        />
        <p className="fr-text--sm fr-mb-1w">Légende ({metric === 'projects' ? 'projets' : 'collectifs'})</p>
        <ul className="fr-raw-list">
          <li className="essaim-legend">
            <span className="swatch" style={{ background: EMPTY }} /> aucun
          </li>
          {classes.map((c, i) => (
            <li key={c.to} className="essaim-legend">
              <span className="swatch" style={{ background: SCALE[i] }} /> {c.label}
            </li>
          ))}
        </ul>
        <p className="fr-text--sm fr-mt-2w">Chaque zone mène à l’annuaire filtré sur ce territoire.</p>
      </div>
      <div className="fr-col-12">
        <details>
          <summary>Les mêmes données en tableau</summary>
          <div className="fr-table">
            <table>
              <caption>Projets et collectifs par {level === 'departement' ? 'département' : 'région'}</caption>
              <thead>
                <tr>
                  <th scope="col">{level === 'departement' ? 'Département' : 'Région'}</th>
                  <th scope="col">Projets</th>
                  <th scope="col">Collectifs</th>
                </tr>
              </thead>
              <tbody>
                {(level === 'departement' ? deps.data.items.filter((d) => shown.includes(d.code)) : regions.data.items).map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <a href={`/projets?territory=${level}:${r.code}`}>
                        {r.name} ({r.code})
                      </a>
                    </th>
                    <td>{formatInt(r.projects)}</td>
                    <td>{formatInt(r.collectives)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
    </div>
  );
}
