import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Database } from '../../db/connection';
import { tooMany } from '../../errors';
import * as q from './sign-in-attempt-queries';

export interface SignInLimits {
  /** Failed password sign-ins one e-mail may take, from any address, per window; then it signs in by magic link only. */
  failuresPerEmail: number;
  /** Failed password sign-ins one client address may make, on any e-mail, per window (and as many magic-link requests). */
  failuresPerAddress: number;
  windowMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { failuresPerEmail: 10, failuresPerAddress: 30, windowMinutes: 15 };

/**
 * Who a client address is for the limits: the address itself, or for IPv6
 * its /64 (one subscriber holds a whole /64 and could rotate through it).
 */
export function clientOf(ip: string) {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1] as string;
  if (!isIPv6(ip)) return ip;
  const address = ip.split('%')[0] as string;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 address fills two groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : 8 - width(left) - width(right)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** Each failure on an e-mail doubles the wait before the next answer: 50 ms, 100 ms… up to 2 s. */
export const failureDelayMs = (failures: number) => Math.min(50 * 2 ** Math.max(failures - 1, 0), 2000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Hashed: the table holds no e-mail and no address.
const keyOf = (kind: string, value: string) => createHash('sha256').update(`${kind}:${value}`).digest('base64url');

/**
 * Sign-in limits kept in the database (every server shares them): failed
 * password sign-ins per e-mail whatever the address, and per client address
 * whatever the e-mail. An attempt is counted before the password is checked
 * (so parallel guesses cannot overrun the limit) and taken back when it
 * succeeds. An e-mail locked by failures still signs in by magic link.
 */
export function signInLimiter(db: Database, limits: SignInLimits) {
  return {
    /** Before checking a password: refuse (429) a locked address or e-mail; `failed` / `succeeded` settle the attempt. */
    async passwordAttempt(email: string, ip: string) {
      const byAddress = keyOf('password-address', clientOf(ip));
      const byEmail = keyOf('password-email', email.trim().toLowerCase());
      const counts = await q.countAttempt(db, [byAddress, byEmail], limits.windowMinutes);
      if ((counts.get(byAddress) ?? 0) > limits.failuresPerAddress) {
        throw tooMany('too_many_attempts', 'Trop d’échecs de connexion depuis votre adresse réseau : réessayez dans un quart d’heure.');
      }
      if ((counts.get(byEmail) ?? 0) > limits.failuresPerEmail) {
        throw tooMany(
          'email_locked',
          'Trop d’échecs de connexion pour cette adresse e-mail : le mot de passe y est refusé pendant un quart d’heure. Vous pouvez vous connecter dès maintenant avec un lien reçu par e-mail (« Recevoir un lien de connexion »).',
        );
      }
      return {
        /** Wait before answering, longer at each failure on the e-mail. */
        failed: () => sleep(failureDelayMs(counts.get(byEmail) ?? 1)),
        succeeded: async () => {
          await q.uncountAttempt(db, byAddress);
          await q.forgetAttempts(db, byEmail);
        },
      };
    },

    /** A magic-link request: refused past the address's limit, and slower at each request for the same e-mail. */
    async magicLinkRequest(email: string, ip: string) {
      const byAddress = keyOf('link-address', clientOf(ip));
      const byEmail = keyOf('link-email', email.trim().toLowerCase());
      const counts = await q.countAttempt(db, [byAddress, byEmail], limits.windowMinutes);
      if ((counts.get(byAddress) ?? 0) > limits.failuresPerAddress) {
        throw tooMany('too_many_attempts', 'Trop de demandes de lien depuis votre adresse réseau : réessayez dans un quart d’heure.');
      }
      await sleep(failureDelayMs(counts.get(byEmail) ?? 1));
    },
  };
}
