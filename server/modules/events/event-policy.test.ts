import { describe, expect, it } from 'vitest';
import { account, anonymous } from '../../test/actors';
import { eventPolicy, isOrganiser, mayRegisterAs, ownsRegistration, registrationPolicy } from './event-policy';

const admin = account([{ role: 'admin' }]);
const holderO1 = account([{ role: 'holder', scope: ['o1'] }], 'p1');
const investorM1 = account([{ role: 'investor', scope: ['m1'] }], 'p2');
const operatorO1 = account([{ role: 'operator', scope: ['o1'] }], 'p3');
const roleless = account([], 'p4');

const national = { organiserOrganisationId: null, public: true, registrationOpen: true };
const ofO1 = { organiserOrganisationId: 'o1', public: false, registrationOpen: false };

describe('event policy', () => {
  it('knows the organiser: the national team, or the writing accounts of the organising structure', () => {
    expect([admin, holderO1, investorM1, operatorO1, roleless, anonymous].map((a) => isOrganiser(a, ofO1))).toEqual([true, true, false, false, false, false]);
    expect([admin, holderO1, roleless].map((a) => isOrganiser(a, national))).toEqual([true, false, false]);
  });
  it('shows internal events to accounts only, and lets them register while registrations are open', () => {
    expect(eventPolicy.read(anonymous, ofO1)).toBe(false);
    expect(eventPolicy.read(roleless, ofO1)).toBe(true);
    expect(eventPolicy.register(roleless, national)).toBe(true);
    expect(eventPolicy.register(roleless, ofO1)).toBe(false);
    expect(eventPolicy.register(holderO1, ofO1)).toBe(true);
    expect(eventPolicy.register(anonymous, national)).toBe(false);
  });
  it('gives each their own registrations, and attendance to the organiser', () => {
    const project = { role: 'project' as const, personId: 'p9', organisationId: 'o1' };
    const fund = { role: 'investor' as const, personId: null, organisationId: 'm1' };
    expect(ownsRegistration(holderO1, project)).toBe(true);
    expect(ownsRegistration(investorM1, project)).toBe(false);
    expect(ownsRegistration(investorM1, fund)).toBe(true);
    expect(ownsRegistration(operatorO1, project)).toBe(false);
    expect(ownsRegistration(roleless, { role: 'attendee', personId: 'p4', organisationId: null })).toBe(true);
    expect(registrationPolicy.checkIn(investorM1, { event: national, registration: fund })).toBe(false);
    expect(registrationPolicy.checkIn(admin, { event: national, registration: fund })).toBe(true);
    expect(registrationPolicy.cancel(investorM1, { event: national, registration: fund })).toBe(true);
  });
  it('lets a person register themself, their project or their fund, and nothing else', () => {
    const who = (
      role: 'project' | 'investor' | 'advisor' | 'attendee' | 'speaker',
      personId: string | null,
      organisationId: string | null,
      personIsAdvisor = false,
    ) => ({
      role,
      personId,
      organisationId,
      personIsAdvisor,
    });
    expect(mayRegisterAs(holderO1, who('project', 'p1', 'o1'))).toBe(true);
    expect(mayRegisterAs(holderO1, who('project', 'p1', 'o2'))).toBe(false);
    expect(mayRegisterAs(holderO1, who('investor', 'p1', 'm1'))).toBe(false);
    expect(mayRegisterAs(investorM1, who('investor', 'p2', 'm1'))).toBe(true);
    expect(mayRegisterAs(roleless, who('attendee', 'p4', null))).toBe(true);
    expect(mayRegisterAs(roleless, who('attendee', 'p5', null))).toBe(false);
    expect(mayRegisterAs(roleless, { ...who('attendee', 'p4', 'o9'), personOrganisationId: 'o9' })).toBe(true);
    expect(mayRegisterAs(roleless, { ...who('attendee', 'p4', 'o8'), personOrganisationId: 'o9' })).toBe(false);
    expect(mayRegisterAs(roleless, who('advisor', 'p4', null))).toBe(false);
    expect(mayRegisterAs(roleless, who('advisor', 'p4', null, true))).toBe(true);
    expect(mayRegisterAs(admin, who('speaker', null, null))).toBe(false);
    expect(mayRegisterAs(anonymous, who('attendee', null, null))).toBe(false);
  });
});
