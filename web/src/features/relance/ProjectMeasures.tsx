import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import { eligibilityVerdictLabels, measureWindowKindLabels, measureWindowLabels } from '../../../../shared/vocabulary';
import { formatDate } from '../../lib/format';
import { useCall } from '../../lib/use-api';

const verdictSeverity = { eligible: 'success', to_check: 'warning', not_eligible: 'error' } as const;
const statusLabel = { pass: 'Rempli', fail: 'Non rempli', unknown: 'À vérifier' } as const;

/**
 * A project's « Dispositifs du plan de relance »: each measure with its
 * window, its verdict and the reason of each criterion (closed measures of
 * 2020–2021 included, with their verdicts).
 */
export function ProjectMeasures({ projectId }: { projectId: string }) {
  const measures = useCall(relanceRoutes.projectMeasures, { params: { id: projectId } });
  const items = measures.data?.items;
  return (
    <section aria-labelledby="dispositifs-relance" className="fr-mt-4w">
      <h2 id="dispositifs-relance" className="fr-h4">
        Dispositifs du plan de relance
      </h2>
      {measures.loading && !items && <p>Chargement des dispositifs…</p>}
      {measures.error && <p className="fr-error-text">Les dispositifs n’ont pas pu être chargés.</p>}
      {items && items.length === 0 && <p>Aucun dispositif enregistré.</p>}
      {items?.map(({ measure, window, eligibility }) => (
        <article key={measure.id} className="fr-mb-3w">
          <h3 className="fr-h6 fr-mb-1w">
            {measure.url ? (
              <a href={measure.url} target="_blank" rel="noopener noreferrer" title={`${measure.name} — nouvelle fenêtre`}>
                {measure.name}
              </a>
            ) : (
              measure.name
            )}
          </h3>
          <p className="fr-mb-1w">
            {measure.operatorName} · {measureWindowKindLabels[measure.windowKind]} · {measureWindowLabels[window]}
            {measure.opensOn || measure.closesOn ? ` (du ${formatDate(measure.opensOn)} au ${formatDate(measure.closesOn)})` : ''}
          </p>
          <Badge severity={verdictSeverity[eligibility.verdict]} small>
            {eligibilityVerdictLabels[eligibility.verdict]}
          </Badge>
          {eligibility.criteria.length > 0 && (
            <ul className="fr-mt-1w">
              {eligibility.criteria.map((c) => (
                <li key={c.criterion}>
                  <strong>{statusLabel[c.status]}</strong> — {c.message}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
