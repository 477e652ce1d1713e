import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { jobRoutes } from '../../../../shared/routes/jobs.routes';
import { jobStateLabels, jobStates } from '../../../../shared/schemas/job';
import { OptionSelect } from '../../components/OptionSelect';
import { formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

type State = (typeof jobStates)[number];
const severity: Record<State, 'info' | 'success' | 'error' | 'warning' | 'new'> = {
  created: 'info',
  retry: 'warning',
  active: 'new',
  completed: 'success',
  cancelled: 'info',
  failed: 'error',
};
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'medium' }) : '—');

/** The national team's view of the job queue: what waits, runs, failed (with the error) or was retried; refreshed every 5 seconds. */
export function JobsPage() {
  useTitle('Tâches de fond');
  const { me } = useSession();
  const [state, setState] = useState<State | ''>('');
  const allowed = Boolean(me && isNationalTeam(me));
  const jobs = useCall(jobRoutes.list, allowed ? { query: { ...(state ? { state } : {}), pageSize: 100 } } : null);
  const { reload } = jobs;
  useEffect(() => {
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [reload]);
  if (me === null) return <Navigate to="/connexion?retour=%2Fadmin%2Ftaches" replace />;
  if (me && !allowed) return <Alert severity="warning" title="Action non autorisée" description="Cette page est réservée à l’équipe nationale." />;
  const counts = jobs.data?.counts ?? {};
  return (
    <>
      <h1 tabIndex={-1}>Tâches de fond</h1>
      <p>
        Envois d’e-mails, récapitulatifs quotidiens, imports volumineux&#8239;: ce que le serveur fait hors des requêtes. Une tâche en échec est réessayée,
        chaque fois un peu plus tard, avant d’être abandonnée.
      </p>
      <ul className="essaim-job-counts fr-mb-2w">
        {jobStates.map((s) => (
          <li key={s}>
            <Badge severity={severity[s]} noIcon small>
              {jobStateLabels[s]}&#8239;: {formatInt(counts[s] ?? 0)}
            </Badge>
          </li>
        ))}
      </ul>
      <OptionSelect
        label="État"
        blank="Tous les états"
        options={jobStates.map((s) => ({ value: s, label: jobStateLabels[s] }))}
        nativeSelectProps={{ value: state, onChange: (e) => setState(e.target.value as State | '') }}
      />
      {jobs.error && <Alert severity="error" small description={jobs.error.message} />}
      {jobs.data && jobs.data.items.length === 0 && <p>Aucune tâche.</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <div className="fr-table fr-table--no-caption fr-mt-2w">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Tâches, les plus récentes d’abord</caption>
                  <thead>
                    <tr>
                      <th scope="col">Tâche</th>
                      <th scope="col">État</th>
                      <th scope="col">Essais</th>
                      <th scope="col">Créée</th>
                      <th scope="col">Terminée</th>
                      <th scope="col">Lancée par</th>
                      <th scope="col">Avancement ou erreur</th>
                    </tr>
                  </thead>
                  <tbody>
                    {jobs.data.items.map((j) => (
                      <tr key={j.id}>
                        <td>{j.label}</td>
                        <td>
                          <Badge severity={severity[j.state]} noIcon small>
                            {jobStateLabels[j.state]}
                          </Badge>
                        </td>
                        <td>
                          {formatInt(j.retryCount + 1)} sur {formatInt(j.retryLimit + 1)}
                        </td>
                        <td>{when(j.createdAt)}</td>
                        <td>{when(j.completedAt)}</td>
                        <td>{j.author ?? 'Le serveur'}</td>
                        <td>
                          {j.error && <span className="fr-error-text fr-mt-0">{j.error}</span>}
                          {!j.error && j.progress && `${j.progress.phase} : ${formatInt(j.progress.done)} sur ${formatInt(j.progress.total)}`}
                          {!j.error && !j.progress && (j.state === 'retry' ? `Nouvel essai après ${when(j.startAfter)}` : '')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
