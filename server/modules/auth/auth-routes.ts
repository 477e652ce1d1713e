import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginInput, magicLinkInput, me, tokenCreated, tokenInfo, tokenInput } from '../../../shared/schemas/auth';
import { errorResponse, idParams } from '../../../shared/schemas/common';
import type { Database } from '../../db/connection';
import { AppError, unauthorized } from '../../errors';
import { actorOf } from '../../http/request-actor';
import { authService, SESSION_COOKIE, SESSION_DAYS } from './auth-service';
import type { Mailer } from './mailer';
import type { SignInLimits } from './sign-in-limits';
import { OIDC_LOGIN_MINUTES, OIDC_STATE_COOKIE, OidcLoginError, type OidcService } from './oidc-service';
import { safeReturnTo } from './return-to';
import { personalDataService } from './personal-data-service';

const oidcDisabled = () => new AppError('not_found', 'oidc_disabled', 'La connexion OpenID Connect n’est pas configurée sur ce serveur.');

export function authRoutes(
  app: FastifyInstance,
  db: Database,
  opts: { secureCookies: boolean; signInLimits: SignInLimits; mailer: Mailer; publicUrl: string; oidc?: OidcService | undefined },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = authService(db, opts.signInLimits);
  const tags = ['Authentification'];
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_DAYS * 86_400 });

  // Limits (failures per e-mail and per client address, in the database): sign-in-limits.ts.
  r.post(
    '/api/auth/login',
    {
      config: { access: 'public-write' },
      schema: { tags, summary: 'Se connecter (cookie de session HTTP-only)', body: loginInput, response: { 200: me, ...errors, 429: errorResponse } },
    },
    async (req, reply) => {
      const { token, csrfToken, account } = await s.login(req.body.email, req.body.password, req.ip, new Date());
      setSessionCookie(reply, token);
      return s.me(
        { kind: 'account', accountId: account.id, email: account.email, personId: account.personId, roles: account.roles, via: 'session' },
        csrfToken,
      );
    },
  );

  r.post(
    '/api/auth/magic-link',
    {
      config: { access: 'public-write' },
      schema: {
        tags,
        summary: 'Recevoir un lien de connexion par courriel',
        body: magicLinkInput,
        response: { 202: z.object({ message: z.string() }), ...errors, 429: errorResponse },
      },
    },
    async (req, reply) => {
      await s.requestMagicLink(req.body.email, req.ip, new Date(), opts.mailer, opts.publicUrl, req.body.returnTo);
      // The same answer whether the address has an account or not.
      return reply.code(202).send({ message: 'Si cette adresse a un compte, un lien de connexion vient de lui être envoyé.' });
    },
  );
  r.get(
    '/api/auth/magic-link/callback',
    // returnTo unbounded here: a bad one means home, not a refusal that would waste the trip.
    {
      schema: {
        tags,
        summary: 'Suivre un lien de connexion (ouvre la session, puis redirige)',
        querystring: z.strictObject({ token: z.string().min(10).max(200), returnTo: z.string().optional() }),
        response: { 400: errorResponse },
      },
    },
    async (req, reply) => {
      // Where to go is settled before the link is used up.
      const to = safeReturnTo(req.query.returnTo);
      const { token } = await s.useMagicLink(req.query.token, new Date());
      setSessionCookie(reply, token);
      return reply.redirect(to, 303);
    },
  );

  r.get(
    '/api/auth/providers',
    {
      schema: {
        tags,
        summary: 'Les moyens de connexion proposés',
        response: { 200: z.object({ password: z.boolean(), magicLink: z.boolean(), oidc: z.object({ name: z.string(), start: z.string() }).nullable() }) },
      },
    },
    async () => ({ password: true, magicLink: true, oidc: opts.oidc ? { name: opts.oidc.name, start: '/api/auth/oidc/start' } : null }),
  );
  r.get(
    '/api/auth/oidc/start',
    {
      schema: {
        tags,
        summary: 'Se connecter avec le fournisseur OpenID Connect (ProConnect) : redirige vers lui',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
        response: { 404: errorResponse, 503: errorResponse },
      },
    },
    async (req, reply) => {
      if (!opts.oidc) throw oidcDisabled();
      const { url, state } = await opts.oidc.start(req.query.returnTo, new Date());
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        path: '/api/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: OIDC_LOGIN_MINUTES * 60,
      });
      return reply.redirect(url, 303);
    },
  );
  r.post(
    '/api/auth/oidc/link',
    {
      schema: {
        tags,
        summary: 'Lier mon compte à mon identité du fournisseur OpenID Connect (ProConnect) : l’adresse où la confirmer chez lui',
        response: { 200: z.object({ redirectTo: z.string() }), 401: errorResponse, 403: errorResponse, 404: errorResponse, 503: errorResponse },
      },
    },
    // A write with the session and its CSRF token: no other site can start it for the account.
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.kind !== 'account') throw unauthorized();
      if (!opts.oidc) throw oidcDisabled();
      const { url, state } = await opts.oidc.start('/compte?lien=proconnect', new Date(), actor.accountId);
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        path: '/api/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: OIDC_LOGIN_MINUTES * 60,
      });
      return { redirectTo: url };
    },
  );
  r.get(
    '/api/auth/oidc/callback',
    // The provider adds its own parameters (iss, session_state…): read them raw.
    {
      schema: {
        tags,
        summary: 'Retour du fournisseur OpenID Connect : ouvre la session puis redirige',
        querystring: z.looseObject({}),
        response: { 404: errorResponse, 503: errorResponse },
      },
    },
    async (req, reply) => {
      if (!opts.oidc) throw oidcDisabled();
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
      try {
        const { accountId, idToken, returnTo } = await opts.oidc.callback(query, req.cookies?.[OIDC_STATE_COOKIE], new Date());
        const { token } = await s.openSession(accountId, new Date(), idToken);
        setSessionCookie(reply, token);
        return reply.redirect(returnTo, 303);
      } catch (e) {
        if (!(e instanceof OidcLoginError)) throw e;
        req.log.warn({ code: e.code }, e.message);
        // A browser navigation: back to the sign-in page, which explains the code.
        return reply.redirect(`${e.page}?erreur=${e.code}`, 303);
      }
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: 'public-write' },
      schema: {
        tags,
        summary: 'Se déconnecter (et l’adresse où finir la session du fournisseur OpenID Connect, le cas échéant)',
        response: { 200: z.object({ redirectTo: z.string().nullable() }), ...errors },
      },
    },
    async (req, reply) => {
      const idToken = await s.logout(req.cookies?.[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { redirectTo: idToken && opts.oidc ? await opts.oidc.endSessionUrl(idToken).catch(() => null) : null };
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'La session en cours : le compte connecté, ou null pour un visiteur (jamais 401)',
        response: { 200: z.object({ account: me.nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { account: actor.kind === 'account' ? await s.me(actor, req.essaimCsrf ?? null) : null };
    },
  );
  r.get('/api/auth/me', { schema: { tags, summary: 'Le compte connecté, ses rôles et son jeton CSRF', response: { 200: me, ...errors } } }, async (req) =>
    s.me(actorOf(req), req.essaimCsrf ?? null),
  );

  const personal = personalDataService(db);
  const personalDataExport = z.object({
    account: z.unknown(),
    person: z.unknown(),
    tokens: z.array(z.unknown()),
    sessions: z.array(z.unknown()),
    actions: z.array(z.unknown()),
  });
  r.get(
    '/api/auth/me/data',
    { schema: { tags, summary: 'Télécharger mes données personnelles (JSON)', response: { 200: personalDataExport, 401: errorResponse } } },
    async (req, reply) => {
      reply.header('content-disposition', 'attachment; filename="essaim-mes-donnees.json"');
      return personal.export(actorOf(req));
    },
  );
  r.post(
    '/api/people/:id/anonymise',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Personnes'],
        summary: "Effacer une personne (anonymisation, équipe nationale) : ses liens et l'historique restent",
        params: idParams,
        response: { 204: z.null(), 404: errorResponse, ...errors },
      },
    },
    async (req, reply) => {
      await personal.anonymise(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/tokens',
    { schema: { tags, summary: 'Mes jetons d’API', response: { 200: z.object({ items: z.array(tokenInfo) }), ...errors } } },
    async (req) => ({
      items: await s.listTokens(actorOf(req)),
    }),
  );
  r.post(
    '/api/auth/tokens',
    { schema: { tags, summary: 'Créer un jeton d’API (affiché une seule fois)', body: tokenInput, response: { 201: tokenCreated, ...errors } } },
    async (req, reply) => reply.code(201).send(await s.createToken(actorOf(req), req.body.name)),
  );
  r.delete(
    '/api/auth/tokens/:id',
    { schema: { tags, summary: 'Révoquer un jeton', params: idParams, response: { 204: z.null(), 404: errorResponse, ...errors } } },
    async (req, reply) => {
      await s.revokeToken(actorOf(req), req.params.id, new Date());
      return reply.code(204).send(null);
    },
  );
}
