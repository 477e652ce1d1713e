import type { Command } from 'commander';
import { auditQuery } from '../../shared/schemas/audit';
import { systemActor } from '../../server/policies/actor';
import { readAudit } from '../../server/modules/audit/audit-service';
import { parseOrThrow } from '../../server/validation';
import { plural } from '../../shared/format';
import { withDatabase } from '../context';
import { tell } from '../output';

export function auditCommand(program: Command) {
  program
    .command('audit')
    .description("Lire le journal d'audit (qui a écrit quoi, quand, avant et après), le plus récent d'abord, une ligne JSON par écriture")
    .option('--entity <entité>', 'organisations, projects, themes…')
    .option('--record <id>', "l'identifiant d'un enregistrement (son historique)")
    .option('--actor <type>', 'system, anonymous ou account')
    .option('--action <action>', 'create, update, delete ou import')
    .option('--since <AAAA-MM-JJ>', 'à partir de ce jour')
    .option('--until <AAAA-MM-JJ>', "jusqu'à ce jour inclus")
    .option('--limit <n>', "nombre d'entrées (100 par défaut)")
    .action(async (opts: Record<string, string | undefined>) => {
      const f = parseOrThrow(auditQuery, Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)), 'Filtres invalides.');
      const entries = await withDatabase('essaim audit', ({ db }) => readAudit(db, systemActor, f));
      for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
      tell(`${plural(entries.length, 'entrée')}.\n`);
    });
}
