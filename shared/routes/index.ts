import type { RouteDef } from './contract';
import { directoryRoutesByResource } from './directory.routes';
import { jobRoutes } from './jobs.routes';
import { notificationRoutes } from './notifications.routes';
import { themeRoutes } from './themes.routes';

/**
 * Every route of the API's contract. The server refuses to start when one has
 * no handler; the authorisation matrix test calls each one as every role.
 */
export const apiContract: readonly RouteDef[] = [
  ...Object.values(directoryRoutesByResource).flatMap((r) => Object.values(r)),
  ...Object.values(themeRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(jobRoutes),
];
