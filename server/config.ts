import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SiteInfo } from '../shared/schemas/reference';
import { invalid } from './errors';

/**
 * The only reader of process.env. Read once at start, validated, then passed
 * down as a plain object so that nothing else depends on the environment.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres://')
    .optional(),
  ESSAIM_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL doit commencer par smtp:// ou smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Essaim <ne-pas-repondre@essaim.test>'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\//, 'PUBLIC_URL doit commencer par http:// ou https://')
    .optional(),
  // OpenID Connect (ProConnect): all three or none.
  OIDC_ISSUER: z
    .string()
    .regex(/^https?:\/\//, 'OIDC_ISSUER doit être une URL http(s)')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(6).default('openid email given_name usual_name siret'),
  OIDC_NAME: z.string().min(1).default('ProConnect'),
  // ProConnect signs its userinfo answers (RS256 or ES256); unset for plain JSON.
  OIDC_USERINFO_SIGNED_ALG: z.string().min(2).optional(),
  // The reverse proxy whose X-Forwarded-For gives the client address (sign-in limits): Fastify's trustProxy forms.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'TRUST_PROXY attend true, false, un nombre de relais ou des adresses et réseaux CIDR séparés par des virgules',
        });
        return z.NEVER;
      }
      return parsed;
    }),
  // Prometheus figures at /metrics: with a token, for whoever sends it; without, for this machine only.
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN doit compter au moins 16 caractères').optional(),
  // How long a stopping server (SIGTERM) lets requests in flight finish.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // Who runs this instance: shown on the legal notice, accessibility and personal-data pages.
  SITE_PUBLISHER: z
    .string()
    .min(2)
    .default(() => DEMO_SITE.publisher),
  SITE_PUBLICATION_DIRECTOR: z
    .string()
    .min(2)
    .default(() => DEMO_SITE.publicationDirector),
  SITE_HOST: z
    .string()
    .min(2)
    .default(() => DEMO_SITE.host),
  SITE_CONTACT_EMAIL: z.email('SITE_CONTACT_EMAIL doit être une adresse e-mail').default(() => DEMO_SITE.contactEmail),
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  env: z.infer<typeof envSchema>['NODE_ENV'];
  mail: { smtpUrl?: string | undefined; from: string };
  /** Base of links sent by e-mail (default: http://localhost:PORT). */
  publicUrl: string;
  oidc?: OidcConfig | undefined;
  site: SiteInfo;
  /** Whom to believe for the client address: no proxy (false), every one (true), so many hops, or these addresses. */
  trustProxy: TrustProxy;
  /** Bearer token of /metrics (none: loopback only). */
  metricsToken?: string | undefined;
  /** Time a SIGTERM leaves requests in flight before their connections are cut. */
  shutdownTimeoutMs: number;
}

export type TrustProxy = boolean | number | string[];

/** `true`, `false`, a hop count, or comma-separated addresses / CIDRs (and proxy-addr's `loopback`…); undefined when none of these. */
export function parseTrustProxy(v: string | undefined): TrustProxy | undefined {
  const text = (v ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const items = text.split(',').map((x) => x.trim());
  const ok = (x: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(x)) return true;
    const [ip = '', bits, extra] = x.split('/');
    const kind = isIP(ip);
    if (!kind || extra !== undefined) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
  };
  return items.every(ok) ? items : undefined;
}

/** What an instance says of itself until its operator sets SITE_*. */
export const DEMO_SITE: SiteInfo = {
  publisher: 'Instance de démonstration d’Essaim (éditeur non renseigné)',
  publicationDirector: 'non renseigné',
  host: 'non renseigné (instance locale)',
  contactEmail: 'contact@essaim.test',
};

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** Shown on the sign-in button. */
  name: string;
  userinfoSignedAlg?: string | undefined;
}

/**
 * What a production start cannot do without (NODE_ENV=production): no demo
 * default stands in for them. PUBLIC_URL in https (links in e-mails, ProConnect
 * redirections, Secure cookies); who runs the site (legal notice, a legal
 * obligation); SMTP_URL and MAIL_FROM, since without them sign-in links would be
 * written to the server log (a credential in the logs, and the person never
 * receives it) and mail would leave from a demonstration address.
 */
const PRODUCTION_SETTINGS: Record<string, string> = {
  PUBLIC_URL: 'l’adresse publique du site, en https:// (ex. https://essaim.example.gouv.fr)',
  SITE_PUBLISHER: 'l’éditeur du site (mentions légales)',
  SITE_PUBLICATION_DIRECTOR: 'qui dirige la publication (mentions légales)',
  SITE_HOST: 'l’hébergeur : nom, adresse et téléphone (mentions légales)',
  SITE_CONTACT_EMAIL: 'l’adresse de contact du site',
  SMTP_URL: 'le serveur d’envoi des liens de connexion (smtp:// ou smtps://)',
  MAIL_FROM: 'l’expéditeur des e-mails (ex. Essaim <ne-pas-repondre@essaim.example.gouv.fr>)',
};

/** Each setting a production start lacks or has in a form production refuses, with what to put in it. */
function productionProblems(env: NodeJS.ProcessEnv, malformed: Set<string>) {
  const problems: string[] = [];
  for (const [name, what] of Object.entries(PRODUCTION_SETTINGS)) {
    if (!malformed.has(name) && !env[name]?.trim()) problems.push(`  ${name}: manquant en production — ${what}`);
  }
  const url = env.PUBLIC_URL?.trim();
  if (url && !malformed.has('PUBLIC_URL') && !url.startsWith('https://'))
    problems.push(`  PUBLIC_URL: doit commencer par https:// en production (reçu « ${url} »)`);
  return problems;
}

/**
 * Read and check the configuration. `server`: for a server start, which in
 * production refuses to start without the settings it needs, naming each one
 * (the command line, which serves no one, does not need them).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, opts: { server?: boolean } = {}): Config {
  const parsed = envSchema.safeParse(env);
  const issues = parsed.success ? [] : parsed.error.issues;
  const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  const production = opts.server && (parsed.success ? parsed.data.NODE_ENV : env.NODE_ENV) === 'production';
  const problems = production ? productionProblems(env, new Set(issues.map((i) => String(i.path[0])))) : [];
  if (!parsed.success || problems.length) {
    const title = problems.length
      ? 'Configuration incomplète pour la production (NODE_ENV=production) : renseignez ces variables d’environnement, puis relancez'
      : 'Configuration invalide';
    throw invalid(`${title} :\n${[...lines, ...problems].join('\n')}`, [], 'invalid_config');
  }
  const e = parsed.data;
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw invalid(
      'Configuration invalide :\n  OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble : renseignez les trois ou aucun.',
      [],
      'invalid_config',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(e.ESSAIM_DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            name: e.OIDC_NAME,
            userinfoSignedAlg: e.OIDC_USERINFO_SIGNED_ALG,
          }
        : undefined,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    site: { publisher: e.SITE_PUBLISHER, publicationDirector: e.SITE_PUBLICATION_DIRECTOR, host: e.SITE_HOST, contactEmail: e.SITE_CONTACT_EMAIL },
  };
}
