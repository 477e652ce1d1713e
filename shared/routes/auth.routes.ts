import { z } from 'zod';
import { loginInput, magicLinkInput, me, tokenCreated, tokenInfo, tokenInput } from '../schemas/auth';
import { idParams, line } from '../schemas/common';
import { route } from './contract';

const tag = 'Authentification';

/** What a person may download about themself (GDPR right of access). */
export const personalDataExport = z.object({
  account: z.unknown(),
  person: z.unknown(),
  tokens: z.array(z.unknown()),
  sessions: z.array(z.unknown()),
  actions: z.array(z.unknown()),
});

export const providers = z.object({ password: z.boolean(), magicLink: z.boolean(), oidc: z.object({ name: z.string(), start: z.string() }).nullable() });

/**
 * Signing in and out, the session, API tokens and personal data. Sign-in
 * limits (failures per e-mail and per client address) live in the database:
 * server/modules/auth/sign-in-limits.ts.
 */
export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    access: 'public-write',
    tag,
    summary: 'Se connecter (cookie de session HTTP-only)',
    body: loginInput,
    response: me,
    errors: [401, 429],
  }),
  magicLink: route({
    method: 'POST',
    path: '/api/auth/magic-link',
    access: 'public-write',
    tag,
    summary: 'Recevoir un lien de connexion par courriel',
    body: magicLinkInput,
    response: z.object({ message: z.string() }),
    status: 202,
    errors: [429],
  }),
  magicLinkCallback: route({
    method: 'GET',
    path: '/api/auth/magic-link/callback',
    access: 'open',
    tag,
    summary: 'Suivre un lien de connexion (ouvre la session, puis redirige)',
    // A returnTo that is too long or unreadable means home, not a refusal that would waste the trip (return-to.ts).
    query: z.strictObject({ token: line().min(10).max(200), returnTo: z.string().max(2000).optional().catch(undefined) }),
    status: 303,
  }),
  providers: route({ method: 'GET', path: '/api/auth/providers', access: 'open', tag, summary: 'Les moyens de connexion proposés', response: providers }),
  oidcStart: route({
    method: 'GET',
    path: '/api/auth/oidc/start',
    access: 'open',
    tag,
    summary: 'Se connecter avec le fournisseur OpenID Connect (ProConnect) : redirige vers lui',
    query: z.strictObject({ returnTo: line().max(500).optional() }),
    status: 303,
    errors: [404, 503],
  }),
  oidcLink: route({
    method: 'POST',
    path: '/api/auth/oidc/link',
    access: 'signed-in',
    tag,
    summary: 'Lier mon compte à mon identité du fournisseur OpenID Connect (ProConnect) : l’adresse où la confirmer chez lui',
    response: z.object({ redirectTo: z.string() }),
    errors: [404, 503],
  }),
  oidcCallback: route({
    method: 'GET',
    path: '/api/auth/oidc/callback',
    access: 'open',
    tag,
    summary: 'Retour du fournisseur OpenID Connect : ouvre la session puis redirige',
    // The provider adds its own parameters (iss, session_state…): the handler reads the raw query.
    query: z.looseObject({}),
    status: 303,
    errors: [404, 503],
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    access: 'public-write',
    tag,
    summary: 'Se déconnecter (et l’adresse où finir la session du fournisseur OpenID Connect, le cas échéant)',
    response: z.object({ redirectTo: z.string().nullable() }),
  }),
  session: route({
    method: 'GET',
    path: '/api/auth/session',
    access: 'open',
    tag,
    summary: 'La session en cours : le compte connecté, ou null pour un visiteur (jamais 401)',
    response: z.object({ account: me.nullable() }),
  }),
  me: route({ method: 'GET', path: '/api/auth/me', access: 'signed-in', tag, summary: 'Le compte connecté, ses rôles et son jeton CSRF', response: me }),
  myData: route({
    method: 'GET',
    path: '/api/auth/me/data',
    access: 'signed-in',
    tag,
    summary: 'Télécharger mes données personnelles (JSON)',
    response: personalDataExport,
  }),
  anonymise: route({
    method: 'POST',
    path: '/api/people/:id/anonymise',
    access: 'admin',
    tag: 'Personnes',
    summary: "Effacer une personne (anonymisation, équipe nationale) : ses liens et l'historique restent",
    params: idParams,
    status: 204,
  }),
  tokens: route({
    method: 'GET',
    path: '/api/auth/tokens',
    access: 'signed-in',
    tag,
    summary: 'Mes jetons d’API',
    response: z.object({ items: z.array(tokenInfo) }),
  }),
  createToken: route({
    method: 'POST',
    path: '/api/auth/tokens',
    access: 'signed-in',
    tag,
    summary: 'Créer un jeton d’API (affiché une seule fois)',
    body: tokenInput,
    response: tokenCreated,
    status: 201,
  }),
  revokeToken: route({ method: 'DELETE', path: '/api/auth/tokens/:id', access: 'signed-in', tag, summary: 'Révoquer un jeton', params: idParams, status: 204 }),
};
