import { plural } from '../shared/format';
import { typo } from '../shared/text';
import { AppError } from '../server/errors';
import { translateDbError } from '../server/db/db-errors';

/** Exit codes scripts can rely on (also listed in the README). */
export const EXIT = {
  ok: 0,
  failure: 1,
  invalid: 2,
  unavailable: 3,
  conflict: 4,
  notFound: 5,
} as const;

/** Print an error for a person (French message, details, stable code) and give its exit code. */
export function reportError(err: unknown, writeRaw: (s: string) => void = (s) => process.stderr.write(s)): number {
  const write = (s: string) => writeRaw(typo(s));
  const app = err instanceof AppError ? err : translateDbError(err);
  if (app) {
    write(`Erreur (${app.code}) : ${app.message}\n`);
    for (const d of app.details.slice(0, 200)) write(`  - ${d.path ? `${d.path} : ` : ''}${d.message}\n`);
    if (app.details.length > 200) write(`  … et ${plural(app.details.length - 200, 'autre')}\n`);
    switch (app.kind) {
      case 'invalid':
        return EXIT.invalid;
      case 'unavailable':
        return EXIT.unavailable;
      case 'conflict':
        return EXIT.conflict;
      case 'not_found':
        return EXIT.notFound;
      default:
        return EXIT.failure;
    }
  }
  write(`Erreur inattendue : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT.failure;
}
