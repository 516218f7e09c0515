import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { startAuditSealer } from './modules/audit/seal-worker.ts';
import { type AuthOptions, authRuntime } from './modules/auth/auth-runtime.ts';
import { registerSessionHook } from './modules/auth/guards.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { registerCalendarRoutes } from './modules/calendar/routes.ts';
import { registerCatalogRoutes } from './modules/catalog/routes.ts';
import { registerDocumentRoutes } from './modules/documents/routes.ts';
import { registerDossierFormRoutes } from './modules/dossier/forms-routes.ts';
import { registerOnlineRoutes } from './modules/dossier/online-routes.ts';
import { recomputeOpenDossiers } from './modules/dossier/recompute-open-dossiers.ts';
import { registerDossierRoutes } from './modules/dossier/routes.ts';
import { registerEgovAssessmentRoutes } from './modules/egov-assessment/routes.ts';
import { registerEvaluationRoutes } from './modules/evaluation/routes.ts';
import { registerFeedbackRoutes } from './modules/feedback/routes.ts';
import { registerIdempotencyCleanup } from './modules/idempotency/cleanup.ts';
import { interopRoutes } from './modules/interop/routes.ts';
import { type InteropWorkerOptions, startInteropWorker } from './modules/interop/worker.ts';
import { startKpiRollup } from './modules/kpi/rollup-worker.ts';
import { kpiRoutes } from './modules/kpi/routes.ts';
import { registerMeetingRoutes } from './modules/meetings/routes.ts';
import { registerNewsRoutes } from './modules/news/routes.ts';
import { adaptersFromConfig, configuredChannels } from './modules/notify/adapters/from-config.ts';
import { notifyRoutes } from './modules/notify/routes.ts';
import { startNotificationWorker, type WorkerOptions } from './modules/notify/worker.ts';
import { registerOrgRoutes } from './modules/org/routes.ts';
import { type PaymentsOptions, paymentsRoutes } from './modules/payments/index.ts';
import { registerPositionRoutes } from './modules/positions/routes.ts';
import { registerProcedureReviewRoutes } from './modules/procedure-review/routes.ts';
import { registerRatingRoutes } from './modules/ratings/routes.ts';
import { registerReformBudgetRoutes } from './modules/reform-budget/routes.ts';
import { registerReformIndexRoutes } from './modules/reform-index/routes.ts';
import type { ReminderSettings } from './modules/reform-plan/reminder-schedule.ts';
import { startReformReminders } from './modules/reform-plan/reminder-worker.ts';
import { registerReformPlanRoutes } from './modules/reform-plan/routes.ts';
import { registerReformReportRoutes } from './modules/reform-report/routes.ts';
import { registerReportRoutes } from './modules/reports/routes.ts';
import { registerStaffRoutes } from './modules/staff/routes.ts';
import { registerSurveyRoutes } from './modules/surveys/routes.ts';
import type { NotifyConfig, OidcConfig, TrustProxy } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { type FileStore, LocalFileStore } from './platform/files/file-store.ts';
import type { UploadLimits } from './platform/files/upload-limits.ts';
import { buildServer } from './platform/http/server.ts';

export interface AppOptions {
  /** Uploaded files on local disk here, unless `files` is given. */
  filesDir?: string;
  /** The file store (S3 or local) chosen from the configuration. */
  files?: FileStore;
  uploadLimits?: UploadLimits;
  webDir?: string | undefined;
  logLevel?: string;
  trustProxy?: TrustProxy;
  metricsToken?: string | undefined;
  /** Sign-in with the national electronic identity (off when absent). */
  oidc?: OidcConfig | undefined;
  /** Session lifetimes (SESSION_* variables) and, in tests, the clock. */
  auth?: AuthOptions;
  /** External notification channels (none when absent: in-app messages only). */
  notify?: NotifyConfig;
  /** Start the outbox worker with the app and stop it on close (production; tests only when they ask). */
  notificationWorker?: boolean | Partial<Omit<WorkerOptions, 'db' | 'log'>>;
  /** Keep the indicator aggregates up to date in the background (production; tests roll up explicitly). */
  kpiRollup?: boolean | { pollMs?: number };
  /** Online payment of fees (VNPAY_* variables when absent). */
  payments?: PaymentsOptions;
  /** Send the reform tasks' deadline reminders in the background (production; tests run them explicitly). */
  reformReminders?: boolean | { intervalMs?: number; firstRunMs?: number; settings?: ReminderSettings };
  /** Chain new audit entries in the background (production; tests seal explicitly or through verify). */
  auditSealer?: boolean | { pollMs?: number };
  /** Push dossier status changes to subscribed systems (production; tests run rounds explicitly). */
  interopWorker?: boolean | Partial<Omit<InteropWorkerOptions, 'db' | 'log'>>;
}

const noChannels: NotifyConfig = { email: undefined, sms: undefined, zalo: undefined };

/** The whole HTTP application over an open database: every module's routes on the shared platform. */
export async function buildApp(database: Database, options: AppOptions): Promise<FastifyInstance> {
  const {
    filesDir,
    files,
    uploadLimits,
    notify = noChannels,
    notificationWorker,
    kpiRollup,
    payments,
    oidc,
    auth,
    reformReminders,
    interopWorker,
    auditSealer,
    ...serverOptions
  } = options;
  const channels = configuredChannels(notify);
  const authRt = authRuntime(database.db, auth);
  let worker: ReturnType<typeof startNotificationWorker> | undefined;
  let interop: ReturnType<typeof startInteropWorker> | undefined;
  const app = await buildServer({
    context: {
      notify: { channels, queued: () => worker?.nudge() },
      db: database.db,
      dbKind: database.kind,
      files: files ?? new LocalFileStore(requireFilesDir(filesDir)),
      ...(uploadLimits ? { uploadLimits } : {}),
      onScheduleChanged: (change) => recomputeOpenDossiers(database.db, change),
    },
    plugins: [(app) => registerSessionHook(app, authRt)],
    modules: [
      authRoutes({ oidc, runtime: authRt }),
      registerOrgRoutes,
      registerCatalogRoutes,
      registerCalendarRoutes,
      registerDossierRoutes,
      registerDossierFormRoutes,
      registerOnlineRoutes,
      registerRatingRoutes,
      notifyRoutes({ channels }),
      registerReportRoutes,
      kpiRoutes(),
      registerEvaluationRoutes,
      registerSurveyRoutes,
      registerFeedbackRoutes,
      registerDocumentRoutes,
      registerStaffRoutes,
      registerReformPlanRoutes,
      registerReformIndexRoutes,
      registerReformReportRoutes,
      paymentsRoutes(payments),
      registerPositionRoutes,
      registerReformBudgetRoutes,
      registerMeetingRoutes,
      registerNewsRoutes,
      registerProcedureReviewRoutes,
      registerEgovAssessmentRoutes,
      interopRoutes({ filed: () => interop?.nudge() }),
      registerAuditRoutes,
      registerIdempotencyCleanup,
    ],
    ...serverOptions,
  });
  if (kpiRollup) {
    const rollup = startKpiRollup({
      db: database.db,
      log: app.log,
      ...(typeof kpiRollup === 'object' ? kpiRollup : {}),
    });
    app.addHook('onClose', () => rollup.stop());
  }
  if (auditSealer) {
    const sealer = startAuditSealer({
      db: database.db,
      log: app.log,
      ...(typeof auditSealer === 'object' ? auditSealer : {}),
    });
    app.addHook('onClose', () => sealer.stop());
  }
  if (reformReminders) {
    const reminders = startReformReminders({
      db: database.db,
      channels,
      queued: () => worker?.nudge(),
      log: app.log,
      ...(typeof reformReminders === 'object' ? reformReminders : {}),
    });
    app.addHook('onClose', () => reminders.stop());
  }
  if (interopWorker) {
    const started = startInteropWorker({
      db: database.db,
      log: app.log,
      ...(typeof interopWorker === 'object' ? interopWorker : {}),
    });
    interop = started;
    app.addHook('onClose', () => started.stop());
  }
  if (notificationWorker) {
    const started = startNotificationWorker({
      db: database.db,
      adapters: adaptersFromConfig(notify),
      log: app.log,
      ...(typeof notificationWorker === 'object' ? notificationWorker : {}),
    });
    // Stopped before the caller closes the database: sends in flight are recorded first.
    worker = started;
    app.addHook('onClose', () => started.stop());
  }
  return app;
}

function requireFilesDir(filesDir: string | undefined): string {
  if (!filesDir) throw new Error('buildApp: filesDir or files is required');
  return filesDir;
}
