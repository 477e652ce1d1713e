import { plural } from '../../../shared/format';
import type { Database } from '../../db/connection';
import { completeJob } from '../jobs/job-queries';
import { jobActor } from '../jobs/job-actor';
import { defineJob } from '../jobs/job-queue';
import { notify } from '../notifications/notify';
import { type ImportJobData, importService } from './import-service';
import { importSpecs } from './import-specs';
import type { ImportEntity } from './import-specs';

export const IMPORT_JOB = 'imports.run';

const phases = { lecture: 'Lecture du fichier', validation: 'Vérification des lignes', enregistrement: 'Enregistrement' } as const;

/**
 * A large import as a job: run as its author (with the roles they hold when it
 * runs), all or nothing as any import, reporting its progress; its end (the
 * report, or the refusal with its reasons) is kept with the job and told to
 * the author (category « imports »). The rows and the job's result commit
 * together, so an attempt run again after a crash does not import twice.
 */
export function importJobs(deps: { db: Database }) {
  const { db } = deps;
  const s = importService(db);
  return [
    defineJob<ImportJobData & { authorId: string }>({
      name: IMPORT_JOB,
      label: 'Import de fichier',
      retryLimit: 2,
      expireInSeconds: 3600,
      async run(job) {
        const { entity, filename, authorId } = job.data;
        const actor = await jobActor(db, authorId, 'l’import');
        const label = importSpecs[entity as ImportEntity].label;
        let last = 0;
        try {
          return await s.importFile(
            actor,
            entity,
            { bytes: Buffer.from(job.data.file, 'base64'), filename },
            {
              onProgress: (phase, done, total) => {
                // At most a report a second (and each phase's start and end): the page polls.
                const now = Date.now();
                if (done !== 0 && done !== total && now - last < 1000) return;
                last = now;
                void job.report({ phase: phases[phase], done, total });
              },
              onCommit: async (tx, result) => {
                await completeJob(tx, job.id, result);
                await notify(tx, {
                  accountIds: [authorId],
                  category: 'imports',
                  title: `Import terminé : ${plural(result.imported, 'fiche')} (${label}) enregistrée${result.imported > 1 ? 's' : ''}`,
                  body: `${filename} : ${plural(result.created, 'création')}, ${plural(result.updated, 'modification')}, ${plural(result.unchanged, 'ligne')} sans changement.`,
                  link: `/import?tache=${job.id}`,
                });
              },
            },
          );
        } catch (err) {
          // Refused (bad rows): nothing was imported; say so once, on the first attempt, and stop retrying.
          if ((err as { kind?: string }).kind === 'invalid') {
            const message = (err as Error).message;
            await db.transaction().execute(async (tx) => {
              await completeJob(tx, job.id, { refused: message, details: (err as { details?: unknown }).details ?? [] });
              await notify(tx, {
                accountIds: [authorId],
                category: 'imports',
                title: `Import refusé : ${filename}`,
                body: message,
                link: `/import?tache=${job.id}`,
              });
            });
            return { refused: message, details: (err as { details?: unknown }).details ?? [] };
          }
          throw err;
        }
      },
    }),
  ];
}
