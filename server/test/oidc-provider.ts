import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderUser {
  email: string;
  /** Whether the provider vouches for the address; absent as ProConnect often leaves it. */
  email_verified?: boolean;
  given_name: string;
  usual_name: string;
  siret?: string;
}

const SCOPES = ['openid', 'email', 'given_name', 'usual_name', 'siret'];

/**
 * A local OpenID Connect provider shaped like ProConnect (its scopes and
 * claims, PKCE required), for the end-to-end sign-in tests. Its login screen
 * is skipped: the next sign-in is as `signInAs`'s user, and consent is given.
 */
export async function startTestProvider(opts: { clientRedirectBase: string; users: Record<string, ProviderUser> }) {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let nextSub = Object.keys(opts.users)[0] as string;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'essaim',
        client_secret: 'secret-de-test-essaim',
        redirect_uris: [`${opts.clientRedirectBase}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${opts.clientRedirectBase}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    scopes: SCOPES,
    claims: { email: ['email', 'email_verified'], given_name: ['given_name'], usual_name: ['usual_name'], siret: ['siret'] },
    findAccount: (_ctx, sub) => {
      const user = opts.users[sub];
      return user ? { accountId: sub, claims: async () => ({ sub, ...user }) } : undefined;
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['cle-de-test'] },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId as string, accountId: ctx.oidc.session?.accountId as string });
      grant.addOIDCScope(SCOPES.join(' '));
      grant.addOIDCClaims(['email', 'email_verified', 'given_name', 'usual_name', 'siret']);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      try {
        await provider.interactionDetails(req, res);
        await provider.interactionFinished(req, res, { login: { accountId: nextSub } }, { mergeWithLastSubmission: false });
      } catch (e) {
        res.statusCode = 500;
        res.end(String(e));
      }
      return;
    }
    callback(req, res);
  });
  return {
    issuer,
    clientId: 'essaim',
    clientSecret: 'secret-de-test-essaim',
    signInAs(sub: string) {
      nextSub = sub;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Follow the provider's redirections as a browser would (with its cookies)
 * until it sends the browser back to `until`; that URL is returned.
 */
export async function followUntil(start: string, until: string) {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(until)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = (pair as string).indexOf('=');
      jar.set((pair as string).slice(0, i), (pair as string).slice(i + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`Le fournisseur a répondu ${res.status} sans redirection : ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Trop de redirections');
}
