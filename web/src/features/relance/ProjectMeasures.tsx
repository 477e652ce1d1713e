import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import { eligibilityVerdictLabels, measureWindowKindLabels, measureWindowLabels } from '../../../../shared/vocabulary';
import { measurePage } from '../../../../shared/web-routes';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { Criteria, RELANCE, verdictSeverity } from './relance-ui';

/**
 * A project's « Dispositifs du plan de relance »: each measure with its
 * window, its verdict and the reason of each criterion (closed measures of
 * 2020–2021 included, with their verdicts); those who carry the project raise
 * an obstacle about one of them.
 */
export function ProjectMeasures({ projectId }: { projectId: string }) {
  const { me } = useSession();
  const measures = useCall(relanceRoutes.projectMeasures, { params: { id: projectId } });
  const items = measures.data?.items;
  // The server decides whether this account carries the project; the link is offered to those who may raise obstacles at all.
  const mayRaise = Boolean(me?.roles.some((r) => r.role === 'admin' || r.role === 'holder' || r.role === 'coordinator'));
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
            <Link to={measurePage(measure.id)}>{measure.name}</Link>
          </h3>
          <p className="fr-mb-1w">
            {measure.operatorName} · {measureWindowKindLabels[measure.windowKind]} · {measureWindowLabels[window]}
            {measure.opensOn || measure.closesOn ? ` (du ${formatDate(measure.opensOn)} au ${formatDate(measure.closesOn)})` : ''}
          </p>
          <Badge severity={verdictSeverity[eligibility.verdict]} small>
            {eligibilityVerdictLabels[eligibility.verdict]}
          </Badge>
          <Criteria eligibility={eligibility} />
          {mayRaise && (
            <Link
              className="fr-link fr-icon-alert-line fr-link--icon-left"
              to={`${RELANCE}/freins/nouveau?projet=${projectId}&mesure=${measure.id}`}
              title={`Signaler un frein sur «\u202f${measure.name}\u202f»`}
            >
              Signaler un frein
            </Link>
          )}
        </article>
      ))}
    </section>
  );
}
