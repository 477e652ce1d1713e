import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleNames } from '../../shared/schemas/auth';
import { AppError } from '../errors';
import { accountPolicy } from '../modules/accounts/account-policy';
import { auditPolicy } from '../modules/audit/audit-policy';
import type { Actor } from './actor';
import { collectivePolicy } from '../modules/collectives/collective-policy';
import { creatableResources, directoryResources } from '../modules/registry';
import { fundPolicy } from '../modules/funds/fund-policy';
import { importPolicy } from '../modules/imports/import-policy';
import { organisationPolicy } from '../modules/organisations/organisation-policy';
import { personPolicy } from '../modules/people/person-policy';
import { pioneerPolicy } from '../modules/pioneers/pioneer-policy';
import { projectPolicy } from '../modules/projects/project-policy';
import { sectorProgrammePolicy } from '../modules/sector-programmes/sector-programme-policy';
import { themePolicy } from '../modules/themes/theme-policy';
import { authorize } from './authorize';
import { account, anonymous } from '../test/actors';
import { isNationalTeam, WRITING_ROLES } from './roles';

const admin = account([{ role: 'admin' }]);
const coordinator = account([{ role: 'coordinator', scope: ['k1'] }]);
const holder = account([{ role: 'holder', scope: ['o1'] }]);
const investor = account([{ role: 'investor', scope: ['m1'] }]);
const roleless = account([]);

const thrown = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.kind : 'other';
  }
  return 'none';
};

describe('authorize', () => {
  it('asks a visitor to sign in (401) and refuses an account (403)', () => {
    expect(thrown(() => authorize(anonymous, 'update', { policy: projectPolicy, record: { collectiveId: 'k1' } }))).toBe('unauthorized');
    expect(thrown(() => authorize(holder, 'update', { policy: projectPolicy, record: { collectiveId: 'k1' } }))).toBe('forbidden');
    expect(thrown(() => authorize(coordinator, 'update', { policy: projectPolicy, record: { collectiveId: 'k1' } }))).toBe('none');
    expect(thrown(() => authorize(roleless, 'read', { policy: accountPolicy }))).toBe('forbidden');
  });
  it('knows the national team in one place: the admin role, or the command line', () => {
    expect([admin, { kind: 'system' } as Actor, coordinator, roleless, anonymous].map(isNationalTeam)).toEqual([true, true, false, false, false]);
    for (const rule of [accountPolicy.update, auditPolicy.read, importPolicy.import, themePolicy.create, personPolicy.anonymise])
      expect([admin, coordinator, holder, investor, roleless, anonymous].map((a) => rule(a))).toEqual([true, false, false, false, false, false]);
  });
});

describe('directory policies', () => {
  it('let everyone read and nobody anonymous write', () => {
    for (const p of [projectPolicy, collectivePolicy, fundPolicy, organisationPolicy, personPolicy, pioneerPolicy, sectorProgrammePolicy, themePolicy])
      for (const a of [anonymous, roleless, coordinator]) expect(p.read(a)).toBe(true);
    expect(projectPolicy.create(anonymous, { collectiveId: 'k1' })).toBe(false);
    expect(fundPolicy.update(anonymous, { managerId: 'm1' })).toBe(false);
  });
  it('scope coordinators to their collectives and their projects', () => {
    expect(collectivePolicy.update(coordinator, { id: 'k1' })).toBe(true);
    expect(collectivePolicy.update(coordinator, { id: 'k2' })).toBe(false);
    expect(collectivePolicy.delete(coordinator)).toBe(false);
    expect(projectPolicy.create(coordinator, { collectiveId: 'k1' })).toBe(true);
    expect(projectPolicy.delete(coordinator, { collectiveId: 'k1' })).toBe(true);
    expect(projectPolicy.update(coordinator, { collectiveId: 'k2' })).toBe(false);
    expect(organisationPolicy.update(coordinator, { id: 'k1' })).toBe(false);
  });
  it('scope holders to their projects and investors to their funds', () => {
    expect(projectPolicy.update(holder, { leadOrganisationId: 'o1' })).toBe(true);
    expect(projectPolicy.delete(holder, { leadOrganisationId: 'o1' })).toBe(false);
    expect(projectPolicy.update(holder, { leadOrganisationId: 'o2' })).toBe(false);
    expect(fundPolicy.update(investor, { managerId: 'm1' })).toBe(true);
    expect(fundPolicy.update(investor, { managerId: 'm2' })).toBe(false);
    expect(fundPolicy.delete(investor)).toBe(false);
    expect(projectPolicy.update(account([{ role: 'public_sponsor' }]), { collectiveId: 'k1' })).toBe(false);
  });

  const writes = [
    (a: Actor, r: Record<string, string>) => projectPolicy.create(a, r),
    (a: Actor, r: Record<string, string>) => projectPolicy.update(a, r),
    (a: Actor, r: Record<string, string>) => projectPolicy.delete(a, r),
    (a: Actor, r: Record<string, string>) => projectPolicy.change(a, { before: r, after: r }),
    (a: Actor, r: Record<string, string>) => collectivePolicy.update(a, { id: r.id as string }),
    (a: Actor, r: Record<string, string>) => fundPolicy.update(a, r),
    (a: Actor, r: Record<string, string>) => fundPolicy.create(a, r),
    (a: Actor) => organisationPolicy.create(a, {}),
    (a: Actor) => personPolicy.update(a, {}),
    (a: Actor) => themePolicy.update(a),
    (a: Actor) => importPolicy.import(a),
  ];
  const scope = fc.array(fc.constantFrom('k1', 'o1', 'm1', 'x'), { maxLength: 3 });
  const record = fc.record({
    id: fc.constantFrom('k1', 'o1'),
    collectiveId: fc.constantFrom('k1', 'x'),
    leadOrganisationId: fc.constantFrom('o1', 'x'),
    managerId: fc.constantFrom('m1', 'x'),
  });

  it('let no role outside WRITING_ROLES write anything (the routes refuse them before reading the body)', () => {
    const readOnly = roleNames.filter((r) => !WRITING_ROLES.has(r));
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...readOnly), scope }), { maxLength: 4 }),
        fc.constantFrom(...writes),
        record,
        (roles, write, r) => !write(account(roles), r),
      ),
    );
  });
  it('let the national team do every write, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...roleNames), scope }), { maxLength: 3 }),
        fc.constantFrom(...writes),
        record,
        (roles, write, r) => write(account([{ role: 'admin' }, ...roles]), r),
      ),
    );
  });
  it('say an actor may create some record exactly when one record in its scope may be created', () => {
    const creates = [
      [projectPolicy, (v: string) => ({ collectiveId: v, leadOrganisationId: v })],
      [fundPolicy, (v: string) => ({ managerId: v })],
      [collectivePolicy, () => ({})],
      [organisationPolicy, () => ({})],
    ] as const;
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom(...roleNames), scope }), { maxLength: 3 }), (roles) => {
        const a = account(roles);
        for (const [policy, recordOf] of creates) {
          const some = ['k1', 'o1', 'm1', 'x', 'y'].some((v) => (policy.create as (a: Actor, r: unknown) => boolean)(a, recordOf(v)));
          expect(policy.createSome(a), JSON.stringify(roles)).toBe(some);
        }
      }),
    );
  });
  it('name what each role may create (`creatable`), from the same rules', () => {
    expect(creatableResources(coordinator)).toEqual(['projects']);
    expect(creatableResources(holder)).toEqual(['projects']);
    expect(creatableResources(investor)).toEqual(['funds']);
    expect(creatableResources(admin)).toEqual(directoryResources.map((r) => r.path));
    expect(creatableResources(account([{ role: 'operator', scope: ['o1'] }]))).toEqual([]);
    expect(creatableResources(roleless)).toEqual([]);
  });
});
