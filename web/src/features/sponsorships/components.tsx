import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { z } from 'zod';
import type { reason, sponsorship } from '../../../../shared/schemas/sponsorship';
import {
  type NeedStatus,
  type NeedUrgency,
  needStatusLabels,
  needUrgencyLabels,
  type SponsorshipStatus,
  sponsorshipStatusLabels,
} from '../../../../shared/vocabulary';

export type Sponsorship = z.output<typeof sponsorship>;
type Reason = z.output<typeof reason>;

export const BASE = '/hackers-publics';
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('fr-FR', { dateStyle: 'medium' }) : '—');

const statusSeverity: Record<SponsorshipStatus, 'info' | 'success' | 'error' | 'warning' | 'new'> = {
  draft: 'info',
  proposed: 'new',
  declined: 'warning',
  expired: 'warning',
  active: 'success',
  closed: 'info',
};
export const SponsorshipBadge = ({ status }: { status: SponsorshipStatus }) => (
  <Badge severity={statusSeverity[status]} noIcon small>
    {sponsorshipStatusLabels[status]}
  </Badge>
);
export const NeedBadges = ({ status, urgency }: { status: NeedStatus; urgency: NeedUrgency }) => (
  <>
    <Badge severity={status === 'open' ? 'new' : status === 'matched' ? 'success' : 'info'} noIcon small>
      {needStatusLabels[status]}
    </Badge>{' '}
    {urgency === 'high' && (
      <Badge severity="warning" noIcon small>
        Urgence {needUrgencyLabels[urgency].toLowerCase()}
      </Badge>
    )}
  </>
);

/** Why a sponsor is proposed: each criterion with its points, adding up to the score. */
export function Reasons({ score, reasons }: { score: number; reasons: Reason[] }) {
  return (
    <div>
      <p className="fr-mb-1w">
        <strong>Score {score} sur 1 000</strong>
      </p>
      <ul className="fr-mb-0">
        {reasons.map((r) => (
          <li key={r.criterion}>
            {r.detail} ({r.contribution >= 0 ? '+' : ''}
            {r.contribution})
          </li>
        ))}
      </ul>
    </div>
  );
}
