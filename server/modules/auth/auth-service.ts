import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/connection';
import type { Executor } from '../../db/connection';
import { accountByEmail, accountById, accountName } from '../accounts/account-queries';
import { actionsOn, can } from '../../policies/authorize';
import { tokenPolicy } from './token-policy';
import { importPolicy } from '../imports/import-policy';
import { projectPolicy } from '../projects/project-policy';
import { creatableResources } from '../registry';
import { forbidden, invalid, notFound, unauthorized } from '../../errors';
import type { Mailer } from './mailer';
import type { Actor } from '../../policies/actor';
import * as q from './auth-queries';
import { safeReturnTo } from './return-to';
import { burnVerification, verifyPassword } from '../accounts/passwords';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits, signInLimiter } from './sign-in-limits';

export const SESSION_COOKIE = 'essaim_session';
export const SESSION_DAYS = 14;
export const MAGIC_LINK_MINUTES = 15;
/** Links mailed to one account per quarter of an hour, at most (against mail bombing). */
const MAGIC_LINKS_PER_WINDOW = 3;

const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type AccountActor = Extract<Actor, { kind: 'account' }>;

/** Sign-in, sessions and personal API tokens. The clock is a parameter. */
export function authService(db: Database, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
  const limiter = signInLimiter(db, limits);
  const openSession = async (accountId: string, now: Date, idToken?: string, tx: Executor = db) => {
    const token = newToken();
    const csrfToken = newToken();
    await q.insertSession(tx, { tokenHash: hashToken(token), accountId, csrfToken, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000), idToken });
    return { token, csrfToken };
  };
  return {
    /** A session for an account signed in elsewhere (OpenID Connect keeps the provider's ID token for logout). */
    openSession,

    /**
     * Check e-mail and password; the same answer whether the e-mail exists or
     * not. `client` is the caller's address, for the limits.
     */
    async login(email: string, password: string, client: string, now: Date) {
      const attempt = await limiter.passwordAttempt(email, client);
      const account = await accountByEmail(db, email);
      if (!account) await burnVerification(password);
      if (!account || !(await verifyPassword(account.passwordHash, password))) {
        await attempt.failed();
        throw unauthorized('Adresse e-mail ou mot de passe incorrect.', 'invalid_credentials');
      }
      await attempt.succeeded();
      return { ...(await openSession(account.id, now)), account };
    },

    /**
     * Send a one-time sign-in link (15 minutes) when the e-mail has an
     * account; the caller answers the same either way.
     */
    async requestMagicLink(email: string, client: string, now: Date, send: Mailer, publicUrl: string, returnTo?: string) {
      // Every request for an address waits longer than the last (known or not).
      await limiter.magicLinkRequest(email, client);
      const account = await accountByEmail(db, email);
      if (!account) return;
      const since = new Date(now.getTime() - MAGIC_LINK_MINUTES * 60_000);
      if ((await q.magicLinksSince(db, account.id, since)) >= MAGIC_LINKS_PER_WINDOW) return;
      const token = newToken();
      const back = safeReturnTo(returnTo);
      await q.insertMagicLink(db, { tokenHash: hashToken(token), accountId: account.id, expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000) });
      await send({
        to: account.email,
        subject: 'Votre lien de connexion à Essaim',
        text: `Bonjour,\n\nPour vous connecter à Essaim, suivez ce lien (valable ${MAGIC_LINK_MINUTES} minutes, une seule fois) :\n${publicUrl}/api/auth/magic-link/callback?token=${token}${back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
      });
    },

    /** Exchange a magic link for a session. */
    async useMagicLink(token: string, now: Date) {
      // Used up only together with the session it opens.
      return db.transaction().execute(async (tx) => {
        const accountId = await q.consumeMagicLink(tx, hashToken(token), now);
        const account = accountId ? await accountById(tx, accountId) : undefined;
        if (!account) throw invalid('Ce lien de connexion est inconnu, expiré ou déjà utilisé : demandez-en un nouveau.', [], 'invalid_magic_link');
        return { ...(await openSession(account.id, now, undefined, tx)), account };
      });
    },

    /** End the session; the provider ID token when the session came through OpenID Connect. */
    async logout(token: string | undefined) {
      return token ? q.deleteSession(db, hashToken(token)) : null;
    },

    /**
     * The actor behind a request: a bearer token (scripts, exempt from CSRF),
     * else a session cookie (with its CSRF token), else anonymous.
     */
    async resolve(authorization: string | undefined, sessionToken: string | undefined, now: Date): Promise<{ actor: Actor; csrfToken: string | null }> {
      if (authorization) {
        const m = /^Bearer\s+(\S+)$/i.exec(authorization);
        if (!m) throw unauthorized('En-tête Authorization attendu : Bearer <jeton>.', 'invalid_token');
        const a = await q.tokenAccount(db, hashToken(m[1] as string), now);
        if (!a) throw unauthorized('Jeton inconnu ou révoqué.', 'invalid_token');
        return { actor: { kind: 'account', accountId: a.id, email: a.email, personId: a.personId, roles: a.roles, via: 'token' }, csrfToken: null };
      }
      if (sessionToken) {
        const a = await q.sessionAccount(db, hashToken(sessionToken), now);
        if (a)
          return { actor: { kind: 'account', accountId: a.id, email: a.email, personId: a.personId, roles: a.roles, via: 'session' }, csrfToken: a.csrfToken };
      }
      return { actor: { kind: 'anonymous' }, csrfToken: null };
    },

    async me(actor: Actor, csrfToken: string | null) {
      const a = requireAccount(actor);
      return {
        id: a.accountId,
        email: a.email,
        name: await accountName(db, a.accountId),
        personId: a.personId,
        roles: a.roles,
        csrfToken,
        creatable: creatableResources(a),
        canImport: can(a, 'import', { policy: importPolicy }),
        canSearchFunding: can(a, 'searchFunding', { policy: projectPolicy }),
      };
    },

    async createToken(actor: Actor, name: string) {
      const a = requireAccount(actor);
      const token = `essaim_${newToken()}`;
      const row = await q.insertToken(db, { accountId: a.accountId, name, tokenHash: hashToken(token) });
      return { id: row.id, name, token, createdAt: row.created_at.toISOString() };
    },

    async listTokens(actor: Actor) {
      const a = requireAccount(actor);
      return (await q.listTokens(db, a.accountId)).map((t) => {
        const revokedAt = t.revoked_at?.toISOString() ?? null;
        return {
          id: t.id,
          name: t.name,
          createdAt: t.created_at.toISOString(),
          lastUsedAt: t.last_used_at?.toISOString() ?? null,
          revokedAt,
          actions: actionsOn(a, ['delete'], tokenPolicy, { accountId: a.accountId, revokedAt }),
        };
      });
    },

    async revokeToken(actor: Actor, id: string, now: Date) {
      const a = requireAccount(actor);
      if (!(await q.revokeToken(db, a.accountId, id, now))) throw notFound('Jeton', id);
    },
  };
}

function requireAccount(actor: Actor): AccountActor {
  if (actor.kind !== 'account') throw unauthorized();
  return actor;
}

/** Writes with a session cookie must echo the session's CSRF token. */
export function checkCsrf(method: string, actor: Actor, expected: string | null, sent: string | undefined) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method)) return;
  if (actor.kind !== 'account' || actor.via !== 'session') return;
  if (!sent || sent !== expected) throw forbidden('Jeton CSRF absent ou invalide (en-tête x-csrf-token).');
}
