import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { authRoutes } from '../../../../shared/routes/auth.routes';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

const OIDC_ERRORS: Record<string, string> = {
  oidc_state: 'La connexion a expiré ou a été ouverte dans un autre navigateur. Recommencez.',
  oidc_denied: 'La connexion a été refusée ou annulée chez le fournisseur d’identité.',
  oidc_email: 'Le fournisseur d’identité n’a pas transmis votre adresse e-mail.',
  oidc_failed: 'L’échange avec le fournisseur d’identité a échoué. Réessayez dans un instant.',
  oidc_link:
    'Un compte Essaim existe déjà pour votre adresse e-mail, et il n’est pas lié à cette identité. Connectez-vous d’abord avec votre mot de passe ou un lien reçu par e-mail, puis liez votre identité depuis la page «\u202FMon compte\u202F».',
};

/** Only a path of this site; by default, after sign-in, « Mon espace ». */
const safe = (v: string | null) => (v && /^\/(?![/\\])/.test(v) ? v : '/mon-espace');

export function LoginPage() {
  useTitle('Se connecter');
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safe(params.get('retour'));
  const providers = useCall(authRoutes.providers, {});
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [linkEmail, setLinkEmail] = useState('');
  const [linkSent, setLinkSent] = useState<string>();

  if (me) return <Navigate to={returnTo} replace />;

  const onLogin = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(email, password);
      navigate(returnTo, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const onMagicLink = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await call(authRoutes.magicLink, { body: { email: linkEmail, returnTo } });
      setLinkSent(r.message);
    } catch (err) {
      setLinkSent(err instanceof ApiError ? err.message : String(err));
    }
  };
  const oidcError = params.get('erreur');
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabIndex={-1}>Se connecter à Essaim</h1>
        {oidcError && (
          <Alert severity="error" title="Connexion impossible" description={OIDC_ERRORS[oidcError] ?? 'La connexion a échoué.'} className="fr-mb-3w" />
        )}
        {providers.data?.oidc && (
          <section className="fr-mb-4w">
            <h2 className="fr-h5">Agents publics et professionnels</h2>
            <ProConnectButton url={`${providers.data.oidc.start}?returnTo=${encodeURIComponent(returnTo)}`} />
          </section>
        )}
        <form onSubmit={onLogin} className="fr-mb-6w">
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">
              <h2 className="fr-h5 fr-mb-0">Avec votre adresse e-mail et votre mot de passe</h2>
            </legend>
            <div className="fr-fieldset__element">
              {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{ type: 'email', autoComplete: 'username', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
              />
              <Input
                label="Mot de passe"
                nativeInputProps={{
                  type: 'password',
                  autoComplete: 'current-password',
                  required: true,
                  value: password,
                  onChange: (e) => setPassword(e.target.value),
                }}
              />
              <Button type="submit" disabled={busy}>
                {busy ? 'Connexion…' : 'Se connecter'}
              </Button>
            </div>
          </fieldset>
        </form>
        <form onSubmit={onMagicLink}>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">
              <h2 className="fr-h5 fr-mb-0">Sans mot de passe&#8239;: recevoir un lien par e-mail</h2>
            </legend>
            <div className="fr-fieldset__element">
              <Input
                label="Adresse e-mail"
                nativeInputProps={{
                  type: 'email',
                  autoComplete: 'email',
                  required: true,
                  value: linkEmail,
                  onChange: (e) => setLinkEmail(e.target.value),
                  id: 'lien-email',
                }}
              />
              <Button type="submit" priority="secondary">
                Recevoir un lien de connexion
              </Button>
              <p role="status" className="fr-mt-2w">
                {linkSent}
              </p>
            </div>
          </fieldset>
        </form>
      </div>
    </div>
  );
}
