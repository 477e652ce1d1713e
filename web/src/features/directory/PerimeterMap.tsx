import { useEffect, useState } from 'react';
import type { TerritoryStats } from '../../../../shared/schemas/reference';
import { api } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { FranceSvg } from '../../components/FranceSvg';

type Perimeter = Array<{ kind: string; code: string; name: string }>;

/** A collective's perimeter: the départements it reaches, highlighted. */
export function PerimeterMap({ perimeter }: { perimeter: Perimeter }) {
  const deps = useApi<TerritoryStats>('/stats/territories?level=departement');
  const [reached, setReached] = useState<Set<string>>();
  useEffect(() => {
    if (!deps.data) return;
    const items = deps.data.items;
    let alive = true;
    Promise.all(
      perimeter.map(async (t): Promise<string[]> => {
        if (t.kind === 'departement') return [t.code];
        if (t.kind === 'region') return items.filter((d) => d.regionCode === t.code).map((d) => d.code);
        const detail = await api<{ departementCode: string | null; parents: Array<{ kind: string; code: string }> }>(`/territories/${t.kind}/${t.code}`).catch(
          () => null,
        );
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
