import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import {
  type EligibilityVerdict,
  eligibilityVerdictLabels,
  measureWindowKindLabels,
  measureWindowLabels,
  recoveryComponentLabels,
} from '../../../../shared/vocabulary';
import { measurePage, recordPage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OptionSelect } from '../../components/OptionSelect';
import { TerritoryPicker } from '../../components/pickers';
import { formatDate, formatEur, formatInt } from '../../lib/format';
import { useThemes } from '../../lib/themes';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { Criteria, RELANCE, RelanceNav, verdictSeverity } from './relance-ui';

const span = (m: { opensOn: string | null; closesOn: string | null }) =>
  m.opensOn || m.closesOn ? `du ${formatDate(m.opensOn)} au ${formatDate(m.closesOn)}` : 'sans date';

/** `/relance/mesures`: the recovery-plan measures, filtered by operator, theme, territory, open now. */
export function MeasuresPage() {
  useTitle('Mesures du plan de relance');
  const themes = useThemes();
  const [operator, setOperator] = useState('');
  const [theme, setTheme] = useState('');
  const [territory, setTerritory] = useState<string | null>(null);
  const [openNow, setOpenNow] = useState(false);
  // Every measure once, for the operators' list (the catalogue holds a few hundred at most).
  const all = useCall(relanceRoutes.listMeasures, { query: { pageSize: 200 } });
  const list = useCall(relanceRoutes.listMeasures, {
    query: {
      pageSize: 200,
      ...(operator ? { operator } : {}),
      ...(theme ? { theme } : {}),
      ...(territory ? { territory } : {}),
      ...(openNow ? { window: 'open' as const } : {}),
    },
  });
  const operators = [...new Map((all.data?.items ?? []).map((m) => [m.operatorOrganisationId, m.operatorName])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return (
    <>
      <h1 tabIndex={-1}>Mesures du plan de relance</h1>
      <p>
        Les dispositifs de France Relance ouverts aux structures de l’ESS, avec leurs opérateurs et leurs règles d’éligibilité. Chaque mesure dit, critère par
        critère, quels projets du réseau y sont éligibles et pourquoi.
      </p>
      <RelanceNav />
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-3">
          <OptionSelect
            label="Opérateur"
            blank="Tous les opérateurs"
            options={operators}
            nativeSelectProps={{ value: operator, onChange: (e) => setOperator(e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <OptionSelect
            label="Thématique"
            blank="Toutes les thématiques"
            options={themes.map((t) => ({ value: t.code, label: t.label }))}
            nativeSelectProps={{ value: theme, onChange: (e) => setTheme(e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <TerritoryPicker label="Territoire" hint="Les mesures nationales y sont comprises" value={territory} onChange={setTerritory} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Checkbox options={[{ label: 'Ouvertes aujourd’hui', nativeInputProps: { checked: openNow, onChange: (e) => setOpenNow(e.target.checked) } }]} />
        </div>
      </div>
      {list.error && <ErrorAlert title="Les mesures ne se chargent pas" error={list.error} />}
      {list.loading && !list.data && <p>Chargement…</p>}
      {list.data && (
        <>
          <p className="fr-mt-2w" role="status">
            {list.data.total === 0 ? 'Aucune mesure ne correspond à ces filtres.' : `${formatInt(list.data.total)} mesure${list.data.total > 1 ? 's' : ''}`}
          </p>
          {list.data.items.length > 0 && (
            <DataTable caption="Mesures du plan de relance" head={['Mesure', 'Opérateur', 'Volet', 'Fenêtre', 'Budget']}>
              {list.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={measurePage(m.id)}>{m.name}</Link>
                  </td>
                  <td>{m.operatorName}</td>
                  <td>{recoveryComponentLabels[m.component]}</td>
                  <td>
                    {measureWindowLabels[m.window]} · {measureWindowKindLabels[m.windowKind]}, {span(m)}
                  </td>
                  <td>{formatEur(m.budgetEur)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}

const verdictChoices: Array<{ value: string; label: string; verdicts: EligibilityVerdict[] }> = [
  { value: 'eligible,to_check', label: 'Éligibles et à vérifier', verdicts: ['eligible', 'to_check'] },
  { value: 'eligible', label: 'Éligibles', verdicts: ['eligible'] },
  { value: 'to_check', label: 'À vérifier', verdicts: ['to_check'] },
  { value: 'not_eligible', label: 'Non éligibles', verdicts: ['not_eligible'] },
];

/** `/relance/mesures/{id}`: a measure, its rules in words, and the network's projects with their verdict per criterion. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const m = useCall(relanceRoutes.getMeasure, { params: { id } });
  const [choice, setChoice] = useState('eligible,to_check');
  const [page, setPage] = useState(1);
  const verdicts = verdictChoices.find((c) => c.value === choice)?.verdicts ?? ['eligible', 'to_check'];
  const projects = useCall(relanceRoutes.eligibleProjects, { params: { id }, query: { verdict: verdicts, page, pageSize: 20 } });
  useTitle(m.data?.name ?? 'Mesure');
  if (m.error?.status === 404) return <NotFoundPage />;
  if (m.error) return <ErrorAlert title="Cette mesure n’a pas pu être chargée" error={m.error} />;
  if (!m.data) return <p role="status">Chargement…</p>;
  const measure = m.data;
  const counts = projects.data?.counts;
  const pages = projects.data ? Math.max(1, Math.ceil(projects.data.total / 20)) : 1;
  return (
    <>
      <Breadcrumb
        currentPageLabel={measure.name}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Mesures du plan de relance', linkProps: { to: `${RELANCE}/mesures` } },
        ]}
      />
      <h1 tabIndex={-1}>{measure.name}</h1>
      <RelanceNav />
      <p>
        <Badge small noIcon severity={measure.window === 'open' ? 'success' : measure.window === 'upcoming' ? 'info' : undefined}>
          {measureWindowLabels[measure.window]}
        </Badge>
      </p>
      <dl className="essaim-facts">
        <dt>Opérateur</dt>
        <dd>{measure.operatorName}</dd>
        <dt>Volet de France Relance</dt>
        <dd>{recoveryComponentLabels[measure.component]}</dd>
        <dt>Modalité</dt>
        <dd>
          {measureWindowKindLabels[measure.windowKind]}, {span(measure)}
        </dd>
        <dt>Budget</dt>
        <dd>{formatEur(measure.budgetEur)}</dd>
        {measure.url && (
          <>
            <dt>Source officielle</dt>
            <dd>
              <a href={measure.url} target="_blank" rel="noopener noreferrer" title={`${measure.name} — nouvelle fenêtre`}>
                {new URL(measure.url).hostname}
              </a>
            </dd>
          </>
        )}
      </dl>
      {measure.description && <p className="fr-mt-2w">{measure.description}</p>}
      <h2>Règles d’éligibilité</h2>
      {measure.rulesInWords.length === 0 ? (
        <p>Aucune condition particulière&#8239;: tout projet du réseau peut y prétendre.</p>
      ) : (
        <ul>
          {measure.rulesInWords.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <h2>Projets du réseau</h2>
      {counts && (
        <p>
          {formatInt(counts.eligible)} éligible{counts.eligible > 1 ? 's' : ''}, {formatInt(counts.toCheck)} à vérifier, {formatInt(counts.notEligible)} non
          éligible{counts.notEligible > 1 ? 's' : ''}.
        </p>
      )}
      <OptionSelect
        label="Verdicts affichés"
        blank="Éligibles et à vérifier"
        options={verdictChoices.slice(1)}
        nativeSelectProps={{
          value: choice === 'eligible,to_check' ? '' : choice,
          onChange: (e) => {
            setChoice(e.target.value || 'eligible,to_check');
            setPage(1);
          },
        }}
      />
      {projects.error && <ErrorAlert title="Les projets ne se chargent pas" error={projects.error} />}
      {projects.data && projects.data.items.length === 0 && <p>Aucun projet avec ce verdict.</p>}
      {projects.data?.items.map((p) => (
        <article key={p.projectId} className="fr-mb-3w">
          <h3 className="fr-h6 fr-mb-1w">
            <Link to={recordPage('projects', p.projectId) ?? '#'}>{p.projectTitle}</Link>
            {p.organisationName ? ` — ${p.organisationName}` : ''}
          </h3>
          <Badge severity={verdictSeverity[p.eligibility.verdict]} small>
            {eligibilityVerdictLabels[p.eligibility.verdict]}
          </Badge>
          <Criteria eligibility={p.eligibility} />
        </article>
      ))}
      {pages > 1 && (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Page précédente
            </button>
          </li>
          <li>
            <span className="fr-mx-2w">
              Page {page} sur {pages}
            </span>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Page suivante
            </button>
          </li>
        </ul>
      )}
    </>
  );
}
