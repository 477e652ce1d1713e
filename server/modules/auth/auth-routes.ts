import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginInput, magicLinkInput, me, tokenCreated, tokenInfo, tokenInput } from '../../../shared/schemas/auth';
import { errorResponse, idParams } from '../../../shared/schemas/common';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { authService, SESSION_COOKIE, SESSION_DAYS } from './auth-service';
import type { Mailer } from './mailer';
import { personalDataService } from './personal-data-service';

export function authRoutes(app: FastifyInstance, db: Database, opts: { secureCookies: boolean; loginAttemptsPerMinute: number; mailer: Mailer; publicUrl: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = authService(db);
  const tags = ['Authentification'];
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };

  r.post('/api/auth/login', { config: { public: true, rateLimit: { max: opts.loginAttemptsPerMinute, timeWindow: '1 minute' } }, schema: { tags, summary: 'Se connecter (cookie de session HTTP-only)', body: loginInput, response: { 200: me, ...errors } } }, async (req, reply) => {
    const { token, csrfToken, account } = await s.login(req.body.email, req.body.password, new Date());
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_DAYS * 86_400 });
    return { id: account.id, email: account.email, personId: account.personId, roles: account.roles, csrfToken };
  });

  r.post(
    '/api/auth/magic-link',
    { config: { public: true, rateLimit: { max: opts.loginAttemptsPerMinute, timeWindow: '1 minute' } }, schema: { tags, summary: 'Recevoir un lien de connexion par courriel', body: magicLinkInput, response: { 202: z.object({ message: z.string() }), ...errors } } },
    async (req, reply) => {
      await s.requestMagicLink(req.body.email, new Date(), opts.mailer, opts.publicUrl);
      // The same answer whether the address has an account or not.
      return reply.code(202).send({ message: 'Si cette adresse a un compte, un lien de connexion vient de lui être envoyé.' });
    },
  );
  r.get(
    '/api/auth/magic-link/callback',
    { schema: { tags, summary: 'Suivre un lien de connexion (ouvre la session, puis redirige)', querystring: z.strictObject({ token: z.string().min(10).max(200) }), response: { 400: errorResponse } } },
    async (req, reply) => {
      const { token } = await s.useMagicLink(req.query.token, new Date());
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_DAYS * 86_400 });
      return reply.redirect('/', 303);
    },
  );

  r.post('/api/auth/logout', { config: { public: true }, schema: { tags, summary: 'Se déconnecter', response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await s.logout(req.cookies?.[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/auth/me', { schema: { tags, summary: 'Le compte connecté, ses rôles et son jeton CSRF', response: { 200: me, ...errors } } }, async (req) =>
    s.me(actorOf(req), req.essaimCsrf ?? null),
  );

  const personal = personalDataService(db);
  const personalDataExport = z.object({ account: z.unknown(), person: z.unknown(), tokens: z.array(z.unknown()), sessions: z.array(z.unknown()), actions: z.array(z.unknown()) });
  r.get('/api/auth/me/data', { schema: { tags, summary: 'Télécharger mes données personnelles (JSON)', response: { 200: personalDataExport, 401: errorResponse } } }, async (req, reply) => {
    reply.header('content-disposition', 'attachment; filename="essaim-mes-donnees.json"');
    return personal.export(actorOf(req));
  });
  r.post(
    '/api/people/:id/anonymise',
    { schema: { tags: ['Personnes'], summary: "Effacer une personne (anonymisation, équipe nationale) : ses liens et l'historique restent", params: idParams, response: { 204: z.null(), 404: errorResponse, ...errors } } },
    async (req, reply) => {
      await personal.anonymise(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get('/api/auth/tokens', { schema: { tags, summary: 'Mes jetons d’API', response: { 200: z.object({ items: z.array(tokenInfo) }), ...errors } } }, async (req) => ({
    items: await s.listTokens(actorOf(req)),
  }));
  r.post('/api/auth/tokens', { schema: { tags, summary: 'Créer un jeton d’API (affiché une seule fois)', body: tokenInput, response: { 201: tokenCreated, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await s.createToken(actorOf(req), req.body.name)),
  );
  r.delete('/api/auth/tokens/:id', { schema: { tags, summary: 'Révoquer un jeton', params: idParams, response: { 204: z.null(), 404: errorResponse, ...errors } } }, async (req, reply) => {
    await s.revokeToken(actorOf(req), req.params.id, new Date());
    return reply.code(204).send(null);
  });
}
