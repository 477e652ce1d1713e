import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config';
import type { Database } from '../../db/connection';
import { AppError, unavailable } from '../../errors';
import { looksLikeEmail, openAccount } from '../accounts/account-service';
import { accountByEmail } from '../accounts/account-queries';
import * as q from './oidc-queries';
import { hashToken } from './auth-service';
import { systemActor } from '../../policies/actor';
import { recordWrite } from '../audit/audit-service';
import { appendAudit } from '../audit/audit-queries';
import { safeReturnTo } from './return-to';

export const OIDC_STATE_COOKIE = 'essaim_oidc';
export const OIDC_LOGIN_MINUTES = 10;

/** Why a sign-in through the provider failed: the web app explains each code. */
type OidcFailure = 'oidc_state' | 'oidc_denied' | 'oidc_email' | 'oidc_failed' | 'oidc_link' | 'oidc_taken';
export class OidcLoginError extends Error {
  /** The page that explains the failure: the account page for a link its owner asked for. */
  page: '/connexion' | '/compte' = '/connexion';
  constructor(
    readonly code: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What the provider says of the person (ProConnect's claims). */
interface OidcClaims {
  sub: string;
  email?: unknown;
  /** true when the provider vouches for the address (ProConnect does not always say). */
  email_verified?: unknown;
  given_name?: unknown;
  usual_name?: unknown;
  siret?: unknown;
}

/**
 * OpenID Connect sign-in (ProConnect): authorization code flow with PKCE,
 * `state` and `nonce`, via openid-client. The provider is discovered at the
 * first sign-in, so a provider that is down does not stop the server.
 */
export function oidcService(db: Database, settings: OidcConfig, urls: { redirectUri: string; postLogoutRedirectUri: string }) {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret, ...(settings.userinfoSignedAlg ? { userinfo_signed_response_alg: settings.userinfoSignedAlg } : {}) },
        undefined,
        // Plain HTTP only for a local provider (development, tests).
        settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        discovered = undefined;
        throw unavailable(
          'oidc_unavailable',
          `${settings.name} ne répond pas pour le moment (${e instanceof Error ? e.message : String(e)}). Réessayez plus tard ou connectez-vous par e-mail.`,
        );
      });
    return discovered;
  };

  /** The rest of the callback, once the stored sign-in is taken. */
  const finish = async (query: string, state: string, login: NonNullable<Awaited<ReturnType<typeof q.takeOidcLogin>>>, now: Date) => {
    const params = new URLSearchParams(query);
    if (params.get('error'))
      throw new OidcLoginError('oidc_denied', `Le fournisseur a refusé la connexion : ${params.get('error_description') ?? params.get('error')}.`);
    const config = await configuration();
    let claims: OidcClaims;
    let idToken: string | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${urls.redirectUri}?${query}`), {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('jeton d’identité absent');
      idToken = tokens.id_token;
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...idClaims, ...userinfo } as OidcClaims;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new OidcLoginError('oidc_failed', `Échange avec le fournisseur impossible : ${e instanceof Error ? e.message : String(e)}`);
    }
    const accountId = login.linkAccountId
      ? await linkIdentity(db, settings.issuer, claims, login.linkAccountId, now)
      : await linkAccount(db, settings.issuer, claims, now);
    return { accountId, idToken, returnTo: login.returnTo };
  };

  return {
    name: settings.name,

    /**
     * The provider URL to send the browser to, and the `state` to bind to it
     * by cookie. With `linkAccountId` (a signed-in account confirming), the
     * identity the provider returns is linked to that account.
     */
    async start(returnTo: string | undefined, now: Date, linkAccountId?: string) {
      const config = await configuration();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await q.insertOidcLogin(db, {
        stateHash: hashToken(state),
        codeVerifier,
        nonce,
        returnTo: safeReturnTo(returnTo),
        expiresAt: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
        linkAccountId,
      });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: urls.redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        // ProConnect asks for the acr it should reach; eidas1 is its base level.
        acr_values: 'eidas1',
      });
      return { url: url.href, state };
    },

    /**
     * The provider's answer: check state (against the browser's cookie and the
     * stored sign-in), exchange the code with the PKCE verifier, check the ID
     * token and nonce, read userinfo, then find or create the account.
     */
    async callback(query: string, stateCookie: string | undefined, now: Date) {
      const params = new URLSearchParams(query);
      const state = params.get('state');
      if (!state || !stateCookie || state !== stateCookie) {
        throw new OidcLoginError('oidc_state', 'Réponse du fournisseur sans état valide (lien ancien ou ouvert dans un autre navigateur).');
      }
      const login = await q.takeOidcLogin(db, hashToken(state), now);
      if (!login) throw new OidcLoginError('oidc_state', 'Connexion expirée ou déjà utilisée.');
      try {
        return await finish(query, state, login, now);
      } catch (e) {
        if (e instanceof OidcLoginError && login.linkAccountId) e.page = '/compte';
        throw e;
      }
    },

    /** Where to send the browser to end the provider's session too, when it offers it. */
    async endSessionUrl(idToken: string) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: urls.postLogoutRedirectUri,
        state: randomBytes(16).toString('base64url'),
      }).href;
    },
  };
}

export type OidcService = ReturnType<typeof oidcService>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const identityOf = (claims: OidcClaims) => ({
  siret: /^\d{14}$/.test(text(claims.siret)) ? text(claims.siret) : null,
  email: text(claims.email).toLowerCase(),
  name: `${text(claims.given_name)} ${text(claims.usual_name)}`.trim() || null,
  // Some providers send the boolean as a string.
  verified: claims.email_verified === true || claims.email_verified === 'true',
});

/**
 * The account of a provider identity: the one already linked to it; else a
 * new account without roles (the national team grants them). An existing
 * account with the same e-mail is linked only when the provider vouches for
 * the address (`email_verified`) and the account is not the national team's:
 * otherwise its owner signs in another way and confirms the link from their
 * account page (`linkIdentity`). A new account is tied to the directory
 * person with its e-mail only when the address is vouched for.
 */
async function linkAccount(db: Database, issuer: string, claims: OidcClaims, now: Date) {
  const { siret, email, name, verified } = identityOf(claims);
  return db.transaction().execute(async (trx) => {
    const linked = await q.touchIdentity(trx, { issuer, subject: claims.sub, siret, name, now });
    if (linked) return linked;
    if (!looksLikeEmail(email)) throw new OidcLoginError('oidc_email', 'Le fournisseur n’a pas transmis d’adresse e-mail valide.');
    const existing = await accountByEmail(trx, email);
    if (existing && (!verified || existing.roles.some((r) => r.role === 'admin'))) {
      throw new OidcLoginError('oidc_link', 'Un compte existe déjà pour cette adresse : son titulaire doit confirmer le lien depuis son compte.');
    }
    const accountId = existing?.id ?? (await openAccount(trx, systemActor, { email, passwordHash: null, via: issuer, tiePerson: verified }));
    await q.insertIdentity(trx, { issuer, subject: claims.sub, accountId, siret, name });
    if (existing)
      await recordWrite(trx, systemActor, [{ action: 'update', entity: 'account', recordId: accountId, after: { linkedIdentity: { issuer, siret } } }]);
    return accountId;
  });
}

/**
 * Link the provider identity to an account whose owner, signed in, asked for
 * it (whatever the e-mails): the confirmation `linkAccount` never assumes.
 */
async function linkIdentity(db: Database, issuer: string, claims: OidcClaims, accountId: string, now: Date) {
  const { siret, name } = identityOf(claims);
  return db.transaction().execute(async (trx) => {
    const holder = await q.identityAccount(trx, issuer, claims.sub);
    if (holder && holder !== accountId) throw new OidcLoginError('oidc_taken', 'Cette identité est déjà liée à un autre compte Essaim.');
    if (holder) await q.touchIdentity(trx, { issuer, subject: claims.sub, siret, name, now });
    else {
      await q.insertIdentity(trx, { issuer, subject: claims.sub, accountId, siret, name });
      await appendAudit(trx, [
        { actorKind: 'account', actorId: accountId, action: 'update', entity: 'account', recordId: accountId, after: { linkedIdentity: { issuer, siret } } },
      ]);
    }
    return accountId;
  });
}
