import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { importRoutes } from '../../../../shared/routes/imports.routes';
import type { importResult } from '../../../../shared/schemas/import';
import { ImportJob } from './ImportJob';
import { ImportReport } from './ImportReport';
import { ApiError, upload } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { resourceBySlug } from '../directory/resources';

type Entity = 'organisations' | 'projects';
type ImportResult = z.output<typeof importResult>;
type Step =
  | { kind: 'choose' }
  | { kind: 'sending'; what: 'check' | 'import'; fraction: number }
  | { kind: 'preview'; result: ImportResult }
  | { kind: 'rejected'; error: ApiError }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'job'; jobId: string };

const ENTITY_LABELS: Record<Entity, { plural: string; slug: string }> = {
  organisations: { plural: 'structures', slug: 'structures' },
  projects: { plural: 'projets', slug: 'projets' },
};

/** Upload a CSV or XLSX file: check it (mapping preview or report of bad rows), then import it whole. */
export function ImportPage() {
  useTitle('Importer un fichier');
  const { me } = useSession();
  const [entity, setEntity] = useState<Entity>('organisations');
  const [file, setFile] = useState<File | null>(null);
  const [params] = useSearchParams();
  // A notification's link (`/import?tache=…`) reopens the job's report.
  const [step, setStep] = useState<Step>(() => {
    const jobId = params.get('tache');
    return jobId ? { kind: 'job', jobId } : { kind: 'choose' };
  });
  const [fileError, setFileError] = useState<string>();

  if (me === null) return <Navigate to="/connexion?retour=%2Fimport" replace />;
  if (me && !me.canImport)
    return <Alert severity="warning" title="Action non autorisée" description="L’import de fichiers est réservé à l’équipe nationale." />;

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError('Choisissez un fichier CSV ou XLSX.');
      return;
    }
    setFileError(undefined);
    const form = new FormData();
    form.append('file', file);
    setStep({ kind: 'sending', what: dryRun ? 'check' : 'import', fraction: 0 });
    try {
      const result = await upload(importRoutes.import, { params: { entity }, query: { dryRun: dryRun ? 'true' : 'false' } }, form, (fraction) =>
        setStep({ kind: 'sending', what: dryRun ? 'check' : 'import', fraction }),
      );
      // A large file is imported by a job: the page follows it.
      if ('jobId' in result) setStep({ kind: 'job', jobId: result.jobId });
      else setStep(dryRun ? { kind: 'preview', result } : { kind: 'done', result });
    } catch (e) {
      setStep({ kind: 'rejected', error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)) });
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };
  const labels = ENTITY_LABELS[entity];
  // The form's French label when the column feeds a form field, else the API name.
  const fieldLabel = (field: string) => resourceBySlug(labels.slug)?.fields.find((f) => f.name === field)?.label ?? field;
  return (
    <>
      <h1 tabIndex={-1}>Importer un fichier</h1>
      <p className="fr-text--lead">
        Un fichier CSV (séparateur «&#8239;;&#8239;» ou «&#8239;,&#8239;») ou Excel (XLSX), une ligne par fiche, avec une ligne d’en-tête. Toutes les lignes
        sont vérifiées avant l’import&#8239;: une seule ligne en erreur et rien n’est importé.
      </p>
      <form onSubmit={onSubmit} className="fr-mb-4w">
        <RadioButtons
          legend="Que contient le fichier ?"
          orientation="horizontal"
          options={(['organisations', 'projects'] as const).map((v) => ({
            label: v === 'organisations' ? 'Des structures' : 'Des projets',
            nativeInputProps: {
              checked: entity === v,
              onChange: () => {
                setEntity(v);
                setStep({ kind: 'choose' });
              },
              name: 'entite',
            },
          }))}
        />
        <Upload
          label="Fichier"
          hint="Formats acceptés : .csv, .xlsx. Taille maximale : 20 Mo."
          state={fileError ? 'error' : 'default'}
          stateRelatedMessage={fileError}
          nativeInputProps={{
            accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: 'choose' });
            },
          }}
        />
        <Button type="submit" className="fr-mt-2w" disabled={step.kind === 'sending'}>
          Vérifier le fichier
        </Button>
      </form>

      <div aria-live="polite">
        {step.kind === 'sending' && (
          <div>
            <label htmlFor="progression">{step.what === 'check' ? 'Envoi et vérification…' : 'Import en cours…'}</label>{' '}
            <progress id="progression" max={1} value={step.fraction < 1 ? step.fraction : undefined}>
              {Math.round(step.fraction * 100)} %
            </progress>
            {step.fraction >= 1 && <p className="fr-text--sm">Fichier envoyé&#8239;; le serveur vérifie chaque ligne…</p>}
          </div>
        )}
        {step.kind === 'rejected' && <ImportReport error={step.error} />}
        {step.kind === 'preview' && (
          <section>
            <h2 className="fr-h4">Le fichier est valide&#8239;: {formatInt(step.result.rows)} lignes prêtes à être importées</h2>
            <div className="fr-table">
              <table>
                <caption>Correspondance des colonnes</caption>
                <thead>
                  <tr>
                    <th scope="col">Colonne du fichier</th>
                    <th scope="col">Champ d’Essaim</th>
                  </tr>
                </thead>
                <tbody>
                  {step.result.columns.map((c) => (
                    <tr key={c.header}>
                      <td>{c.header}</td>
                      <td>{fieldLabel(c.field)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Button onClick={() => void send(false)}>
                  Importer {formatInt(step.result.rows)} {labels.plural}
                </Button>
              </li>
              <li>
                <Button priority="secondary" onClick={() => setStep({ kind: 'choose' })}>
                  Annuler
                </Button>
              </li>
            </ul>
          </section>
        )}
        {step.kind === 'job' && <ImportJob jobId={step.jobId} />}
        {step.kind === 'done' && (
          <Alert
            severity="success"
            title={`${formatInt(step.result.imported)} ${labels.plural} importé${entity === 'organisations' ? 'e' : ''}s`}
            description={
              <Link to={`/${labels.slug}?sort=-createdAt`}>
                Voir les {labels.plural} les plus récent{entity === 'organisations' ? 'e' : ''}s
              </Link>
            }
          />
        )}
      </div>
    </>
  );
}
