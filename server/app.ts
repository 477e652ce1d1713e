import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/connection';
import { installErrorHandler } from './http/error-handler';
import { collectiveRoutes } from './modules/collectives/collective-routes';
import { fundRoutes } from './modules/funds/fund-routes';
import { organisationRoutes } from './modules/organisations/organisation-routes';
import { personRoutes } from './modules/people/person-routes';
import { pioneerRoutes } from './modules/pioneers/pioneer-routes';
import { projectRoutes } from './modules/projects/project-routes';
import { sectorProgrammeRoutes } from './modules/sector-programmes/sector-programme-routes';
import { statsRoutes } from './modules/stats/stats-routes';
import { territoryRoutes } from './modules/territories/territory-routes';
import { themeRoutes } from './modules/themes/theme-routes';

export interface AppDeps {
  db: Database;
  logger?: FastifyServerOptions['logger'];
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Build the HTTP application from its dependencies; no listen (tests inject). */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024, ajv: undefined });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.selectFrom('themes').select('code').limit(1).execute();
    return { status: 'ok' };
  });

  for (const routes of [
    collectiveRoutes,
    projectRoutes,
    organisationRoutes,
    personRoutes,
    fundRoutes,
    pioneerRoutes,
    sectorProgrammeRoutes,
    themeRoutes,
    territoryRoutes,
    statsRoutes,
  ])
    routes(app, deps.db);
  return app;
}
