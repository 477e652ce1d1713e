import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleNames } from '../../../shared/schemas/auth';
import type { Actor } from '../auth/actor';
import { canOnDirectory, creatableEntities, WRITING_ROLES } from './directory-policy';

const account = (roles: Extract<Actor, { kind: 'account' }>['roles']): Actor => ({ kind: 'account', accountId: 'a', email: 'a@b.c', personId: null, roles, via: 'token' });
const coordinator = account([{ role: 'coordinator', scope: ['k1'] }]);
const holder = account([{ role: 'holder', scope: ['o1'] }]);
const investor = account([{ role: 'investor', scope: ['m1'] }]);

describe('directory policy', () => {
  it('lets everyone read and nobody anonymous write', () => {
    for (const a of [{ kind: 'anonymous' } as Actor, coordinator, holder]) expect(canOnDirectory(a, 'read', { entity: 'projects' })).toBe(true);
    for (const action of ['create', 'update', 'delete', 'import'] as const) expect(canOnDirectory({ kind: 'anonymous' }, action, { entity: 'projects' })).toBe(false);
  });
  it('gives the national team and the command line every write', () => {
    expect(canOnDirectory(account([{ role: 'admin' }]), 'delete', { entity: 'organisations' })).toBe(true);
    expect(canOnDirectory({ kind: 'system' }, 'import', { entity: 'projects' })).toBe(true);
  });
  it('scopes coordinators to their collectives and their projects', () => {
    expect(canOnDirectory(coordinator, 'update', { entity: 'collectives', record: { id: 'k1' } })).toBe(true);
    expect(canOnDirectory(coordinator, 'update', { entity: 'collectives', record: { id: 'k2' } })).toBe(false);
    expect(canOnDirectory(coordinator, 'delete', { entity: 'collectives', record: { id: 'k1' } })).toBe(false);
    expect(canOnDirectory(coordinator, 'create', { entity: 'projects', record: { collectiveId: 'k1' } })).toBe(true);
    expect(canOnDirectory(coordinator, 'update', { entity: 'projects', record: { collectiveId: 'k2' } })).toBe(false);
    expect(canOnDirectory(coordinator, 'update', { entity: 'organisations', record: { id: 'k1' } })).toBe(false);
    expect(canOnDirectory(coordinator, 'import', { entity: 'projects' })).toBe(false);
  });
  it('scopes holders to their projects and investors to their funds', () => {
    expect(canOnDirectory(holder, 'update', { entity: 'projects', record: { leadOrganisationId: 'o1' } })).toBe(true);
    expect(canOnDirectory(holder, 'delete', { entity: 'projects', record: { leadOrganisationId: 'o1' } })).toBe(false);
    expect(canOnDirectory(holder, 'update', { entity: 'projects', record: { leadOrganisationId: 'o2' } })).toBe(false);
    expect(canOnDirectory(investor, 'update', { entity: 'funds', record: { managerId: 'm1' } })).toBe(true);
    expect(canOnDirectory(investor, 'update', { entity: 'funds', record: { managerId: 'm2' } })).toBe(false);
    expect(canOnDirectory(account([{ role: 'public_sponsor' }]), 'update', { entity: 'projects', record: { collectiveId: 'k1' } })).toBe(false);
  });

  it('lets no role outside WRITING_ROLES write anything (the routes refuse them before reading the body)', () => {
    const readOnly = roleNames.filter((r) => !WRITING_ROLES.has(r));
    const scope = fc.array(fc.constantFrom('k1', 'o1', 'm1', 'x'), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...readOnly), scope }), { maxLength: 4 }),
        fc.constantFrom('create', 'update', 'delete', 'import' as const),
        fc.constantFrom('projects', 'collectives', 'funds', 'organisations', 'people', 'themes'),
        fc.record({ id: fc.constantFrom('k1', 'o1'), collectiveId: fc.constantFrom('k1', 'x'), leadOrganisationId: fc.constantFrom('o1', 'x'), managerId: fc.constantFrom('m1', 'x') }),
        (roles, action, entity, record) => !canOnDirectory(account(roles), action, { entity, record }),
      ),
    );
  });
  it('names what each role may create, from the same rule', () => {
    expect(creatableEntities(coordinator, ['projects', 'collectives', 'funds'])).toEqual(['projects']);
    expect(creatableEntities(investor, ['projects', 'collectives', 'funds'])).toEqual(['funds']);
    expect(creatableEntities(account([{ role: 'admin' }]), ['projects', 'funds'])).toEqual(['projects', 'funds']);
    expect(creatableEntities(account([{ role: 'operator' }]), ['projects', 'funds'])).toEqual([]);
  });
});
