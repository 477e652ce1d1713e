import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleNames } from '../../../shared/schemas/auth';
import { account, anonymous } from '../../test/actors';
import { projectPolicy } from './project-policy';

const project = { collectiveId: 'k1', leadOrganisationId: 'o1' };

describe('project policy: funding details', () => {
  it('are for the national team, investors and the project’s own people', () => {
    expect(projectPolicy.readFunding(account([{ role: 'admin' }]), project)).toBe(true);
    expect(projectPolicy.readFunding(account([{ role: 'investor', scope: ['m9'] }]), project)).toBe(true);
    expect(projectPolicy.readFunding(account([{ role: 'coordinator', scope: ['k1'] }]), project)).toBe(true);
    expect(projectPolicy.readFunding(account([{ role: 'holder', scope: ['o1'] }]), project)).toBe(true);
    expect(projectPolicy.readFunding(account([{ role: 'operator', scope: ['o1'] }]), project)).toBe(true);
  });
  it('are not for visitors, role-less accounts, nor other roles out of their scope; nor are the filters on them', () => {
    expect(projectPolicy.readFunding(anonymous, project)).toBe(false);
    expect(projectPolicy.readFunding(account([]), project)).toBe(false);
    expect(projectPolicy.readFunding(account([{ role: 'public_sponsor' }]), project)).toBe(false);
    expect(projectPolicy.searchFunding(account([{ role: 'coordinator', scope: ['k1'] }]))).toBe(false);
    expect(projectPolicy.searchFunding(account([{ role: 'investor', scope: ['m1'] }]))).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...roleNames.filter((r) => r !== 'admin' && r !== 'investor')), scope: fc.array(fc.constantFrom('o2', 'k2', 'x'), { maxLength: 3 }) }), { maxLength: 4 }),
        (roles) => !projectPolicy.readFunding(account(roles), project) && !projectPolicy.searchFunding(account(roles)),
      ),
    );
  });
});
