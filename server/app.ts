import { cooperationRoutes } from './modules/cooperation/cooperation-routes';
import { reportJobs } from './modules/reports/report-jobs';
import { reportRoutes } from './modules/reports/report-routes';
import { indicatorRoutes } from './modules/indicators/indicator-routes';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { siteRoutes } from '../shared/routes/site.routes';
import type { SiteInfo } from '../shared/schemas/reference';
import type { Database, PoolStats } from './db/connection';
import { frameworkErrors, installErrorHandler, installNotFound } from './http/error-handler';
import { databaseChecks, installOperations, Readiness } from './http/operations';
import { installRequestIdHeader, requestIdOptions } from './http/request-id';
import { installSecurityHeaders } from './http/security-headers';
import { assertContractImplemented, implement } from './http/route-contract';
import { apiContract } from '../shared/routes/index';
import { readWebShell, serveWebApp } from './http/web-app';
import { installActorResolution } from './http/request-actor';
import { accountRoutes } from './modules/accounts/account-routes';
import { auditRoutes } from './modules/audit/audit-routes';
import { authRoutes } from './modules/auth/auth-routes';
import { createMailer, type Mailer } from './modules/auth/mailer';
import { oidcService } from './modules/auth/oidc-service';
import { DEMO_SITE, type OidcConfig, type TrustProxy } from './config';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './modules/auth/sign-in-limits';
import { registerDirectoryRoutes } from './modules/directory/directory-routes';
import { directoryResources } from './modules/registry';
import { conferenceJobs } from './modules/conferences/conference-jobs';
import { conferenceRoutes } from './modules/conferences/conference-routes';
import { eventRoutes } from './modules/events/event-routes';
import { importRoutes } from './modules/imports/import-routes';
import { statsRoutes } from './modules/stats/stats-routes';
import { territoryRoutes } from './modules/territories/territory-routes';
import { themeRoutes } from './modules/themes/theme-routes';
import { workspaceRoutes } from './modules/workspace/workspace-routes';
import { importJobs } from './modules/imports/import-jobs';
import { type JobQueue, type JobQueueOptions, startJobQueue } from './modules/jobs/job-queue';
import { jobRoutes } from './modules/jobs/job-routes';
import { notificationJobs } from './modules/notifications/notification-jobs';
import { notificationRoutes } from './modules/notifications/notification-routes';
import { decisionJobs } from './modules/decisions/decision-jobs';
import { decisionRoutes } from './modules/decisions/decision-routes';
import { hackathonJobs } from './modules/hackathons/hackathon-jobs';
import { hackathonRoutes } from './modules/hackathons/hackathon-routes';
import { challengeRoutes } from './modules/challenges/challenge-routes';
import { openDataRoutes } from './modules/open-data/open-data-routes';
import { relanceJobs } from './modules/relance/relance-jobs';
import { relanceRoutes } from './modules/relance/relance-routes';
import { sponsorshipJobs } from './modules/sponsorships/sponsorship-jobs';
import { sponsorshipRoutes } from './modules/sponsorships/sponsorship-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue started with the app. */
    jobs: JobQueue;
  }
}

export interface AppDeps {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** Session cookies marked Secure (everywhere but development). */
  secureCookies?: boolean;
  /** Sign-in limits: failures per e-mail and per client address in a window (defaults in sign-in-limits.ts). */
  signInLimits?: Partial<SignInLimits>;
  /** Whose X-Forwarded-For gives the client address (`TRUST_PROXY`); default none. */
  trustProxy?: TrustProxy;
  /** How e-mails leave (default: written to the log). */
  mailer?: Mailer;
  /** Base URL of links sent by e-mail and of the OpenID Connect redirections. */
  publicUrl?: string;
  /** OpenID Connect provider (ProConnect); none: the sign-in button is not offered. */
  oidc?: OidcConfig | undefined;
  /** Who runs the instance (legal notice); defaults describe a demonstration instance. */
  site?: SiteInfo;
  /** Strict-Transport-Security and upgrade-insecure-requests (production, served over HTTPS). */
  hsts?: boolean;
  /** What /readyz checks besides the database and its migrations (a module adds its own: see Readiness). */
  readiness?: Readiness;
  /** The database's connections at this instant, for /metrics. */
  poolStats?: () => PoolStats;
  /** `METRICS_TOKEN`: /metrics wants it as a bearer token; without it, /metrics answers the loopback only. */
  metricsToken?: string | undefined;
  /**
   * The job queue, started with the app and stopped when it closes. A server
   * runs the handlers (`work: true`); by default (tests, commands) jobs are
   * only sent, and run where a server works.
   */
  jobs?: JobQueueOptions;
  /** Above this many meetings a conference is scheduled by a job (default conference-service.ts). */
  conferenceScheduleJobThreshold?: number;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Build the HTTP application from its dependencies; no listen (tests inject). */
export async function buildApp(deps: AppDeps) {
  const hops = deps.trustProxy;
  // A hop count, as Fastify itself reads it (its types omit the number form).
  const trustProxy = typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : (hops ?? false);
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024, ajv: undefined, trustProxy, frameworkErrors, ...requestIdOptions });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestIdHeader(app);
  await installSecurityHeaders(app, { hsts: deps.hsts ?? false, shell: readWebShell() });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'API Essaim',
        description: "Le réseau national d'innovation sociale de l'ESS : collectifs, projets, structures, financeurs.",
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  // Without the top bar: its Swagger logo is an SVG with an inline <style>, which the CSP blocks.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { layout: 'BaseLayout' } });
  // gzip/brotli for whoever asks (browsers): the web bundle and large lists.
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(cookie);
  installActorResolution(app, deps.db);
  installNotFound(app, await serveWebApp(app));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const site = deps.site ?? DEMO_SITE;
  implement(app, siteRoutes.get, async () => site);
  const readiness = deps.readiness ?? new Readiness();
  for (const check of databaseChecks(deps.db)) readiness.add(check);
  installOperations(app, { readiness, poolStats: deps.poolStats, metricsToken: deps.metricsToken });

  for (const resource of directoryResources) registerDirectoryRoutes(app, deps.db, resource);
  const publicUrl = deps.publicUrl ?? 'http://localhost:3000';
  const mailer = deps.mailer ?? createMailer({ from: 'Essaim', log: (m) => app.log.info(m) });
  const definitions = [
    ...notificationJobs({ db: deps.db, mailer, publicUrl }),
    ...importJobs({ db: deps.db }),
    ...sponsorshipJobs({ db: deps.db }),
    ...conferenceJobs({ db: deps.db }),
    ...relanceJobs({ db: deps.db }),
    ...hackathonJobs({ db: deps.db }),
    ...reportJobs({ db: deps.db }),
    ...decisionJobs({ db: deps.db }),
  ];
  const jobs = await startJobQueue(deps.db, definitions, { ...deps.jobs, onError: (err) => app.log.error(err, 'file de tâches') });
  app.addHook('onClose', async () => jobs.stop());
  readiness.add({ name: 'queue', check: () => jobs.ready() });
  app.decorate('jobs', jobs);
  for (const routes of [
    themeRoutes,
    territoryRoutes,
    statsRoutes,
    auditRoutes,
    accountRoutes,
    workspaceRoutes,
    notificationRoutes,
    sponsorshipRoutes,
    relanceRoutes,
    indicatorRoutes,
    cooperationRoutes,
    decisionRoutes,
    hackathonRoutes,
    challengeRoutes,
    openDataRoutes,
  ])
    routes(app, deps.db);
  importRoutes(app, deps.db, jobs);
  conferenceRoutes(app, deps.db, { jobs, publicUrl, scheduleJobThreshold: deps.conferenceScheduleJobThreshold });
  jobRoutes(app, deps.db, definitions);
  reportRoutes(app, deps.db, jobs);
  eventRoutes(app, deps.db, { publicUrl });
  authRoutes(app, deps.db, {
    secureCookies: deps.secureCookies ?? false,
    signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, ...deps.signInLimits },
    mailer,
    publicUrl,
    oidc: deps.oidc && oidcService(deps.db, deps.oidc, { redirectUri: `${publicUrl}/api/auth/oidc/callback`, postLogoutRedirectUri: `${publicUrl}/` }),
  });
  assertContractImplemented(app, apiContract);
  return app;
}
