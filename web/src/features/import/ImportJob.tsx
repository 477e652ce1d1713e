import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect } from 'react';
import { jobRoutes } from '../../../../shared/routes/jobs.routes';
import { formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';

interface Report {
  imported?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  refused?: string;
  details?: Array<{ path: string; message: string }>;
}

/**
 * A large import running as a job: its progress, asked every second, then
 * its report (or the refusal with its reasons: nothing was imported). The
 * author is also notified when it ends, so the page may be left.
 */
export function ImportJob({ jobId }: { jobId: string }) {
  const job = useCall(jobRoutes.get, { params: { id: jobId } });
  const { reload } = job;
  const state = job.data?.state;
  const finished = state === 'completed' || state === 'failed' || state === 'cancelled';
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [finished, reload]);
  if (job.error) return <Alert severity="error" small description={job.error.message} />;
  if (!job.data) return <p role="status">Chargement de l’import…</p>;
  const j = job.data;
  const report = (j.result ?? {}) as Report;
  if (state === 'completed' && report.refused)
    return (
      <Alert
        severity="error"
        title={report.refused}
        description={
          <ul>
            {(report.details ?? []).slice(0, 200).map((d) => (
              <li key={`${d.path}-${d.message}`}>
                {d.path} : {d.message}
              </li>
            ))}
          </ul>
        }
      />
    );
  if (state === 'completed')
    return (
      <Alert
        severity="success"
        title={`Import terminé : ${formatInt(report.imported ?? 0)} fiches enregistrées`}
        description={`${formatInt(report.created ?? 0)} créations, ${formatInt(report.updated ?? 0)} modifications, ${formatInt(report.unchanged ?? 0)} lignes sans changement.`}
      />
    );
  if (state === 'failed') return <Alert severity="error" title="L’import a échoué : rien n’a été importé." description={j.error ?? ''} />;
  const p = j.progress;
  return (
    <div>
      <p className="fr-mb-1w">Import volumineux confié au serveur&#8239;: vous pouvez quitter cette page, une notification vous préviendra à la fin.</p>
      <label htmlFor="progression-tache">{p ? `${p.phase} : ${formatInt(p.done)} sur ${formatInt(p.total)}` : 'En attente de démarrage…'}</label>{' '}
      <progress id="progression-tache" max={p?.total || 1} value={p?.total ? p.done : undefined} />
      {j.retryCount > 0 && <p className="fr-text--sm">Nouvel essai (n°&#8239;{j.retryCount + 1}).</p>}
    </div>
  );
}
