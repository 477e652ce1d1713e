import type { Actor } from '../../policies/actor';
import { type EventLinks, isOrganiser } from '../events/event-policy';

/** What decides what an actor does at a hackathon: the event, who they are there, and whether results are out. */
export interface HackathonContext {
  event: EventLinks;
  /** The actor's live judge registrations at this event. */
  judgeRegistrationIds: readonly string[];
  /** The teams the actor is a member of. */
  teamIds: readonly string[];
  published: boolean;
}

const judges = (c: HackathonContext, judgeRegistrationId: string) => c.judgeRegistrationIds.includes(judgeRegistrationId);

/**
 * Hackathons: the organiser (national team, or the organising structure's
 * accounts) runs everything and sees everything. A team's member submits for
 * it. A judge sees and reviews the submissions assigned to them, never
 * another judge's scores; a team reads its own reviews once the results are
 * published; everybody reads published results.
 */
export const hackathonPolicy = {
  manage: (actor: Actor, c: HackathonContext) => isOrganiser(actor, c.event),
  /** Form a team: the organiser, or a participant who is in it. */
  createTeam: (actor: Actor, c: HackathonContext & { memberIsSelf: boolean }) => isOrganiser(actor, c.event) || c.memberIsSelf,
  submit: (actor: Actor, r: { ctx: HackathonContext; teamId: string }) => isOrganiser(actor, r.ctx.event) || r.ctx.teamIds.includes(r.teamId),
  /** Review (or compare) as this judge: the judge themself, or the organiser recording for them. */
  actAsJudge: (actor: Actor, r: { ctx: HackathonContext; judgeRegistrationId: string }) =>
    isOrganiser(actor, r.ctx.event) || judges(r.ctx, r.judgeRegistrationId),
  declareConflict: (actor: Actor, r: { ctx: HackathonContext; judgeRegistrationId: string }) =>
    isOrganiser(actor, r.ctx.event) || judges(r.ctx, r.judgeRegistrationId),
  /** One review: the organiser; its judge; its team after publication. */
  readReview: (actor: Actor, r: { ctx: HackathonContext; judgeRegistrationId: string; teamId: string }) =>
    isOrganiser(actor, r.ctx.event) || judges(r.ctx, r.judgeRegistrationId) || (r.ctx.published && r.ctx.teamIds.includes(r.teamId)),
  readResults: (actor: Actor, c: HackathonContext) => isOrganiser(actor, c.event) || c.published,
};
