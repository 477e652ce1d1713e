import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router';
import type { EligibilityOut } from '../../../../shared/schemas/relance';
import { type ObstacleStatus, obstacleStatusLabels } from '../../../../shared/vocabulary';
import type { Me } from '../../lib/session';
import { isNationalTeam, useSession } from '../../lib/session';

export const RELANCE = '/relance';
export const verdictSeverity = { eligible: 'success', to_check: 'warning', not_eligible: 'error' } as const;
export const criterionLabel = { pass: 'Rempli', fail: 'Non rempli', unknown: 'À vérifier' } as const;
const statusSeverity: Record<ObstacleStatus, 'info' | 'new' | 'success' | 'error' | undefined> = {
  open: 'new',
  in_progress: 'info',
  lifted: 'success',
  not_lifted: 'error',
  out_of_scope: undefined,
};

/** The structures an account answers for as an operator. */
export const operatorScopes = (me: Me | null | undefined) => (me?.roles ?? []).filter((r) => r.role === 'operator').flatMap((r) => r.scope ?? []);

export function ObstacleStatusBadge({ status }: { status: ObstacleStatus }) {
  const severity = statusSeverity[status];
  return (
    <Badge small noIcon {...(severity ? { severity } : {})}>
      {obstacleStatusLabels[status]}
    </Badge>
  );
}

/** A verdict's criteria, each with its reason in French. */
export function Criteria({ eligibility }: { eligibility: EligibilityOut }) {
  if (eligibility.criteria.length === 0) return null;
  return (
    <ul className="fr-mt-1w">
      {eligibility.criteria.map((c) => (
        <li key={c.criterion}>
          <strong>{criterionLabel[c.status]}</strong> — {c.message}
        </li>
      ))}
    </ul>
  );
}

/** The programme's links, according to the caller's roles. */
export function RelanceNav() {
  const { me } = useSession();
  const operator = operatorScopes(me).length > 0 || isNationalTeam(me);
  return (
    <nav aria-label="ESS relance">
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-2w">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${RELANCE}/mesures`}>
            Mesures
          </Link>
        </li>
        {me && (
          <>
            <li>
              <Link className="fr-btn fr-btn--secondary" to={`${RELANCE}/freins`}>
                Freins et blocages
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" to={`${RELANCE}/statistiques`}>
                Statistiques
              </Link>
            </li>
          </>
        )}
        {operator && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${RELANCE}/mon-espace`}>
              Espace opérateur
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
