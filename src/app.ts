import type { FastifyInstance } from 'fastify';
import { registerSessionHook } from './modules/auth/guards.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerCalendarRoutes } from './modules/calendar/routes.ts';
import { registerCatalogRoutes } from './modules/catalog/routes.ts';
import { registerDossierFormRoutes } from './modules/dossier/forms-routes.ts';
import { recomputeOpenDossiers } from './modules/dossier/recompute-open-dossiers.ts';
import { registerDossierRoutes } from './modules/dossier/routes.ts';
import { registerOrgRoutes } from './modules/org/routes.ts';
import type { Database } from './platform/db/connect.ts';
import { LocalFileStore } from './platform/files/file-store.ts';
import { buildServer } from './platform/http/server.ts';

/** The whole HTTP application over an open database: every module's routes on the shared platform. */
export function buildApp(
  database: Database,
  options: { filesDir: string; webDir?: string | undefined; logLevel?: string; trustProxy?: boolean },
): Promise<FastifyInstance> {
  const { filesDir, ...serverOptions } = options;
  return buildServer({
    context: {
      db: database.db,
      dbKind: database.kind,
      files: new LocalFileStore(filesDir),
      onScheduleChanged: (change) => recomputeOpenDossiers(database.db, change),
    },
    plugins: [(app) => registerSessionHook(app, database.db)],
    modules: [
      registerAuthRoutes,
      registerOrgRoutes,
      registerCatalogRoutes,
      registerCalendarRoutes,
      registerDossierRoutes,
      registerDossierFormRoutes,
    ],
    ...serverOptions,
  });
}
