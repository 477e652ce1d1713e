import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { startServer } from '../server/main';
import { accountCommands } from './commands/accounts';
import { auditCommand } from './commands/audit';
import { dbCommands } from './commands/db';
import { engineCommands } from './commands/engines';
import { importExportCommands } from './commands/import-export';
import { seedCommand } from './commands/seed';
import { EXIT, reportError } from './exit-codes';

/** `essaim …`: the same services as the API, run with the system actor. */
export function buildCli() {
  const program = new Command('essaim')
    .description("Essaim — la plateforme du réseau national d'innovation sociale de l'ESS")
    .version('0.1.0')
    .showHelpAfterError('(essaim --help pour l’aide)')
    .exitOverride();

  program
    .command('serve')
    .description('Démarrer le serveur (API, documentation) ; charge le réseau de démonstration au premier démarrage')
    .option('--port <port>', 'port HTTP (sinon PORT, ou 3000)', (v) => {
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError('port entre 0 et 65535 attendu');
      return Number(v);
    })
    .action(async (opts: { port?: number }) => {
      await startServer(opts.port !== undefined ? { port: opts.port } : {});
      // Keeps running until a signal stops it.
      await new Promise(() => {});
    });
  dbCommands(program);
  seedCommand(program);
  importExportCommands(program);
  engineCommands(program);
  auditCommand(program);
  accountCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildCli();
  program.commands.forEach(function override(c: Command) {
    c.exitOverride();
    c.commands.forEach(override);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.invalid;
    }
    return reportError(err);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/essaim.ts')) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
