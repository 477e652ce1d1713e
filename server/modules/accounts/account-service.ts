import type { AccountListQuery, AccountRolesInput } from '../../../shared/schemas/account';
import type { Role } from '../../../shared/schemas/auth';
import { roleScope } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { conflict, type ErrorDetail, invalid, notFound } from '../../errors';
import { actionsOn, authorize } from '../../policies/authorize';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../../policies/actor';
import { accountByEmail, insertAccounts } from './account-queries';
import type { Executor } from '../../db/connection';
import { personIdByEmail } from '../people/person-queries';
import { assertStrongPassword, hashPassword } from './passwords';
import { missingReferences, type Reference } from '../directory/references';
import * as q from './account-queries';
import { notify } from '../notifications/notify';
import { grantedRoles, grantSentence } from './role-grants';
import { accountPolicy, accountRefusal } from './account-policy';

/** Mirrors the accounts table's CHECK on e-mails. */
export const looksLikeEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

/**
 * Open an account in the caller's transaction, tied to the directory person
 * with the same e-mail, without roles, and audited. Shared by the command
 * line (`create`) and the first ProConnect sign-in.
 */
export async function openAccount(tx: Executor, actor: Actor, a: { email: string; passwordHash: string | null; via?: string; tiePerson?: boolean }) {
  // Not tied when the address is not vouched for (a provider that does not say it checked it).
  const personId = a.tiePerson === false ? null : ((await personIdByEmail(tx, a.email)) ?? null);
  const [id] = (await insertAccounts(tx, [{ email: a.email, passwordHash: a.passwordHash, personId, roles: [] }])) as [string];
  await recordWrite(tx, actor, [
    { action: 'create', entity: 'account', recordId: id, after: { email: a.email, personId, roles: [], ...(a.via ? { via: a.via } : {}) } },
  ]);
  return id;
}

const requireAdmin = (actor: Actor, action: keyof typeof accountPolicy = 'read') => authorize(actor, action, { policy: accountPolicy }, accountRefusal);
const shown = <T>(actor: Actor, a: T) => ({ ...a, actions: actionsOn(actor, ['update'], accountPolicy, undefined) });

/** Accounts and their roles, administered by the national team. */
export function accountService(db: Database) {
  return {
    async list(actor: Actor, f: AccountListQuery) {
      requireAdmin(actor);
      const found = await q.listAccounts(db, f);
      return { ...found, items: found.items.map((a) => shown(actor, a)), page: f.page, pageSize: f.pageSize };
    },

    async get(actor: Actor, id: string) {
      requireAdmin(actor);
      const [found] = (await q.listAccounts(db, { id, page: 1, pageSize: 1 })).items;
      if (!found) throw notFound('Compte', id);
      return shown(actor, found);
    },

    /**
     * Open an account (the first national-team account of an instance comes
     * from here, through the command line). Without a password, its owner
     * signs in by magic link or ProConnect.
     */
    async create(actor: Actor, input: { email: string; password?: string | undefined; roles: AccountRolesInput['roles'] }) {
      requireAdmin(actor, 'create');
      const email = input.email.trim().toLowerCase();
      if (!looksLikeEmail(email)) throw invalid('Adresse e-mail invalide.', [{ path: 'email', message: 'Adresse e-mail attendue' }]);
      if (await accountByEmail(db, email)) throw conflict('duplicate', `Un compte existe déjà pour ${email}.`);
      if (input.password !== undefined) assertStrongPassword(input.password, [email]);
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const id = await db.transaction().execute((tx) => openAccount(tx, actor, { email, passwordHash }));
      return input.roles.length ? this.setRoles(actor, id, { roles: input.roles }) : this.get(actor, id);
    },

    /**
     * Replace an account's roles: each scope must name existing records of
     * the role's kind (collectives for a coordinator, organisations for a
     * holder, investor or operator). Audited, effective at the next request.
     */
    async setRoles(actor: Actor, id: string, input: AccountRolesInput) {
      requireAdmin(actor, 'update');
      const before = await this.get(actor, id);
      const details: ErrorDetail[] = [];
      const refs: Reference[] = [];
      input.roles.forEach((r, i) => {
        const table = roleScope[r.role];
        if (!table && r.scope?.length) details.push({ path: `roles.${i}.scope`, message: `Le rôle ${r.role} ne se limite pas à des enregistrements` });
        if (table && !r.scope?.length)
          details.push({
            path: `roles.${i}.scope`,
            message: `Le rôle ${r.role} s’exerce sur des ${table === 'collectives' ? 'collectifs' : 'structures'} : précisez lesquels`,
          });
        if (table) for (const [j, value] of (r.scope ?? []).entries()) refs.push({ table, value, path: `roles.${i}.scope.${j}` });
      });
      details.push(...(await missingReferences(db, refs)));
      if (new Set(input.roles.map((r) => r.role)).size !== input.roles.length)
        details.push({ path: 'roles', message: 'Un rôle est donné deux fois : réunissez ses périmètres' });
      if (details.length) throw invalid('Rôles invalides.', details);
      const roles: Role[] = input.roles.map((r) => (roleScope[r.role] ? { role: r.role, scope: [...new Set(r.scope)] } : { role: r.role }));
      await db.transaction().execute(async (tx) => {
        await q.setRoles(tx, id, roles);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'account', recordId: id, before: { roles: before.roles }, after: { roles } }]);
        for (const g of grantedRoles(before.roles, roles)) {
          const table = roleScope[g.role];
          const title = grantSentence({ role: g.role, scope: table ? await q.scopeNames(tx, table, g.scope) : [] });
          await notify(tx, { accountIds: [id], category: 'roles', title, body: 'L’équipe nationale vous a donné ce rôle sur Essaim.', link: '/compte' });
        }
      });
      return this.get(actor, id);
    },
  };
}
