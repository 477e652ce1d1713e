import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { authRoutes } from '../../../shared/routes/auth.routes';
import { ApiError, call } from '../lib/api';
import { useCall } from '../lib/use-api';

const LINK_ERRORS: Record<string, string> = {
  oidc_taken: 'Cette identité est déjà liée à un autre compte Essaim\u202F: écrivez à l’équipe nationale.',
  oidc_denied: 'La liaison a été refusée ou annulée chez le fournisseur d’identité.',
  oidc_state: 'La liaison a expiré ou a été ouverte dans un autre navigateur. Recommencez.',
};

/**
 * Link the account to its ProConnect identity: the owner, signed in here,
 * confirms at the provider (the server never links a national-team account,
 * nor an address the provider does not vouch for, on its own).
 */
export function ProConnectLink() {
  const providers = useCall(authRoutes.providers, {});
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  const failure = params.get('erreur');
  const link = async () => {
    setError(undefined);
    try {
      const r = await call(authRoutes.oidcLink, {});
      window.location.assign(r.redirectTo);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Se connecter avec {oidc.name}</h2>
      {params.get('lien') === 'proconnect' && (
        <Alert
          severity="success"
          small
          description={`Votre identité ${oidc.name} est liée à ce compte\u202F: vous pouvez vous connecter avec elle.`}
          className="fr-mb-2w"
        />
      )}
      {failure && <Alert severity="error" small description={LINK_ERRORS[failure] ?? 'La liaison a échoué. Réessayez dans un instant.'} className="fr-mb-2w" />}
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
      <p>Liez ce compte à votre identité {oidc.name} pour vous connecter ensuite avec elle. Vous la confirmerez chez le fournisseur.</p>
      <Button priority="secondary" onClick={link}>
        Lier mon identité {oidc.name}
      </Button>
    </section>
  );
}
