import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { api } from '../lib/api';
import { useApi } from '../lib/use-api';

const ACTIONS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', import: 'Import' };

/** The fields whose value differs between two states of a record. */
function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

/** Who changed a record, when, and which fields (the national team's view of the audit trail). */
export function RecordHistory({ api: resource, id }: { api: string; id: string }) {
  const history = useApi<{ items: AuditEntry[] }>(`/${resource}/${id}/history`);
  const [who, setWho] = useState<Record<string, string>>({});
  useEffect(() => {
    const ids = [...new Set((history.data?.items ?? []).map((e) => e.actor.id).filter((x): x is string => Boolean(x)))];
    let alive = true;
    Promise.all(ids.map((a) => api<{ email: string }>(`/accounts/${a}`).then((r) => [a, r.email] as const, () => [a, 'compte supprimé'] as const))).then(
      (pairs) => alive && setWho(Object.fromEntries(pairs)),
    );
    return () => {
      alive = false;
    };
  }, [history.data]);
  return (
    <details className="fr-mt-4w">
      <summary>Historique des modifications</summary>
      {history.error && <p>{history.error.message}</p>}
      {history.data && history.data.items.length === 0 && <p>Aucune modification enregistrée.</p>}
      {history.data && history.data.items.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Qui a modifié cette fiche, et quoi</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Par</th>
                <th scope="col">Action</th>
                <th scope="col">Champs</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString('fr-FR')}</td>
                  <td>{e.actor.kind === 'system' ? 'ligne de commande' : e.actor.id ? (who[e.actor.id] ?? '…') : e.actor.kind}</td>
                  <td>{ACTIONS[e.action] ?? e.action}</td>
                  <td>{e.action === 'update' ? changedFields(e.before, e.after).join(', ') || '—' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
