import type { DecisionSummary } from '../../../../shared/schemas/decision';
import { formatParisDay, formatParisTime } from '../../../../shared/paris-time';
import { pollTypeLabels } from '../../../../shared/vocabulary';
import type { Me } from '../../lib/session';

export const statusLabels = { upcoming: 'À venir', open: 'Vote ouvert', closed: 'Clos' } as const;

/** « 12 votes sur 20 (60 %) ». */
export function turnoutText(t: { voted: number; eligible: number }) {
  const share = t.eligible ? Math.round((t.voted / t.eligible) * 100) : 0;
  return `${t.voted.toLocaleString('fr-FR')} vote${t.voted > 1 ? 's' : ''} sur ${t.eligible.toLocaleString('fr-FR')} votant${t.eligible > 1 ? 's' : ''} (${share}\u202f%)`;
}

export const instantText = (iso: string) => `${formatParisDay(iso)} à ${formatParisTime(iso)}`;

/** « Adoptée », « Non adoptée (quorum non atteint) »… for a closed poll. */
export function outcomeText(d: Pick<DecisionSummary, 'result' | 'status'>) {
  if (d.status !== 'closed') return statusLabels[d.status];
  if (!d.result) return 'Clos, décompte en cours';
  if (!d.result.quorumMet) return 'Non adoptée (quorum non atteint)';
  return d.result.adopted ? 'Adoptée' : 'Non adoptée';
}

export const pollText = (d: Pick<DecisionSummary, 'pollType' | 'maxChoices' | 'anonymous'>) =>
  `${d.pollType === 'choice' && d.maxChoices > 1 ? `Choix multiple (${d.maxChoices} au plus)` : pollTypeLabels[d.pollType]}, vote ${d.anonymous ? 'anonyme' : 'nominatif'}`;

/** Whether this account may put a decision to the vote: the national team, or a collective's coordination. */
export const mayPropose = (me: Me | null | undefined) =>
  Boolean(me?.roles.some((r) => r.role === 'admin' || (r.role === 'coordinator' && (r.scope ?? []).length > 0)));
