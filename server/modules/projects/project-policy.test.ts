import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleNames } from '../../../shared/schemas/auth';
import { account, anonymous } from '../../test/actors';
import { type ProjectLinks, projectPolicy } from './project-policy';

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
        fc.array(
          fc.record({
            role: fc.constantFrom(...roleNames.filter((r) => r !== 'admin' && r !== 'investor')),
            scope: fc.array(fc.constantFrom('o2', 'k2', 'x'), { maxLength: 3 }),
          }),
          { maxLength: 4 },
        ),
        (roles) => !projectPolicy.readFunding(account(roles), project) && !projectPolicy.searchFunding(account(roles)),
      ),
    );
  });
});

describe('project policy: moving a project into someone else’s scope', () => {
  const holder = account([{ role: 'holder', scope: ['o1'] }]);
  const coordinator = account([{ role: 'coordinator', scope: ['k1', 'k2'] }]);
  const change = (before: ProjectLinks, after: ProjectLinks) => ({ before, after: { ...before, ...after } });

  it('refuses a holder moving their project to another collective', () => {
    expect(projectPolicy.change(holder, change(project, { collectiveId: 'k2' }))).toBe(false);
    expect(projectPolicy.change(holder, change(project, { collectiveId: null }))).toBe(false);
    expect(projectPolicy.change(holder, change(project, {}))).toBe(true);
  });
  it('refuses a coordinator handing a project to an organisation they do not hold, and lets them move it between their collectives', () => {
    expect(projectPolicy.change(coordinator, change(project, { leadOrganisationId: 'o2' }))).toBe(false);
    expect(projectPolicy.change(coordinator, change(project, { collectiveId: 'k2' }))).toBe(true);
    expect(projectPolicy.change(coordinator, change(project, { collectiveId: 'k3' }))).toBe(false);
    expect(
      projectPolicy.change(
        account([
          { role: 'coordinator', scope: ['k1', 'k2'] },
          { role: 'holder', scope: ['o1', 'o2'] },
        ]),
        change(project, { collectiveId: 'k2', leadOrganisationId: 'o2' }),
      ),
    ).toBe(true);
    expect(projectPolicy.change(account([{ role: 'admin' }]), change(project, { collectiveId: 'k9', leadOrganisationId: 'o9' }))).toBe(true);
  });
  it('allows a change only if each changed link grants it on both sides', () => {
    const ids = fc.constantFrom('k1', 'k2', 'o1', 'o2', null);
    const links = fc.record({ collectiveId: ids, leadOrganisationId: ids });
    const role = fc.record({
      role: fc.constantFrom('coordinator' as const, 'holder' as const),
      scope: fc.array(fc.constantFrom('k1', 'k2', 'o1', 'o2'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(role, { maxLength: 3 }), links, links, (roles, before, after) => {
        const a = account(roles);
        const holds = (r: string, id: string | null) => id !== null && roles.some((x) => x.role === r && (x.scope as string[]).includes(id));
        if (!projectPolicy.change(a, { before, after })) return;
        if (before.collectiveId !== after.collectiveId)
          expect(holds('coordinator', before.collectiveId) && holds('coordinator', after.collectiveId)).toBe(true);
        if (before.leadOrganisationId !== after.leadOrganisationId)
          expect(holds('holder', before.leadOrganisationId) && holds('holder', after.leadOrganisationId)).toBe(true);
      }),
    );
  });
});
