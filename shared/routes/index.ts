import { accountRoutes } from './accounts.routes';
import { auditRoutes } from './audit.routes';
import { challengeRoutes } from './challenges.routes';
import { conferenceRoutes } from './conferences.routes';
import { cooperationRoutes } from './cooperation.routes';
import { authRoutes } from './auth.routes';
import type { RouteDef } from './contract';
import { decisionRoutes } from './decisions.routes';
import { directoryRoutesByResource } from './directory.routes';
import { eventRoutes } from './events.routes';
import { hackathonRoutes } from './hackathons.routes';
import { importRoutes } from './imports.routes';
import { indicatorRoutes } from './indicators.routes';
import { reportRoutes } from './reports.routes';
import { siteRoutes } from './site.routes';
import { statsRoutes } from './stats.routes';
import { territoryRoutes } from './territories.routes';
import { jobRoutes } from './jobs.routes';
import { notificationRoutes } from './notifications.routes';
import { openDataRoutes } from './open-data.routes';
import { relanceRoutes } from './relance.routes';
import { sponsorshipRoutes } from './sponsorships.routes';
import { themeRoutes } from './themes.routes';
import { workspaceRoutes } from './workspace.routes';

/**
 * Every route of the API's contract. The server refuses to start when one has
 * no handler; the authorisation matrix test calls each one as every role and
 * fails on a documented route that is not here.
 */
export const apiContract: readonly RouteDef[] = [
  ...Object.values(directoryRoutesByResource).flatMap((r) => Object.values(r)),
  ...[
    themeRoutes,
    territoryRoutes,
    statsRoutes,
    importRoutes,
    auditRoutes,
    accountRoutes,
    workspaceRoutes,
    authRoutes,
    siteRoutes,
    notificationRoutes,
    jobRoutes,
    conferenceRoutes,
    eventRoutes,
    hackathonRoutes,
    sponsorshipRoutes,
    relanceRoutes,
    indicatorRoutes,
    reportRoutes,
    cooperationRoutes,
    decisionRoutes,
    challengeRoutes,
    openDataRoutes,
  ].flatMap((r) => Object.values(r)),
];
