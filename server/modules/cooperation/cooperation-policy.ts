import type { Actor } from '../../policies/actor';
import { inScope, isNationalTeam } from '../../policies/roles';

/** What decides who sees and moves a know-how transfer. */
export interface TransferLinks {
  fromCollectiveId: string | null;
  fromOrganisationId: string | null;
  toCollectiveId: string;
  requestedBy: 'giver' | 'receiver';
  status: string;
}

/** The side of a transfer the actor answers for: the giving collective's coordinators or the giving structure's holders; the receiving collective's coordinators. */
export function sideOf(actor: Actor, t: Pick<TransferLinks, 'fromCollectiveId' | 'fromOrganisationId' | 'toCollectiveId'>): 'giver' | 'receiver' | null {
  if (inScope(actor, 'coordinator', t.fromCollectiveId) || inScope(actor, 'holder', t.fromOrganisationId)) return 'giver';
  if (inScope(actor, 'coordinator', t.toCollectiveId)) return 'receiver';
  return null;
}

const PUBLIC_STATUSES = new Set(['accepted', 'in_progress', 'done']);
const isSide = (actor: Actor, t: TransferLinks) => sideOf(actor, t) !== null;

/**
 * Know-how transfers. A request (or a declined one) is its two sides' and the
 * national team's; once accepted the transfer is public (its message and an
 * unpublished testimonial stay private). The side that did not ask answers:
 * the requester never accepts its own request, nor does the national team
 * answer for a collective. Either side (or the national team) then moves it
 * to `in_progress` and `done` and writes its follow-up.
 */
export const transferPolicy = {
  read: (actor: Actor, t: TransferLinks) => PUBLIC_STATUSES.has(t.status) || isNationalTeam(actor) || isSide(actor, t),
  readPrivate: (actor: Actor, t: TransferLinks) => isNationalTeam(actor) || isSide(actor, t),
  /** Ask: the receiving collective's coordinators; offer: the giving side; either: the national team. */
  create: (actor: Actor, t: TransferLinks) =>
    isNationalTeam(actor) || (t.requestedBy === 'receiver' ? inScope(actor, 'coordinator', t.toCollectiveId) : sideOf(actor, t) === 'giver'),
  answer: (actor: Actor, t: TransferLinks) =>
    t.status === 'requested' &&
    (t.fromCollectiveId !== null || t.fromOrganisationId !== null) &&
    sideOf(actor, t) === (t.requestedBy === 'receiver' ? 'giver' : 'receiver'),
  progress: (actor: Actor, t: TransferLinks) => (t.status === 'accepted' || t.status === 'in_progress') && (isNationalTeam(actor) || isSide(actor, t)),
  update: (actor: Actor, t: TransferLinks) => t.status !== 'declined' && (isNationalTeam(actor) || isSide(actor, t)),
  /** Name the giving side of a request that has none: the national team. */
  assign: (actor: Actor, t: TransferLinks) => t.status === 'requested' && t.fromCollectiveId === null && t.fromOrganisationId === null && isNationalTeam(actor),
  candidates: (actor: Actor) => isNationalTeam(actor),
};

/** A replica's people: its structure's holders, its collective's coordinators, and the national team, record its source. */
export const replicationPolicy = {
  record: (actor: Actor, replica: { leadOrganisationId: string | null; collectiveId: string | null }) =>
    isNationalTeam(actor) || inScope(actor, 'holder', replica.leadOrganisationId) || inScope(actor, 'coordinator', replica.collectiveId),
};

/** A collective's coordinators (and the national team) speak for it. */
export const collectivePolicy = {
  declare: (actor: Actor, k: { collectiveId: string }) => isNationalTeam(actor) || inScope(actor, 'coordinator', k.collectiveId),
};

/** A cooperation: the national team, and the holders of either structure. */
export const cooperationPolicy = {
  write: (actor: Actor, c: { largeGroupId: string; socialInnovatorId: string }) =>
    isNationalTeam(actor) || inScope(actor, 'holder', c.largeGroupId) || inScope(actor, 'holder', c.socialInnovatorId),
};
