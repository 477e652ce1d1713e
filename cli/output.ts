import { typo } from '../shared/text';

/**
 * Messages for a person, in French typography: `tell` on stderr (what
 * happened, beside data piped from stdout), `say` on stdout. Data (JSON, CSV)
 * is written as it is, never through these.
 */
export const tell = (text: string) => process.stderr.write(typo(text));
export const say = (text: string) => process.stdout.write(typo(text));
