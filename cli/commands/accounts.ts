import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { plural } from '../../shared/format';
import { type RoleName, roleLabels, roleNames } from '../../shared/schemas/auth';
import { accountService } from '../../server/modules/accounts/account-service';
import { systemActor } from '../../server/policies/actor';
import { notFound } from '../../server/errors';
import { withDatabase } from '../context';
import { tell } from '../output';

const roleArg = (v: string) => {
  if (!(roleNames as readonly string[]).includes(v)) throw new InvalidArgumentError(`rôle attendu parmi ${roleNames.join(', ')}`);
  return v as RoleName;
};

async function readStdin() {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `essaim accounts …`: open accounts and grant roles (the first national-team account comes from here). */
export function accountCommands(program: Command) {
  const accounts = program.command('accounts').description('Comptes et rôles (agit comme le système ; chaque écriture est journalisée)');
  accounts
    .command('list')
    .description('Lister les comptes, une ligne JSON par compte')
    .option('--role <rôle>', 'seulement ce rôle', roleArg)
    .option('--q <texte>', 'e-mail ou nom contenant ce texte')
    .action(async (opts: { role?: RoleName; q?: string }) => {
      const r = await withDatabase('essaim accounts list', ({ db }) => accountService(db).list(systemActor, { ...opts, page: 1, pageSize: 200 }));
      for (const a of r.items) process.stdout.write(`${JSON.stringify(a)}\n`);
      tell(`${plural(r.total, 'compte')}${r.total > r.items.length ? ` (les ${r.items.length} premiers)` : ''}.\n`);
    });
  accounts
    .command('create <email>')
    .description('Ouvrir un compte ; sans mot de passe, connexion par lien magique ou ProConnect')
    .option('--role <rôle>', 'rôle donné (admin pour l’équipe nationale)', roleArg)
    .option('--scope <id...>', 'périmètre du rôle : collectifs (coordinator) ou structures (holder, investor, operator)')
    .option('--password-stdin', 'lire le mot de passe sur l’entrée standard (jamais en argument)')
    .action(async (email: string, opts: { role?: RoleName; scope?: string[]; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const roles = opts.role ? [{ role: opts.role, ...(opts.scope ? { scope: opts.scope } : {}) }] : [];
      const a = await withDatabase('essaim accounts create', ({ db }) => accountService(db).create(systemActor, { email, password, roles }));
      process.stdout.write(`${JSON.stringify(a)}\n`);
      tell(`Compte ouvert : ${a.email}${a.roles.length ? ` (${a.roles.map((r) => roleLabels[r.role]).join(', ')})` : ''}.\n`);
    });
  accounts
    .command('grant <email> <rôle>')
    .description('Donner un rôle à un compte (remplace le périmètre de ce rôle s’il l’avait déjà)')
    .option('--scope <id...>', 'périmètre du rôle')
    .action(async (email: string, role: string, opts: { scope?: string[] }) => {
      const name = roleArg(role);
      const a = await withDatabase('essaim accounts grant', async ({ db }) => {
        const s = accountService(db);
        const found = (await s.list(systemActor, { q: email, page: 1, pageSize: 50 })).items.find((x) => x.email === email.toLowerCase());
        if (!found) throw notFound('Compte', email);
        const roles = [...found.roles.filter((r) => r.role !== name), { role: name, ...(opts.scope ? { scope: opts.scope } : {}) }];
        return s.setRoles(systemActor, found.id, { roles });
      });
      process.stdout.write(`${JSON.stringify(a)}\n`);
    });
}
