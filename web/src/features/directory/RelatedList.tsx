import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DirectoryApi, DirectorySlug } from '../../../../shared/web-routes';
import { call } from '../../lib/api';
import { type ListQueryInput, routesOf } from './directory-api';
import { formatInt } from '../../lib/format';
import { labelOf } from './resources';

type Item = { id: string; label: string };
const SHOWN = 30;

/**
 * Records linked to the one on screen: from a list query, from ids (the first
 * thirty read one by one), or given.
 */
/** A list of one resource, with its query typed from the contract. */
type ListOf = { [A in DirectoryApi]: { resource: A; query: ListQueryInput<A> } }[DirectoryApi];

export function RelatedList(
  props: { title: string; slug: DirectorySlug } & ({ list: ListOf } | { ids: string[]; resource: DirectoryApi } | { items: Item[] }),
) {
  const [items, setItems] = useState<Item[] | undefined>('items' in props ? props.items : undefined);
  const [total, setTotal] = useState<number | undefined>('items' in props ? props.items.length : 'ids' in props ? props.ids.length : undefined);
  const key = 'list' in props ? `${props.list.resource}?${JSON.stringify(props.list.query)}` : 'ids' in props ? props.ids.join(',') : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key sums up what to load
  useEffect(() => {
    let alive = true;
    if ('list' in props) {
      const { resource, query } = props.list;
      call(routesOf(resource).list, { query }).then(
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
          call(routesOf(props.resource).get, { params: { id } }).then(
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
