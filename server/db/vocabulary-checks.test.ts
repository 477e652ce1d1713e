import { sql } from 'kysely';
import { featuredRecordKinds } from '../../shared/schemas/annual-review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, auditQuery } from '../../shared/schemas/audit';
import {
  advisorProjectStatuses,
  eventKinds,
  investmentLeadStages,
  meetingRequestStatuses,
  meetingStatuses,
  eventProgrammes,
  instruments,
  needStatuses,
  needUrgencies,
  notificationCategories,
  objectiveOutcomes,
  sessionFormats,
  sponsorshipCategories,
  recoveryComponents,
  measureWindowKinds,
  organisationSizes,
  obstacleCategories,
  obstacleStatuses,
  obstacleActionKinds,
  sponsorshipStatuses,
  notificationDeliveries,
  organisationKinds,
  projectStages,
  projectStatuses,
  registrationRoles,
  participantSectors,
  innovationStatuses,
  registrationStatuses,
  sectorMemberRoles,
  siaeKinds,
  transferStatuses,
  cooperationStatuses,
  pollTypes,
  decisionActionStatuses,
  challengeEnrolmentSources,
} from '../../shared/vocabulary';
import { onPostgres, testDatabase } from '../test/test-db';
import type { OpenDatabase } from './connection';

/**
 * Every CHECK of the migrated database that lists allowed values, and the
 * shared list it must equal. Adding a value to a list without a migration that
 * widens the CHECK fails here (the API would accept what the database refuses);
 * a new CHECK with a value list must be named here.
 */
const expected: Record<string, readonly string[]> = {
  'organisations.kind': organisationKinds,
  'organisations.siae_kind': siaeKinds,
  'projects.stage': projectStages,
  'projects.instruments': instruments,
  'projects.status': projectStatuses,
  'funds.stages': projectStages,
  'funds.instruments': instruments,
  'sector_programme_members.role': sectorMemberRoles,
  'audit_log.action': auditActions,
  'audit_log.actor_kind': auditQuery.shape.actor.unwrap().options,
  'notifications.category': notificationCategories,
  'notification_preferences.category': notificationCategories,
  'notification_preferences.delivery': notificationDeliveries,
  'meetings.status': meetingStatuses,
  'meeting_requests.status': meetingRequestStatuses,
  'investment_leads.stage': investmentLeadStages,
  'advisor_projects.status': advisorProjectStatuses,
  'events.kind': eventKinds,
  'events.programme': eventProgrammes,
  'registrations.role': registrationRoles,
  'registrations.status': registrationStatuses,
  'sponsor_profiles.expertise': sponsorshipCategories,
  'sponsorship_needs.categories': sponsorshipCategories,
  'sponsorship_needs.urgency': needUrgencies,
  'sponsorship_needs.status': needStatuses,
  'sponsorship_needs.source': ['request', 'pioneer'],
  'sponsorships.status': sponsorshipStatuses,
  'sponsorship_objectives.outcome': objectiveOutcomes,
  'sponsorship_sessions.format': sessionFormats,
  'knowledge_transfers.status': transferStatuses,
  'knowledge_transfers.requested_by': ['giver', 'receiver'],
  'cooperations.status': cooperationStatuses,
  'recovery_measures.component': recoveryComponents,
  'recovery_measures.window_kind': measureWindowKinds,
  'organisation_relance_facts.size': organisationSizes,
  'obstacles.category': obstacleCategories,
  'obstacles.status': obstacleStatuses,
  'obstacle_actions.kind': obstacleActionKinds,
  'obstacle_actions.status': obstacleStatuses,
  'obstacle_reminders.kind': ['due_soon', 'overdue'],
  'annual_reports.status': ['pending', 'ready'],
  'review_featured.record_kind': featuredRecordKinds,
  'decisions.poll_type': pollTypes,
  'decision_actions.status': decisionActionStatuses,
  'registrations.sector': participantSectors,
  'innovation_follow_ups.status': innovationStatuses,
  'challenges.target_kind': organisationKinds,
  'challenges.target_siae_kinds': siaeKinds,
  'challenge_enrolments.source': challengeEnrolmentSources,
};

/**
 * The value lists of the CHECK constraints, read from the catalogue:
 * `CHECK ((kind = ANY (ARRAY['siae'::text, …])))` or
 * `CHECK ((instruments <@ ARRAY['grant'::text, …]))` → `organisations.kind: [siae, …]`.
 */
async function valueChecks(open: OpenDatabase) {
  const rows = await sql<{ tbl: string; def: string }>`
    select c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def
    from pg_constraint c
    where c.contype = 'c' and c.connamespace = 'public'::regnamespace`.execute(open.db);
  const out = new Map<string, string[]>();
  for (const { tbl, def } of rows.rows) {
    const array = /ARRAY\[([^\]]*)\]/.exec(def);
    if (!array) continue;
    const column = /^CHECK \(+\s*"?([a-z_]+)"?/.exec(def)?.[1];
    const values = [...(array[1] as string).matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] as string).replace(/''/g, "'"));
    out.set(`${tbl}.${column}`, values);
  }
  return out;
}

let open: OpenDatabase;
beforeAll(async () => {
  open = await testDatabase();
});
afterAll(() => open.close());

describe(`vocabulary CHECK constraints (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('every value list of the migrated database equals its shared vocabulary', async () => {
    const checks = await valueChecks(open);
    const found = Object.fromEntries([...checks].map(([k, v]) => [k, [...v].sort()]));
    const wanted = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [...v].sort()]));
    // One comparison names every drifting list at once, in both directions.
    expect(found).toEqual(wanted);
  });

  it('reads the lists as the database holds them (a narrowed CHECK would show)', async () => {
    const checks = await valueChecks(open);
    expect(checks.get('projects.stage')).toEqual(['idea', 'launch', 'development', 'scale_up']);
    expect(checks.get('funds.instruments')).toEqual(['grant', 'loan', 'equity', 'quasi_equity']);
  });
});
