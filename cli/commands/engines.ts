import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import loadHighs from 'highs';
import { EngineInputError } from '../../engines/errors';
import { match } from '../../engines/matching/match';
import type { HighsSolver } from '../../engines/scheduling/exact';
import { schedule, scheduleExact } from '../../engines/scheduling/schedule';
import { plural } from '../../shared/format';
import { invalid } from '../../server/errors';
import { tell } from '../output';
import { progressBar } from '../progress';

const integer = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('nombre entier positif attendu');
  return Number(v);
};

function readJson(file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw invalid(`Impossible de lire ${file} : ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [], 'unreadable_file');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalid(`${file} n'est pas un JSON valide : ${(err as Error).message}`, [], 'malformed_json');
  }
}

/** Engine input errors become the CLI's invalid-input errors (exit code 2). */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof EngineInputError) throw invalid('Entrée invalide.', err.issues, err.code);
    throw err;
  }
}

/** The scheduling method in words (the JSON output keeps its code). */
const methodLabel: Record<string, string> = { 'edge-colouring': 'coloration des arêtes', heuristic: 'heuristique', exact: 'solution exacte (HiGHS)' };

function write(out: string | undefined, value: unknown) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

export function engineCommands(program: Command) {
  program
    .command('schedule')
    .description('Planifier des rencontres bilatérales en créneaux et tables (entrée et sortie JSON)')
    .argument('<fichier>', 'JSON { slots, participants, meetings, locked?, previous? } ; - pour l’entrée standard')
    .option('--out <fichier>', 'fichier de sortie (sinon la sortie standard)')
    .option('--seed <n>', 'graine de la recherche locale', integer, 1)
    .option('--time-limit-ms <n>', 'budget de la recherche locale, en millisecondes', integer, 2000)
    .option('--exact', 'résoudre exactement avec HiGHS (petites instances)')
    .action(async (file: string, opts: { out?: string; seed: number; timeLimitMs: number; exact?: boolean }) => {
      const input = readJson(file);
      const bar = progressBar();
      const now = () => performance.now();
      const highs = opts.exact ? ((await loadHighs()) as unknown as HighsSolver) : undefined;
      const result = highs
        ? run(() => scheduleExact(input, highs, { now, timeLimitMs: opts.timeLimitMs }))
        : run(() => schedule(input, { seed: opts.seed, timeLimitMs: opts.timeLimitMs, now, onProgress: (d, t) => bar.update('réparation', d, t) }));
      bar.stop();
      write(opts.out, result);
      const s = result.stats;
      tell(
        `${plural(s.scheduled, 'rencontre placée', 'rencontres placées')} (poids ${s.weight} / borne ${s.upperBound}), ${plural(result.unscheduled.length, 'non placée', 'non placées')}, ${plural(s.slotsUsed, 'créneau', 'créneaux')} (Δ = ${s.maxDegree}), ${plural(s.moved, 'déplacée')}, ${Math.round(s.elapsedMs)} ms [${methodLabel[s.method] ?? s.method}]\n`,
      );
    });

  program
    .command('match')
    .description('Recommander des appariements expliqués (projets–fonds, structures–hackers publics)')
    .argument('<fichier>', 'JSON { left, right, options? } ; - pour l’entrée standard')
    .option('--out <fichier>', 'fichier de sortie (sinon la sortie standard)')
    .option('--k <n>', 'nombre de candidats par élément', integer)
    .action((file: string, opts: { out?: string; k?: number }) => {
      const input = readJson(file) as Record<string, unknown>;
      if (opts.k !== undefined && input && typeof input === 'object') input.options = { ...((input.options as object | undefined) ?? {}), k: opts.k };
      const bar = progressBar();
      const result = run(() => match(input, { now: () => performance.now(), onProgress: (d, t) => bar.update('appariement', d, t) }));
      bar.stop();
      write(opts.out, result);
      const admissible = result.stats.pairsEvaluated - result.stats.pairsExcluded;
      tell(
        `${result.left.length} × ${result.right.length} : ${plural(admissible, 'paire admissible', 'paires admissibles')} sur ${plural(result.stats.pairsEvaluated, 'paire')}` +
          `${result.assignment ? `, affectation de ${plural(result.assignment.pairs.length, 'paire')} (score total ${result.assignment.totalScore})` : ''}, ${Math.round(result.stats.elapsedMs)} ms\n`,
      );
    });
}
