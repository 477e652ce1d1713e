import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { accountRoutes } from '../../../shared/routes/accounts.routes';
import type { DirectoryApi } from '../../../shared/web-routes';
import { routesOf } from '../features/directory/directory-api';
import { call } from '../lib/api';
import { useThemes } from '../lib/themes';
import { useCall } from '../lib/use-api';
import { changesOf, type HistoryField } from './history-changes';

const ACTIONS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', import: 'Import' };

const PAGE = 50;

/** Who changed a record, when, and which fields from what to what (the national team's view of the audit trail), 50 entries at a time. */
export function RecordHistory({ api: resource, id, fields = [] }: { api: DirectoryApi; id: string; fields?: HistoryField[] }) {
  const themes = useThemes();
  const themeLabels = Object.fromEntries(themes.map((t) => [t.code, t.label]));
  const route = routesOf(resource).history;
  const history = useCall(route, { params: { id }, query: { pageSize: PAGE } });
  // Later pages, appended by « Afficher plus »; the first page reloading starts over.
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new first page drops the pages appended to the old one
  useEffect(() => setMore([]), [history.data]);
  const items = [...(history.data?.items ?? []), ...more];
  const total = history.data?.total ?? 0;
  const loadMore = () => {
    setLoadingMore(true);
    call(route, { params: { id }, query: { pageSize: PAGE, page: Math.floor(items.length / PAGE) + 1 } })
      .then((p) => setMore((m) => [...m, ...p.items]))
      .finally(() => setLoadingMore(false));
  };
  const [who, setWho] = useState<Record<string, string>>({});
  // The accounts behind the entries shown, as one key so that the effect runs when it changes.
  const authors = [...new Set(items.map((e) => e.actor.id).filter((x): x is string => Boolean(x)))].join(' ');
  useEffect(() => {
    const ids = authors ? authors.split(' ') : [];
    let alive = true;
    Promise.all(
      ids.map((a) =>
        call(accountRoutes.get, { params: { id: a } }).then(
          (r) => [a, r.email] as const,
          () => [a, 'compte supprimé'] as const,
        ),
      ),
    ).then((pairs) => alive && setWho(Object.fromEntries(pairs)));
    return () => {
      alive = false;
    };
  }, [authors]);
  return (
    <details className="fr-mt-4w">
      <summary>Historique des modifications</summary>
      {history.error && <p>{history.error.message}</p>}
      {history.data && items.length === 0 && <p>Aucune modification enregistrée.</p>}
      {history.data && items.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Qui a modifié cette fiche, et quoi</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Par</th>
                <th scope="col">Action</th>
                <th scope="col">Changements (avant → après)</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString('fr-FR')}</td>
                  <td>{e.actor.kind === 'system' ? 'ligne de commande' : e.actor.id ? (who[e.actor.id] ?? '…') : e.actor.kind}</td>
                  <td>{ACTIONS[e.action] ?? e.action}</td>
                  <td>{e.action === 'update' ? <Changes before={e.before} after={e.after} fields={fields} themeLabels={themeLabels} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length < total && (
            <button type="button" className="fr-btn fr-btn--secondary fr-mt-2w" disabled={loadingMore} onClick={loadMore}>
              Afficher plus ({items.length} sur {total})
            </button>
          )}
        </div>
      )}
    </details>
  );
}

function Changes({ before, after, fields, themeLabels }: { before: unknown; after: unknown; fields: HistoryField[]; themeLabels: Record<string, string> }) {
  const changes = changesOf(before, after, fields, themeLabels);
  if (changes.length === 0) return <>—</>;
  return (
    <ul className="fr-raw-list">
      {changes.map((c) => (
        <li key={c.label}>
          <span className="fr-text--bold">{c.label}</span>&#8239;: {c.before} → {c.after}
        </li>
      ))}
    </ul>
  );
}
