import type { FastifyInstance } from 'fastify';
import { registerSessionHook } from './modules/auth/guards.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerCalendarRoutes } from './modules/calendar/routes.ts';
import { registerCatalogRoutes } from './modules/catalog/routes.ts';
import { registerOrgRoutes } from './modules/org/routes.ts';
import type { Database } from './platform/db/connect.ts';
import { buildServer } from './platform/http/server.ts';

/** The whole HTTP application over an open database: every module's routes on the shared platform. */
export function buildApp(
  database: Database,
  options: { webDir?: string | undefined; logLevel?: string; trustProxy?: boolean } = {},
): Promise<FastifyInstance> {
  return buildServer({
    context: { db: database.db, dbKind: database.kind },
    plugins: [(app) => registerSessionHook(app, database.db)],
    modules: [registerAuthRoutes, registerOrgRoutes, registerCatalogRoutes, registerCalendarRoutes],
    ...options,
  });
}
