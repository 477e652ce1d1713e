import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleNames } from '../../../shared/schemas/auth';
import { account, anonymous } from '../../test/actors';
import { personPolicy } from './person-policy';

const person = { id: 'p1', organisationId: 'o1', administrationId: null, collectiveIds: ['k1'] };

describe('person policy: contact details', () => {
  it('are for the national team, the person, their organisation and their collective’s coordinator', () => {
    expect(personPolicy.readContact(account([{ role: 'admin' }]), person)).toBe(true);
    expect(personPolicy.readContact(account([], 'p1'), person)).toBe(true);
    for (const role of ['holder', 'investor', 'operator'] as const)
      expect(personPolicy.readContact(account([{ role, scope: ['o1'] }]), person), role).toBe(true);
    expect(personPolicy.readContact(account([{ role: 'operator', scope: ['o1'] }]), { ...person, organisationId: null, administrationId: 'o1' })).toBe(true);
    expect(personPolicy.readContact(account([{ role: 'coordinator', scope: ['k1'] }]), person)).toBe(true);
  });
  it('are not for visitors, role-less accounts, nor roles out of their scope', () => {
    expect(personPolicy.readContact(anonymous, person)).toBe(false);
    expect(personPolicy.readContact(account([], 'p2'), person)).toBe(false);
    expect(personPolicy.readContact(account([{ role: 'coordinator', scope: ['k2'] }]), person)).toBe(false);
    expect(personPolicy.readContact(account([{ role: 'operator', scope: ['o2'] }]), person)).toBe(false);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ role: fc.constantFrom(...roleNames.filter((r) => r !== 'admin')), scope: fc.array(fc.constantFrom('o2', 'k2', 'x'), { maxLength: 3 }) }),
          { maxLength: 4 },
        ),
        (roles) => !personPolicy.readContact(account(roles, 'p2'), person),
      ),
    );
  });
});
