import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { z } from 'zod';
import type { transfer } from '../../../../shared/schemas/cooperation';
import { type CooperationStatus, cooperationStatusLabels, type TransferStatus, transferStatusLabels } from '../../../../shared/vocabulary';

export type Transfer = z.output<typeof transfer>;

export const BASE = '/cooperation';
export const transferPage = (id: string) => `${BASE}/transferts/${id}`;
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('fr-FR', { dateStyle: 'medium' }) : '—');

const transferSeverity: Record<TransferStatus, 'info' | 'success' | 'warning' | 'new'> = {
  requested: 'new',
  accepted: 'info',
  in_progress: 'info',
  done: 'success',
  declined: 'warning',
};
export const TransferBadge = ({ status }: { status: TransferStatus }) => (
  <Badge severity={transferSeverity[status]} noIcon small>
    {transferStatusLabels[status]}
  </Badge>
);
export const CooperationBadge = ({ status }: { status: CooperationStatus }) => (
  <Badge severity={status === 'active' ? 'success' : status === 'planned' ? 'new' : 'info'} noIcon small>
    {cooperationStatusLabels[status]}
  </Badge>
);

/** Who gives a transfer: a collective, a structure, or nobody yet (the national team looks for one). */
export const giverOf = (t: Transfer) => t.fromCollectiveName ?? t.fromOrganisationName ?? 'À trouver par l’équipe nationale';
