import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { challengeRoutes } from '../../../../shared/routes/challenges.routes';
import { statsRoutes } from '../../../../shared/routes/stats.routes';
import { challengeEnrolmentPage, challengePage } from '../../../../shared/web-routes';
import { siaeKinds } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { ApiError, call, upload } from '../../lib/api';
import { formatInt, plural } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ImportReport } from '../import/ImportReport';

type Step<R> =
  | { kind: 'choose' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'preview'; result: R }
  | { kind: 'rejected'; error: ApiError }
  | { kind: 'done'; result: R };

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));

/**
 * A file checked first, then imported whole, as the directory's import page
 * does: the same row report when one row is wrong (nothing is written).
 */
function FileImport<R>({
  legend,
  hint,
  send,
  preview,
  done,
  confirm,
  name,
}: {
  legend: string;
  hint: string;
  name: string;
  send: (form: FormData, dryRun: boolean, onProgress: (f: number) => void) => Promise<R>;
  preview: (r: R) => string;
  confirm: (r: R) => string;
  done: (r: R) => string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [step, setStep] = useState<Step<R>>({ kind: 'choose' });
  const go = async (dryRun: boolean) => {
    if (!file) {
      setFileError('Choisissez un fichier CSV ou XLSX.');
      return;
    }
    setFileError(undefined);
    const form = new FormData();
    form.append('file', file);
    setStep({ kind: 'sending', fraction: 0 });
    try {
      const result = await send(form, dryRun, (fraction) => setStep({ kind: 'sending', fraction }));
      setStep(dryRun ? { kind: 'preview', result } : { kind: 'done', result });
    } catch (e) {
      setStep({ kind: 'rejected', error: asApiError(e) });
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void go(true);
  };
  return (
    <form onSubmit={onSubmit} className="fr-mb-4w">
      <Upload
        label={legend}
        hint={hint}
        state={fileError ? 'error' : 'default'}
        stateRelatedMessage={fileError}
        nativeInputProps={{
          name,
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
      <div aria-live="polite" className="fr-mt-2w">
        {step.kind === 'sending' && <p role="status">Envoi et vérification… {Math.round(step.fraction * 100)}&#8239;%</p>}
        {step.kind === 'rejected' && <ImportReport error={step.error} />}
        {step.kind === 'preview' && (
          <>
            <Alert severity="info" small description={preview(step.result)} className="fr-mb-2w" />
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Button type="button" onClick={() => void go(false)}>
                  {confirm(step.result)}
                </Button>
              </li>
              <li>
                <Button type="button" priority="secondary" onClick={() => setStep({ kind: 'choose' })}>
                  Annuler
                </Button>
              </li>
            </ul>
          </>
        )}
        {step.kind === 'done' && <Alert severity="success" small description={done(step.result)} />}
      </div>
    </form>
  );
}

/** The national team enrols structures in bulk (a file of SIRETs, a filter on the directory) and imports progress records. */
export function EnrolmentPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const team = isNationalTeam(me);
  const c = useCall(challengeRoutes.get, { params: { id } });
  const regions = useCall(statsRoutes.territories, team ? { query: { level: 'region' } } : null);
  const [filter, setFilter] = useState({ region: '', departement: '', siaeKind: '' });
  const [count, setCount] = useState<{ enrolled: number; selected: number; alreadyEnrolled: number } | null>(null);
  const [filterDone, setFilterDone] = useState<string | null>(null);
  const [filterError, setFilterError] = useState<ApiError | null>(null);
  const change = (key: keyof typeof filter, value: string) => {
    setFilter({ ...filter, [key]: value });
    setCount(null);
  };
  useTitle(c.data ? `Inscriptions au défi ${c.data.title}` : 'Inscriptions au défi');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(challengeEnrolmentPage(id))}`} replace />;
  if (me && !team)
    return <Alert severity="warning" title="Action non autorisée" description="Les inscriptions en nombre sont réservées à l’équipe nationale." />;
  if (c.error) return <ErrorAlert title="Ce défi ne se charge pas" error={c.error} />;
  if (!c.data) return <p role="status">Chargement…</p>;
  const body = {
    filter: {
      ...(filter.region ? { region: filter.region } : {}),
      ...(filter.departement.trim() ? { departement: filter.departement.trim() } : {}),
      ...(filter.siaeKind ? { siaeKind: filter.siaeKind as (typeof siaeKinds)[number] } : {}),
    },
  };
  const byFilter = async (dryRun: boolean) => {
    setFilterError(null);
    setFilterDone(null);
    try {
      const r = await call(challengeRoutes.enrol, { params: { id }, query: { dryRun: dryRun ? 'true' : 'false' }, body });
      if (dryRun) setCount(r);
      else {
        setCount(null);
        setFilterDone(`${plural(r.enrolled, 'structure inscrite', 'structures inscrites')} (${formatInt(r.alreadyEnrolled)} l’étaient déjà).`);
      }
    } catch (e) {
      setFilterError(asApiError(e));
    }
  };
  return (
    <>
      <p>
        <Link to={challengePage(id)} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Défi «&#8239;{c.data.title}&#8239;»
        </Link>
      </p>
      <h1 tabIndex={-1}>Inscriptions et relevés en nombre</h1>
      <p className="fr-text--lead">
        Toutes les lignes d’un fichier sont vérifiées avant l’import&#8239;: une seule ligne en erreur et rien n’est importé.{' '}
        {plural(c.data.enrolled, 'structure')} inscrite{c.data.enrolled > 1 ? 's' : ''} à ce jour.
      </p>

      <h2>Inscrire par un fichier de SIRET</h2>
      <FileImport
        legend="Fichier des structures à inscrire"
        hint={'CSV ou XLSX avec une colonne «\u202fSIRET\u202f» (une colonne «\u202fNom\u202f» est acceptée et ignorée). Taille maximale\u202f: 20 Mo.'}
        name="fichier-siret"
        send={(form, dryRun, onProgress) =>
          upload(challengeRoutes.importEnrolments, { params: { id }, query: { dryRun: dryRun ? 'true' : 'false' } }, form, onProgress)
        }
        preview={(r) =>
          `Le fichier est valide\u202f: ${plural(r.selected, 'structure')}, dont ${formatInt(r.enrolled)} à inscrire et ${formatInt(r.alreadyEnrolled)} déjà inscrite${r.alreadyEnrolled > 1 ? 's' : ''}.`
        }
        confirm={(r) => `Inscrire ${plural(r.enrolled, 'structure')}`}
        done={(r) => `${plural(r.enrolled, 'structure inscrite', 'structures inscrites')} (${formatInt(r.alreadyEnrolled)} l’étaient déjà).`}
      />

      <h2>Inscrire par un filtre sur l’annuaire</h2>
      <p>Par exemple toutes les SIAE de Bretagne&#8239;: seules les structures du public visé par le défi sont retenues.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void byFilter(true);
        }}
        className="fr-mb-4w"
      >
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <OptionSelect
              label="Région"
              blank="Toutes les régions"
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              nativeSelectProps={{ value: filter.region, onChange: (e) => change('region', e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Département (code)"
              hintText="Par exemple 35 ou 2A"
              nativeInputProps={{ value: filter.departement, onChange: (e) => change('departement', e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <OptionSelect
              label="Type de SIAE"
              blank="Tous les types"
              options={siaeKinds.map((k) => ({ value: k, label: k }))}
              nativeSelectProps={{ value: filter.siaeKind, onChange: (e) => change('siaeKind', e.target.value) }}
            />
          </div>
        </div>
        <Button type="submit">Compter les structures</Button>
        <div aria-live="polite" className="fr-mt-2w">
          {filterError && <ErrorAlert title="Le filtre n’a pas abouti" error={filterError} />}
          {filterDone && <Alert severity="success" small description={filterDone} />}
          {count && (
            <>
              <p>
                {plural(count.selected, 'structure')} du public visé&#8239;: {formatInt(count.enrolled)} à inscrire, {formatInt(count.alreadyEnrolled)} déjà
                inscrite{count.alreadyEnrolled > 1 ? 's' : ''}.
              </p>
              <Button type="button" disabled={count.enrolled === 0} onClick={() => void byFilter(false)}>
                Inscrire {plural(count.enrolled, 'structure')}
              </Button>
            </>
          )}
        </div>
      </form>

      <h2>Importer des relevés d’avancement</h2>
      <FileImport
        legend="Fichier des relevés"
        hint={`CSV ou XLSX avec les colonnes «\u202fSIRET\u202f», «\u202fÉtape\u202f» (numéro de 1 à ${c.data.steps.length} ou libellé), «\u202fValeur\u202f», «\u202fDate\u202f» et, facultative, «\u202fPreuve\u202f» (lien).`}
        name="fichier-releves"
        send={(form, dryRun, onProgress) =>
          upload(challengeRoutes.importProgress, { params: { id }, query: { dryRun: dryRun ? 'true' : 'false' } }, form, onProgress)
        }
        preview={(r) => `Le fichier est valide\u202f: ${plural(r.rows, 'relevé')} pour ${plural(r.structures, 'structure')}.`}
        confirm={(r) => `Importer ${plural(r.rows, 'relevé')}`}
        done={(r) => `${plural(r.imported, 'relevé importé', 'relevés importés')} pour ${plural(r.structures, 'structure')}.`}
      />
    </>
  );
}
