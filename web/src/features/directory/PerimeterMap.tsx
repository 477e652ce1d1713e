import { useEffect, useState } from 'react';
import type { Collective } from '../../../../shared/schemas/collective';
import { statsRoutes } from '../../../../shared/routes/stats.routes';
import { territoryRoutes } from '../../../../shared/routes/territories.routes';
import { call } from '../../lib/api';
import { useCall } from '../../lib/use-api';
import { FranceSvg } from '../../components/FranceSvg';

type Perimeter = Collective['perimeter'];

/** A collective's perimeter: the départements it reaches, highlighted. */
export function PerimeterMap({ perimeter }: { perimeter: Perimeter }) {
  const deps = useCall(statsRoutes.territories, { query: { level: 'departement' } });
  const [reached, setReached] = useState<Set<string>>();
  useEffect(() => {
    if (!deps.data) return;
    const items = deps.data.items;
    let alive = true;
    Promise.all(
      perimeter.map(async (t): Promise<string[]> => {
        if (t.kind === 'departement') return [t.code];
        if (t.kind === 'region') return items.filter((d) => d.regionCode === t.code).map((d) => d.code);
        const detail = await call(territoryRoutes.get, { params: { kind: t.kind, code: t.code } }).catch(() => null);
        return [detail?.departementCode, ...(detail?.parents ?? []).filter((p) => p.kind === 'departement').map((p) => p.code)].filter((c): c is string =>
          Boolean(c),
        );
      }),
    ).then((lists) => alive && setReached(new Set(lists.flat())));
    return () => {
      alive = false;
    };
  }, [deps.data, perimeter]);
  if (!perimeter.length) return <p>Aucun périmètre renseigné.</p>;
  if (!reached || !deps.data) return <p role="status">Chargement de la carte…</p>;
  const names = new Map(deps.data.items.map((d) => [d.code, d.name]));
  return (
    <div className="essaim-map" style={{ maxWidth: '36rem' }}>
      <FranceSvg
        title={`Périmètre\u202F: ${perimeter.map((t) => t.name).join(', ')}`}
        area={(code) =>
          reached.has(code)
            ? { fill: '#000091', label: `${names.get(code) ?? code} : dans le périmètre`, href: `/collectifs?territory=departement:${code}` }
            : { fill: '#eeeeee', label: `${names.get(code) ?? code}` }
        }
      />
      <p className="fr-text--sm">Départements du périmètre&#8239;: {[...reached].map((c) => names.get(c) ?? c).join(', ')}.</p>
    </div>
  );
}
