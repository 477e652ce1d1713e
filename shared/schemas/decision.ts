import { consentPositions, decisionActionStatuses, pollTypes } from '../vocabulary';
import { isoDate, line, listQueryBase, multilineText, optionalText, queryBoolean, trimmed, url, uuid, z } from './common';

const instant = z.iso.datetime({
  offset: true,
  error: 'Indiquez une date et une heure complètes, avec le fuseau (par exemple 2021-03-01T09:00:00+01:00).',
});

export const decisionOption = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'L’identifiant d’une option : minuscules, chiffres et tirets (40 au plus).'),
  label: trimmed(200),
});
export const decisionAttachment = z.strictObject({ label: trimmed(200), url });

export const decisionFields = z.strictObject({
  /** Null: a network-wide decision, voted by the coordinators of the collectives. */
  collectiveId: uuid.nullable(),
  title: trimmed(300),
  text: multilineText(20000).optional(),
  opensAt: instant,
  closesAt: instant,
  /** The share of the voters who must vote, 0–1. */
  quorum: z.number().min(0, 'Le quorum est une part des votants, de 0 à 1.').max(1, 'Le quorum est une part des votants, de 0 à 1.'),
  pollType: z.enum(pollTypes),
  options: z.array(decisionOption).max(30, 'Trente options au plus.'),
  /** Choice: how many options a voter may choose (1: a single choice). */
  maxChoices: z.number().int().min(1).max(30).optional(),
  /** Anonymous: nobody sees who voted what. Chosen at creation. */
  anonymous: z.boolean(),
  /** Published: visitors see it, and its result. */
  public: z.boolean(),
  attachments: z.array(decisionAttachment).max(20),
});

const checkDecision = (
  d: { opensAt?: string | undefined; closesAt?: string | undefined; pollType?: string | undefined; options?: Array<{ id: string }> | undefined },
  ctx: z.RefinementCtx,
) => {
  if (d.opensAt && d.closesAt && Date.parse(d.closesAt) <= Date.parse(d.opensAt))
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'La clôture doit venir après l’ouverture : vérifiez les dates et les heures.' });
  if (d.pollType && d.pollType !== 'consent' && d.options && d.options.length < 2)
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'Proposez au moins deux options.' });
  if (d.options && new Set(d.options.map((o) => o.id)).size !== d.options.length)
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'Deux options ont le même identifiant.' });
};

/** A decision as created: what is left out takes its default (no options for a consent, named, unpublished). */
export const decisionInput = decisionFields
  .extend({
    options: decisionFields.shape.options.default([]),
    anonymous: decisionFields.shape.anonymous.default(false),
    public: decisionFields.shape.public.default(false),
    attachments: decisionFields.shape.attachments.default([]),
  })
  .superRefine(checkDecision);
export type DecisionInput = z.output<typeof decisionInput>;

/** What may change: the poll's terms until its first vote, the outcome (the decision taken) at any time. */
export const decisionPatch = decisionFields
  .omit({ collectiveId: true, anonymous: true })
  .partial()
  .extend({ outcome: multilineText(20000).optional() })
  .superRefine(checkDecision);
export type DecisionPatch = z.output<typeof decisionPatch>;

export const ballotInput = z.union([
  z.strictObject({ position: z.enum(consentPositions), comment: multilineText(5000).optional() }),
  z.strictObject({ optionIds: z.array(z.string().max(40)).min(1).max(30), comment: multilineText(5000).optional() }),
  z.strictObject({ scores: z.record(z.string().max(40), z.number().int().min(0).max(5)), comment: multilineText(5000).optional() }),
  z.strictObject({ ranking: z.array(z.string().max(40)).min(1).max(30), comment: multilineText(5000).optional() }),
]);
export type BallotInput = z.output<typeof ballotInput>;

const ranked = z.object({ id: z.string(), rank: z.number().int(), value: z.number() });
const round = z.union([
  z.object({ kind: z.literal('tally'), counts: z.record(z.string(), z.number()) }),
  z.object({ kind: z.literal('scores'), totals: z.record(z.string(), z.number()), means: z.record(z.string(), z.number()) }),
  z.object({ kind: z.literal('pairwise'), options: z.array(z.string()), matrix: z.array(z.array(z.number())) }),
  z.object({ kind: z.literal('strongestPaths'), options: z.array(z.string()), matrix: z.array(z.array(z.number())) }),
]);
export const pollResult = z.object({
  method: z.enum(['consent', 'plurality', 'approval', 'score', 'schulze']),
  winners: z.array(z.string()),
  ranking: z.array(ranked),
  rounds: z.array(round),
  turnout: z.object({ voted: z.number().int(), eligible: z.number().int(), share: z.number() }),
  quorumMet: z.boolean(),
  adopted: z.boolean(),
});
export type PollResultOut = z.output<typeof pollResult>;

export const decisionActionFields = z.strictObject({
  title: trimmed(300),
  owner: optionalText(200).optional(),
  dueOn: isoDate.nullable().optional(),
  progress: z.number().int().min(0).max(100).optional(),
  status: z.enum(decisionActionStatuses).optional(),
});
export const decisionActionPatch = decisionActionFields.partial();
export const decisionAction = z.object({
  id: uuid,
  title: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  progress: z.number().int(),
  status: z.enum(decisionActionStatuses),
});
export const decisionActionParams = z.strictObject({ id: uuid, actionId: uuid });

export const decisionStatuses = ['upcoming', 'open', 'closed'] as const;
export const decisionActions = ['update', 'vote', 'close', 'follow'] as const;

export const decisionVote = z.object({
  /** The voter's name (named polls only). */
  name: z.string(),
  position: z.enum(consentPositions).nullable(),
  optionIds: z.array(z.string()).nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  ranking: z.array(z.string()).nullable(),
  comment: z.string(),
  updatedAt: z.string(),
});

export const decision = z.object({
  id: uuid,
  collectiveId: z.string().nullable(),
  /** « Tout le réseau » for a network-wide decision. */
  collectiveName: z.string(),
  title: z.string(),
  text: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  status: z.enum(decisionStatuses),
  quorum: z.number(),
  pollType: z.enum(pollTypes),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  maxChoices: z.number().int(),
  anonymous: z.boolean(),
  public: z.boolean(),
  attachments: z.array(z.object({ label: z.string(), url: z.string() })),
  outcome: z.string(),
  /** Live: how many voted of how many may vote. */
  turnout: z.object({ voted: z.number().int(), eligible: z.number().int() }),
  /** Counted when the poll closed. */
  result: pollResult.nullable(),
  /** The caller's own ballot, while they may still change it and after. */
  myVote: ballotInput.nullable(),
  /** Who voted what (named polls, for those who take part in it). */
  votes: z.array(decisionVote),
  followUp: z.array(decisionAction),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `update` the poll and outcome, `vote`, `close` early, `follow` (the follow-up actions). */
  actions: z.array(z.enum(decisionActions)),
});
export type Decision = z.output<typeof decision>;

export const decisionSummary = decision.omit({ votes: true, followUp: true, myVote: true, text: true, attachments: true });
export type DecisionSummary = z.output<typeof decisionSummary>;

export const decisionListQuery = z.strictObject({
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  /** A collective's decisions; `network` for the network-wide ones. */
  collective: z.union([uuid, z.literal('network')]).optional(),
  status: z.enum(decisionStatuses).optional(),
  /** Only those the caller may vote on now. */
  mine: queryBoolean.optional(),
});
export type DecisionListQuery = z.output<typeof decisionListQuery>;

export const memberAccount = z.object({ accountId: uuid, email: z.string(), name: z.string().nullable(), coordinator: z.boolean() });
export const memberInput = z.strictObject({ email: line().trim().toLowerCase().max(320) });
export const memberParams = z.strictObject({ id: uuid, accountId: uuid });
