import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { notificationRoutes } from '../../../../shared/routes/notifications.routes';
import { ApiError, call } from '../../lib/api';
import { useTitle } from '../../lib/use-title';

/**
 * The page an e-mail's unsubscribe link opens: no session needed (the link's
 * signed token names the person and the categories). A button, not the visit
 * itself, unsubscribes: mail scanners open links.
 */
export function UnsubscribePage() {
  useTitle('Se désabonner');
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [state, setState] = useState<{ ok: true; label: string; email: string } | { ok: false; message: string }>();
  const confirm = async () => {
    try {
      const r = await call(notificationRoutes.unsubscribe, { query: { token } });
      setState({ ok: true, label: r.label, email: r.email });
    } catch (e) {
      setState({ ok: false, message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>Se désabonner des e-mails</h1>
      {!state && (
        <>
          <p>Vous ne recevrez plus par e-mail les notifications de cette catégorie. Elles resteront visibles dans Essaim.</p>
          <Button onClick={() => void confirm()} disabled={!token}>
            Confirmer le désabonnement
          </Button>
        </>
      )}
      <div aria-live="polite">
        {state?.ok && (
          <Alert
            severity="success"
            title="C’est fait"
            description={
              <>
                {state.email} ne recevra plus d’e-mails pour «&#8239;{state.label}&#8239;». Vous pouvez changer d’avis dans{' '}
                <Link to="/compte#notifications">votre compte</Link>.
              </>
            }
          />
        )}
        {state && !state.ok && <Alert severity="error" title="Lien non valide" description={state.message} />}
      </div>
    </>
  );
}
