import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Navigate } from 'react-router';
import { roleLabels } from '../../../../shared/vocabulary';
import { ApiTokens } from './ApiTokens';
import { NotificationPreferences } from '../notifications/NotificationPreferences';
import { ProConnectLink } from '../../components/ProConnectLink';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

export function AccountPage() {
  useTitle('Mon compte');
  const { me } = useSession();
  if (me === null) return <Navigate to="/connexion?retour=%2Fcompte" replace />;
  if (!me) return <p role="status">Chargement…</p>;
  return (
    <>
      <h1 tabIndex={-1}>Mon compte</h1>
      <dl>
        <dt className="fr-text--bold">Nom</dt>
        <dd>{me.name ?? '—'}</dd>
        <dt className="fr-text--bold">Adresse e-mail</dt>
        <dd>{me.email}</dd>
        <dt className="fr-text--bold">Rôles</dt>
        <dd>{me.roles.length ? me.roles.map((r) => roleLabels[r.role]).join(', ') : 'Aucun rôle\u202F: l’équipe nationale vous en attribue un au besoin.'}</dd>
      </dl>
      <h2 className="fr-h4 fr-mt-4w">Mes données personnelles</h2>
      <p>Téléchargez tout ce qu’Essaim conserve sur vous (compte, fiche, sessions, jetons, modifications faites).</p>
      <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/api/auth/me/data" download>
        Télécharger mes données (JSON)
      </a>
      <NotificationPreferences />
      <ApiTokens />
      <ProConnectLink />
      <Alert
        className="fr-mt-4w"
        severity="info"
        small
        description="Pour faire effacer vos données, écrivez à l’équipe nationale : elle anonymise votre fiche en gardant les chiffres du réseau exacts."
      />
    </>
  );
}
