import type { FastifyInstance, FastifyReply } from 'fastify';
import { authRoutes as routes } from '../../../shared/routes/auth.routes';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import { implement } from '../../http/route-contract';
import { authService, SESSION_COOKIE, SESSION_DAYS } from './auth-service';
import type { Mailer } from './mailer';
import { OIDC_LOGIN_MINUTES, OIDC_STATE_COOKIE, OidcLoginError, type OidcService } from './oidc-service';
import { personalDataService } from './personal-data-service';
import { safeReturnTo } from './return-to';
import type { SignInLimits } from './sign-in-limits';

const oidcDisabled = () => new AppError('not_found', 'oidc_disabled', 'La connexion OpenID Connect n’est pas configurée sur ce serveur.');

/** The routes of shared/routes/auth.routes.ts: sessions and their cookies, API tokens, personal data. */
export function authRoutes(
  app: FastifyInstance,
  db: Database,
  opts: { secureCookies: boolean; signInLimits: SignInLimits; mailer: Mailer; publicUrl: string; oidc?: OidcService | undefined },
) {
  const s = authService(db, opts.signInLimits);
  const personal = personalDataService(db);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_DAYS * 86_400 });
  const setOidcState = (reply: FastifyReply, state: string) =>
    reply.setCookie(OIDC_STATE_COOKIE, state, {
      path: '/api/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secureCookies,
      maxAge: OIDC_LOGIN_MINUTES * 60,
    });
  const oidc = () => {
    if (!opts.oidc) throw oidcDisabled();
    return opts.oidc;
  };

  implement(app, routes.login, async ({ body, req, reply }) => {
    const { token, csrfToken, account } = await s.login(body.email, body.password, req.ip, new Date());
    setSessionCookie(reply, token);
    return s.me({ kind: 'account', accountId: account.id, email: account.email, personId: account.personId, roles: account.roles, via: 'session' }, csrfToken);
  });
  implement(app, routes.magicLink, async ({ body, req }) => {
    await s.requestMagicLink(body.email, req.ip, new Date(), opts.mailer, opts.publicUrl, body.returnTo);
    // The same answer whether the address has an account or not.
    return { message: 'Si cette adresse a un compte, un lien de connexion vient de lui être envoyé.' };
  });
  implement(app, routes.magicLinkCallback, async ({ query, reply }) => {
    // Where to go is settled before the link is used up.
    const to = safeReturnTo(query.returnTo);
    const { token } = await s.useMagicLink(query.token, new Date());
    setSessionCookie(reply, token);
    return reply.redirect(to, 303);
  });

  implement(app, routes.providers, async () => ({
    password: true,
    magicLink: true,
    oidc: opts.oidc ? { name: opts.oidc.name, start: routes.oidcStart.path } : null,
  }));
  implement(app, routes.oidcStart, async ({ query, reply }) => {
    const { url, state } = await oidc().start(query.returnTo, new Date());
    setOidcState(reply, state);
    return reply.redirect(url, 303);
  });
  // A write with the session and its CSRF token: no other site can start it for the account.
  implement(app, routes.oidcLink, async ({ actor, reply }) => {
    const { url, state } = await oidc().start('/compte?lien=proconnect', new Date(), actor.accountId);
    setOidcState(reply, state);
    return { redirectTo: url };
  });
  implement(app, routes.oidcCallback, async ({ req, reply }) => {
    const provider = oidc();
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
    try {
      const { accountId, idToken, returnTo } = await provider.callback(query, req.cookies?.[OIDC_STATE_COOKIE], new Date());
      const { token } = await s.openSession(accountId, new Date(), idToken);
      setSessionCookie(reply, token);
      return reply.redirect(returnTo, 303);
    } catch (e) {
      if (!(e instanceof OidcLoginError)) throw e;
      req.log.warn({ code: e.code }, e.message);
      // A browser navigation: back to the sign-in page, which explains the code.
      return reply.redirect(`${e.page}?erreur=${e.code}`, 303);
    }
  });

  implement(app, routes.logout, async ({ req, reply }) => {
    const idToken = await s.logout(req.cookies?.[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { redirectTo: idToken && opts.oidc ? await opts.oidc.endSessionUrl(idToken).catch(() => null) : null };
  });
  implement(app, routes.session, async ({ actor, req }) => ({
    account: actor.kind === 'account' ? await s.me(actor, req.essaimCsrf ?? null) : null,
  }));
  implement(app, routes.me, async ({ actor, req }) => s.me(actor, req.essaimCsrf ?? null));

  implement(app, routes.myData, async ({ actor, reply }) => {
    reply.header('content-disposition', 'attachment; filename="essaim-mes-donnees.json"');
    return personal.export(actor);
  });
  implement(app, routes.anonymise, async ({ actor, params }) => {
    await personal.anonymise(actor, params.id);
  });

  implement(app, routes.tokens, async ({ actor }) => ({ items: await s.listTokens(actor) }));
  implement(app, routes.createToken, async ({ actor, body }) => s.createToken(actor, body.name));
  implement(app, routes.revokeToken, async ({ actor, params }) => {
    await s.revokeToken(actor, params.id, new Date());
  });
}
