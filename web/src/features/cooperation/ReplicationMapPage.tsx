import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { cooperationRoutes } from '../../../../shared/routes/cooperation.routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FranceSvg } from '../../components/FranceSvg';
import { OptionSelect } from '../../components/OptionSelect';
import { useThemes } from '../../lib/themes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BASE } from './components';

const SOURCE = '#000091';
const REPLICA = '#ce614a';
const OTHER = '#e5e5e5';

/** The centre of each département's shape, in the map's coordinates (read from the drawn paths, transforms included). */
function useCentres(ref: React.RefObject<HTMLDivElement | null>, codes: readonly string[]) {
  const [centres, setCentres] = useState<Map<string, [number, number]>>(new Map());
  const key = codes.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the codes' key stands for the list
  useLayoutEffect(() => {
    const out = new Map<string, [number, number]>();
    for (const code of codes) {
      const path = ref.current?.querySelector<SVGPathElement>(`path[data-code="${code}"]`);
      if (!path || typeof path.getBBox !== 'function') continue;
      const b = path.getBBox();
      const m = path.transform.baseVal.consolidate()?.matrix;
      const x = b.x + b.width / 2;
      const y = b.y + b.height / 2;
      out.set(code, m ? [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f] : [x, y]);
    }
    setCentres(out);
  }, [key]);
  return centres;
}

/** Replication across France: an arrow from each source's département to each replica's, filtered by theme and year; the same in a table. */
export function ReplicationMapPage() {
  useTitle('Carte de l’essaimage');
  const themes = useThemes();
  const [theme, setTheme] = useState('');
  const [year, setYear] = useState('');
  const map = useCall(cooperationRoutes.replicationMap, { query: { ...(theme ? { theme } : {}), ...(year ? { year: Number(year) } : {}) } });
  const ref = useRef<HTMLDivElement>(null);
  const items = map.data?.items ?? [];
  const sources = new Set(items.flatMap((a) => (a.source.departementCode ? [a.source.departementCode] : [])));
  const replicas = new Set(items.flatMap((a) => (a.replica.departementCode ? [a.replica.departementCode] : [])));
  const centres = useCentres(ref, [...new Set([...sources, ...replicas])].sort());
  return (
    <>
      <h1 tabIndex={-1}>Carte de l’essaimage</h1>
      <p>
        Chaque flèche part du département d’un projet source vers celui d’un projet qui l’a essaimé. <Link to={BASE}>Retour à la coopération</Link>
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <OptionSelect
            label="Thématique"
            blank="Toutes les thématiques"
            options={themes.map((t) => ({ value: t.code, label: t.label }))}
            nativeSelectProps={{ value: theme, onChange: (e) => setTheme(e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <OptionSelect
            label="Année"
            blank="Toutes les années"
            options={(map.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
            nativeSelectProps={{ value: year, onChange: (e) => setYear(e.target.value) }}
          />
        </div>
      </div>
      {map.error && <ErrorAlert title="La carte ne se charge pas" error={map.error} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8 essaim-map essaim-replication-map" ref={ref}>
          <FranceSvg
            title="Carte de l’essaimage par département"
            area={(code) => ({
              fill: sources.has(code) ? SOURCE : replicas.has(code) ? REPLICA : OTHER,
              label: `${code}\u202f: ${sources.has(code) ? 'département source' : replicas.has(code) ? 'département d’essaimage' : 'aucun essaimage'}`,
            })}
          >
            <defs>
              <marker id="essaim-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#161616" />
              </marker>
            </defs>
            <g className="essaim-arrows">
              {items.map((a) => {
                const from = a.source.departementCode ? centres.get(a.source.departementCode) : undefined;
                const to = a.replica.departementCode ? centres.get(a.replica.departementCode) : undefined;
                if (!from || !to || (from[0] === to[0] && from[1] === to[1])) return null;
                return (
                  <line
                    key={`${a.source.id}-${a.replica.id}`}
                    x1={from[0]}
                    y1={from[1]}
                    x2={to[0]}
                    y2={to[1]}
                    stroke="#161616"
                    strokeWidth={1.6}
                    markerEnd="url(#essaim-arrow)"
                  />
                );
              })}
            </g>
          </FranceSvg>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <p className="essaim-legend">
            <span className="swatch" style={{ background: SOURCE }} /> Département source <span className="swatch" style={{ background: REPLICA }} />{' '}
            Département d’essaimage
          </p>
        </div>
      </div>
      {map.data && (
        <>
          <p role="status">{items.length === 0 ? 'Aucun essaimage pour ces filtres.' : `${items.length} essaimage${items.length > 1 ? 's' : ''}`}</p>
          {items.length > 0 && (
            <DataTable caption="Essaimages" head={['Projet source', 'Territoire source', 'Essaimage', 'Territoire', 'Année']}>
              {items.map((a) => (
                <tr key={`${a.source.id}-${a.replica.id}`}>
                  <td>
                    <Link to={`/projets/${a.source.id}`}>{a.source.title}</Link>
                  </td>
                  <td>{a.source.collectiveName ?? a.source.communeName ?? '—'}</td>
                  <td>
                    <Link to={`/projets/${a.replica.id}`}>{a.replica.title}</Link>
                  </td>
                  <td>{a.replica.collectiveName ?? a.replica.communeName ?? '—'}</td>
                  <td>{a.year}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
