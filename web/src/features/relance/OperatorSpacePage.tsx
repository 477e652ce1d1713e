import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, Navigate } from 'react-router';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import { measureWindowLabels, obstacleCategoryLabels } from '../../../../shared/vocabulary';
import { measurePage, obstaclePage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ObstacleStatusBadge, operatorScopes, RELANCE, RelanceNav } from './relance-ui';

/** One operator's measures. */
function OperatorMeasures({ organisationId }: { organisationId: string }) {
  const list = useCall(relanceRoutes.listMeasures, { query: { operator: organisationId, pageSize: 200 } });
  if (list.error) return <ErrorAlert title="Les mesures ne se chargent pas" error={list.error} />;
  if (!list.data) return <p>Chargement…</p>;
  const name = list.data.items[0]?.operatorName;
  return (
    <section aria-labelledby={`mesures-${organisationId}`}>
      <h3 id={`mesures-${organisationId}`} className="fr-h5">
        {name ? `Mesures de ${name}` : 'Mesures de votre structure'}
      </h3>
      {list.data.items.length === 0 ? (
        <p>Aucune mesure enregistrée pour votre structure.</p>
      ) : (
        <ul>
          {list.data.items.map((m) => (
            <li key={m.id}>
              <Link to={measurePage(m.id)}>{m.name}</Link> — {measureWindowLabels[m.window].toLowerCase()}, du {formatDate(m.opensOn)} au{' '}
              {formatDate(m.closesOn)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * `/relance/mon-espace`: an operator's space — the measures of the structures
 * the account answers for, and the obstacles to handle (open or in progress,
 * those it owns first). The national team sees every operator's.
 */
export function OperatorSpacePage() {
  useTitle('Espace opérateur');
  const { me } = useSession();
  const scopes = operatorScopes(me);
  const team = isNationalTeam(me);
  const allowed = scopes.length > 0 || team;
  const obstacles = useCall(relanceRoutes.listObstacles, me && allowed ? { query: { status: ['open', 'in_progress'], pageSize: 200 } } : null);
  if (me === null) return signInTo();
  const items = [...(obstacles.data?.items ?? [])].sort(
    (a, b) => Number(b.ownerAccountId === me?.id) - Number(a.ownerAccountId === me?.id) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
  return (
    <>
      <h1 tabIndex={-1}>Espace opérateur</h1>
      <RelanceNav />
      {me && !allowed && (
        <Alert
          severity="info"
          small
          description="Cet espace est celui des comptes qui répondent pour un opérateur (Bpifrance, Banque des Territoires, ADEME…) et de l’équipe nationale."
        />
      )}
      {allowed && (
        <>
          <h2>Freins à traiter</h2>
          {obstacles.error && <ErrorAlert title="Les freins ne se chargent pas" error={obstacles.error} />}
          {obstacles.data && (
            <p role="status">
              {items.length === 0
                ? 'Aucun frein ouvert ou en cours.'
                : `${formatInt(items.length)} frein${items.length > 1 ? 's' : ''} ouvert${items.length > 1 ? 's' : ''} ou en cours, dont ${formatInt(items.filter((o) => o.ownerAccountId === me?.id).length)} dont vous êtes responsable.`}
            </p>
          )}
          {items.length > 0 && (
            <DataTable caption="Freins à traiter" head={['Frein', 'Statut', 'Catégorie', 'Projet ou structure', 'Mesure', 'Responsable', 'Échéance']}>
              {items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={obstaclePage(o.id)}>{o.title}</Link>
                  </td>
                  <td>
                    <ObstacleStatusBadge status={o.status} />
                  </td>
                  <td>{obstacleCategoryLabels[o.category]}</td>
                  <td>{o.projectTitle ?? o.organisationName ?? '—'}</td>
                  <td>{o.measureName ?? '—'}</td>
                  <td>{o.ownerAccountId === me?.id ? 'Vous' : (o.ownerName ?? '—')}</td>
                  <td>{formatDate(o.dueOn)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <h2 className="fr-mt-4w">Vos mesures</h2>
          {scopes.length === 0 && (
            <p>
              L’équipe nationale voit toutes les mesures dans le <Link to={`${RELANCE}/mesures`}>catalogue</Link>.
            </p>
          )}
          {scopes.map((id) => (
            <OperatorMeasures key={id} organisationId={id} />
          ))}
        </>
      )}
    </>
  );
}

const signInTo = () => <Navigate to={`/connexion?retour=${encodeURIComponent(`${RELANCE}/mon-espace`)}`} replace />;
