import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { notificationRoutes } from '../../../../shared/routes/notifications.routes';
import { type NotificationDelivery, notificationDeliveries, notificationDeliveryLabels } from '../../../../shared/vocabulary';
import { ApiError, call } from '../../lib/api';
import { useCall } from '../../lib/use-api';

/** Per category: by e-mail at once, in the daily digest, or never (the application lists them all anyway). */
export function NotificationPreferences() {
  const loaded = useCall(notificationRoutes.preferences, {});
  const [choice, setChoice] = useState<Record<string, NotificationDelivery>>({});
  const [status, setStatus] = useState<{ ok: boolean; message: string }>();
  useEffect(() => {
    if (loaded.data) setChoice(Object.fromEntries(loaded.data.preferences.map((p) => [p.category, p.delivery])));
  }, [loaded.data]);
  const save = async () => {
    try {
      const preferences = (loaded.data?.preferences ?? []).map((p) => ({ category: p.category, delivery: choice[p.category] ?? p.delivery }));
      await call(notificationRoutes.setPreferences, { body: { preferences } });
      setStatus({ ok: true, message: 'Préférences enregistrées.' });
    } catch (e) {
      setStatus({ ok: false, message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <section id="notifications" className="fr-mt-4w">
      <h2 className="fr-h4">Notifications par e-mail</h2>
      <p>Toutes vos notifications restent dans la page Notifications&#8239;; choisissez ce qui vous parvient aussi par e-mail.</p>
      {loaded.error && <Alert severity="error" small description={loaded.error.message} />}
      {loaded.data && (
        <div className="fr-table">
          <table>
            <caption className="fr-sr-only">Envoi par e-mail, par catégorie</caption>
            <thead>
              <tr>
                <th scope="col">Catégorie</th>
                <th scope="col">Envoi par e-mail</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.preferences.map((p) => (
                <tr key={p.category}>
                  <th scope="row">
                    <label htmlFor={`envoi-${p.category}`}>{p.label}</label>
                  </th>
                  <td>
                    <select
                      id={`envoi-${p.category}`}
                      className="fr-select"
                      value={choice[p.category] ?? p.delivery}
                      onChange={(e) => setChoice({ ...choice, [p.category]: e.target.value as NotificationDelivery })}
                    >
                      {notificationDeliveries.map((d) => (
                        <option key={d} value={d}>
                          {notificationDeliveryLabels[d]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button onClick={() => void save()} disabled={!loaded.data}>
        Enregistrer mes préférences
      </Button>
      <div aria-live="polite">{status && <Alert className="fr-mt-2w" severity={status.ok ? 'success' : 'error'} small description={status.message} />}</div>
    </section>
  );
}
