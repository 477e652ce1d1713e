import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DirectoryApi, DirectorySlug } from '../../../../shared/web-routes';
import { api } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { labelOf } from './resources';

type Item = { id: string; label: string };
const SHOWN = 30;

/**
 * Records linked to the one on screen: from a list query, from ids (the first
 * thirty read one by one), or given.
 */
export function RelatedList(
  props: { title: string; slug: DirectorySlug } & ({ path: string } | { ids: string[]; resource: DirectoryApi } | { items: Item[] }),
) {
  const [items, setItems] = useState<Item[] | undefined>('items' in props ? props.items : undefined);
  const [total, setTotal] = useState<number | undefined>('items' in props ? props.items.length : 'ids' in props ? props.ids.length : undefined);
  const key = 'path' in props ? props.path : 'ids' in props ? props.ids.join(',') : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key sums up what to load
  useEffect(() => {
    let alive = true;
    if ('path' in props) {
      const resource = props.path.split('?')[0]?.slice(1) as DirectoryApi;
      api<{ items: Array<Record<string, unknown> & { id: string }>; total: number }>(props.path).then(
        (r) => {
          if (!alive) return;
          setItems(r.items.map((x) => ({ id: x.id, label: labelOf(resource, x) })));
          setTotal(r.total);
        },
        () => alive && setItems([]),
      );
    } else if ('ids' in props) {
      Promise.all(
        props.ids.slice(0, SHOWN).map((id) =>
          api<Record<string, unknown> & { id: string }>(`/${props.resource}/${id}`).then(
            (x) => ({ id, label: labelOf(props.resource, x) }),
            () => null,
          ),
        ),
      ).then((found) => alive && setItems(found.filter((x): x is Item => x !== null)));
    }
    return () => {
      alive = false;
    };
  }, [key]);
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">
        {props.title}
        {total !== undefined && ` (${formatInt(total)})`}
      </h2>
      {!items ? (
        <p>Chargement…</p>
      ) : items.length === 0 ? (
        <p>Aucun pour le moment.</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <Link to={`/${props.slug}/${i.id}`}>{i.label}</Link>
            </li>
          ))}
          {total !== undefined && total > items.length && <li>… et {formatInt(total - items.length)} autres</li>}
        </ul>
      )}
    </section>
  );
}
