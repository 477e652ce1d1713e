import { FranceSvg, METRO_CODES, OVERSEAS_CODES } from '../../components/FranceSvg';
import { formatInt, plural } from '../../lib/format';
import type { Dashboard } from './challenge-api';

// Blues from the DSFR palette, light to dark; « aucune » is a grey.
const SCALE = ['#cacafb', '#8585f6', '#3d3dd6', '#000091'];
const EMPTY = '#e5e5e5';
const BINS = ['moins de 25\u00a0%', '25 à 50\u00a0%', '50 à 75\u00a0%', '75\u00a0% et plus'];
const NNBSP = '\u202f';

/** The challenge by département: coloured by the share of enrolled structures that finished the journey, the same figures in a table. */
export function ChallengeMap({ dashboard }: { dashboard: Dashboard }) {
  const byDep = new Map(dashboard.byDepartement.map((d) => [d.code, d]));
  const share = (d: { enrolled: number; completed: number }) => (d.enrolled ? d.completed / d.enrolled : 0);
  const bin = (s: number) => Math.min(SCALE.length - 1, Math.floor(s * SCALE.length));
  const shown = new Set([...METRO_CODES, ...OVERSEAS_CODES]);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-8 essaim-map">
        <FranceSvg
          title="Carte des structures inscrites par département, colorée par la part de parcours terminés"
          area={(code) => {
            const d = byDep.get(code);
            if (!d) return { fill: EMPTY, label: `${code}\u202f: aucune structure inscrite` };
            return {
              fill: SCALE[bin(share(d))] as string,
              label: `${d.name}\u202f: ${plural(d.enrolled, 'structure inscrite', 'structures inscrites')}, ${plural(d.completed, 'parcours terminé', 'parcours terminés')} (${Math.round(share(d) * 100)}${NNBSP}%)`,
            };
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <p className="fr-text--sm fr-mb-1w">Légende (part des structures inscrites au parcours terminé)</p>
        <ul className="fr-raw-list">
          <li className="essaim-legend">
            <span className="swatch" style={{ background: EMPTY }} /> aucune structure inscrite
          </li>
          {BINS.map((label, i) => (
            <li key={label} className="essaim-legend">
              <span className="swatch" style={{ background: SCALE[i] }} /> {label}
            </li>
          ))}
        </ul>
      </div>
      <div className="fr-col-12">
        <details>
          <summary>Les mêmes données en tableau</summary>
          <div className="fr-table">
            <table>
              <caption>Structures inscrites et parcours terminés par département</caption>
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  <th scope="col">Inscrites</th>
                  <th scope="col">Parcours terminés</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.byDepartement
                  .filter((d) => shown.has(d.code))
                  .map((d) => (
                    <tr key={d.code}>
                      <th scope="row">
                        {d.name} ({d.code})
                      </th>
                      <td>{formatInt(d.enrolled)}</td>
                      <td>{formatInt(d.completed)}</td>
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
