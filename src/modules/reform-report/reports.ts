import { and, asc, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { loadPlan, planAreas } from '../reform-plan/plans.ts';
import { vietnamToday } from '../reform-plan/schedule.ts';
import { reformPlans } from '../reform-plan/schema.ts';
import { snapshotFigures } from './figures-snapshot.ts';
import {
  canFill,
  canSubmit,
  isReviewer,
  requireFill,
  requireRead,
  requireReviewer,
  requireSubmit,
} from './report-access.ts';
import { isLate, reportDeadline, reviewDeadline } from './report-figures.ts';
import type { CreateReportInput, UpdateReportInput } from './report-model.ts';
import { type ReportStatus, reformReportEvents, reformReports } from './schema.ts';

export type ReportRow = typeof reformReports.$inferSelect;

const STALE = 'Báo cáo vừa được người khác cập nhật; vui lòng tải lại.';

/** The plan a year's reports belong to: the given one, or the newest issued plan whose period covers the year. */
export async function planOfYear(db: Db, year: number, planId?: string) {
  if (planId) {
    const plan = await loadPlan(db, planId);
    if (year < plan.fromYear || year > plan.toYear)
      throw invalid(
        'year',
        `Năm ${year} nằm ngoài giai đoạn của kế hoạch (${plan.fromYear}–${plan.toYear}).`,
      );
    return plan;
  }
  const [plan] = await db
    .select()
    .from(reformPlans)
    .where(
      and(lte(reformPlans.fromYear, year), gte(reformPlans.toYear, year), ne(reformPlans.status, 'draft')),
    )
    .orderBy(desc(reformPlans.fromYear))
    .limit(1);
  if (!plan) throw invalid('year', `Chưa có kế hoạch CCHC nào cho năm ${year}.`);
  return plan;
}

async function loadAgency(db: Db, id: string) {
  const [agency] = await db
    .select({ id: agencies.id, unitId: agencies.unitId, kind: agencies.kind, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id));
  if (!agency) throw invalid('agencyId', 'Cơ quan, đơn vị không tồn tại.');
  return agency;
}

export async function loadReport(db: Db, id: string): Promise<ReportRow> {
  const [report] = await db.select().from(reformReports).where(eq(reformReports.id, id)).limit(1);
  if (!report) throw notFound('Không tìm thấy báo cáo.');
  return report;
}

async function record(
  tx: Db,
  report: ReportRow,
  action: string,
  actor: Principal,
  at: Date,
  data: Record<string, unknown> = {},
) {
  await tx.insert(reformReportEvents).values({
    ownerUnitId: report.ownerUnitId,
    reportId: report.id,
    action,
    actorUserId: actor.userId,
    actorName: actor.fullName,
    at,
    data,
  });
}

/** Writes a change if the report is still at the version the caller saw, and records the step. */
async function change(
  db: Db,
  report: ReportRow,
  expectedVersion: number,
  values: Partial<typeof reformReports.$inferInsert>,
  event: { action: string; actor: Principal; at: Date; data?: Record<string, unknown> },
): Promise<ReportRow> {
  if (report.version !== expectedVersion) throw conflict(STALE);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reformReports)
      .set({ ...values, version: report.version + 1, updatedAt: event.at })
      .where(
        and(
          eq(reformReports.ownerUnitId, report.ownerUnitId),
          eq(reformReports.id, report.id),
          eq(reformReports.version, expectedVersion),
        ),
      )
      .returning();
    if (!updated) throw conflict(STALE);
    await record(tx, updated, event.action, event.actor, event.at, event.data);
    return updated;
  });
}

const editable = (s: ReportStatus) => s === 'draft' || s === 'returned';
const underReview = (s: ReportStatus) => s === 'submitted' || s === 'resubmitted';

function requireEditable(report: ReportRow) {
  if (!editable(report.status))
    throw new AppError('CONFLICT', 'Báo cáo đã gửi; chỉ sửa được khi còn là bản nháp hoặc bị trả lại.');
}

export async function createReport(db: Db, principal: Principal, input: CreateReportInput, now = new Date()) {
  const agency = await loadAgency(db, input.agencyId);
  requireFill(principal, agency.id);
  const plan = await planOfYear(db, input.year, input.planId);
  const [existing] = await db
    .select({ id: reformReports.id })
    .from(reformReports)
    .where(
      and(
        eq(reformReports.ownerUnitId, agency.unitId),
        eq(reformReports.agencyId, agency.id),
        eq(reformReports.planId, plan.id),
        eq(reformReports.year, input.year),
      ),
    );
  if (existing) throw conflict(`${agency.name} đã có báo cáo CCHC năm ${input.year}.`);
  const figures = await snapshotFigures(db, agency, input.year, now);
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(reformReports)
      .values({
        ownerUnitId: agency.unitId,
        planId: plan.id,
        agencyId: agency.id,
        year: input.year,
        status: 'draft',
        figures,
        figuresAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!report) throw new Error('insert returned nothing');
    await record(tx, report, 'created', principal, now);
    return report;
  });
}

export async function updateReport(
  db: Db,
  principal: Principal,
  report: ReportRow,
  input: UpdateReportInput,
  now = new Date(),
) {
  requireFill(principal, report.agencyId);
  requireEditable(report);
  const { version, areaTexts, ...texts } = input;
  if (areaTexts) {
    const plan = await loadPlan(db, report.planId);
    const known = new Set((await planAreas(db, plan)).filter((a) => a.kind === 'task_area').map((a) => a.id));
    const unknown = Object.keys(areaTexts).find((id) => !known.has(id));
    if (unknown) throw invalid(`areaTexts.${unknown}`, 'Lĩnh vực không thuộc kế hoạch của báo cáo.');
  }
  return change(
    db,
    report,
    version,
    { ...texts, ...(areaTexts ? { areaTexts: { ...report.areaTexts, ...areaTexts } } : {}) },
    {
      action: 'edited',
      actor: principal,
      at: now,
      data: { fields: Object.keys(input).filter((k) => k !== 'version') },
    },
  );
}

export async function refreshFigures(
  db: Db,
  principal: Principal,
  report: ReportRow,
  version: number,
  now = new Date(),
) {
  requireFill(principal, report.agencyId);
  requireEditable(report);
  const agency = await loadAgency(db, report.agencyId);
  const figures = await snapshotFigures(db, agency, report.year, now);
  return change(
    db,
    report,
    version,
    { figures, figuresAt: now },
    { action: 'figures_refreshed', actor: principal, at: now },
  );
}

export async function submitReport(
  db: Db,
  principal: Principal,
  report: ReportRow,
  version: number,
  now = new Date(),
) {
  requireSubmit(principal, report.agencyId);
  requireEditable(report);
  const plan = await loadPlan(db, report.planId);
  const areas = (await planAreas(db, plan)).filter((a) => a.kind === 'task_area');
  if (!report.summary.trim()) throw invalid('summary', 'Vui lòng nhập đánh giá chung trước khi gửi báo cáo.');
  const empty = areas.find((a) => !report.areaTexts[a.id]?.trim());
  if (empty)
    throw invalid(
      `areaTexts.${empty.id}`,
      `Vui lòng nhập kết quả thực hiện lĩnh vực "${empty.code}. ${empty.title}".`,
    );
  const status: ReportStatus = report.status === 'returned' ? 'resubmitted' : 'submitted';
  return change(
    db,
    report,
    version,
    { status, submittedAt: now, firstSubmittedAt: report.firstSubmittedAt ?? now },
    { action: status, actor: principal, at: now },
  );
}

export async function returnReport(
  db: Db,
  principal: Principal,
  report: ReportRow,
  input: { version: number; comment: string },
  now = new Date(),
) {
  requireReviewer(principal);
  if (!underReview(report.status)) throw conflict('Chỉ trả lại được báo cáo đã gửi và chưa được chấp nhận.');
  return change(
    db,
    report,
    input.version,
    { status: 'returned', reviewComment: input.comment },
    { action: 'returned', actor: principal, at: now, data: { comment: input.comment } },
  );
}

export async function acceptReport(
  db: Db,
  principal: Principal,
  report: ReportRow,
  version: number,
  now = new Date(),
) {
  requireReviewer(principal);
  if (!underReview(report.status))
    throw conflict('Chỉ chấp nhận được báo cáo đã gửi và chưa được chấp nhận.');
  return change(
    db,
    report,
    version,
    { status: 'accepted', acceptedAt: now },
    { action: 'accepted', actor: principal, at: now },
  );
}

const vnDate = (at: Date | null) => (at ? vietnamToday(at) : null);

/** A report with its plan's task areas, history and what the reader may do. */
export async function reportView(db: Db, principal: Principal, report: ReportRow, now = new Date()) {
  requireRead(principal, report.agencyId);
  const plan = await loadPlan(db, report.planId);
  const [areas, agency, events] = await Promise.all([
    planAreas(db, plan),
    loadAgency(db, report.agencyId),
    db
      .select()
      .from(reformReportEvents)
      .where(
        and(
          eq(reformReportEvents.ownerUnitId, report.ownerUnitId),
          eq(reformReportEvents.reportId, report.id),
        ),
      )
      .orderBy(asc(reformReportEvents.id)),
  ]);
  return {
    id: report.id,
    agency: { id: agency.id, name: agency.name },
    plan: { id: plan.id, title: plan.title },
    year: report.year,
    status: report.status,
    deadline: reportDeadline(report.year),
    late: isLate(report.year, vnDate(report.firstSubmittedAt), vietnamToday(now)),
    figures: report.figures,
    figuresAt: report.figuresAt,
    areas: areas
      .filter((a) => a.kind === 'task_area')
      .map((a) => ({ ...a, text: report.areaTexts[a.id] ?? '' })),
    summary: report.summary,
    difficulties: report.difficulties,
    proposals: report.proposals,
    reviewComment: report.reviewComment,
    firstSubmittedAt: report.firstSubmittedAt,
    submittedAt: report.submittedAt,
    acceptedAt: report.acceptedAt,
    version: report.version,
    events: events.map((e) => ({ action: e.action, actorName: e.actorName, at: e.at, data: e.data })),
    can: {
      edit: editable(report.status) && canFill(principal, report.agencyId),
      submit: editable(report.status) && canSubmit(principal, report.agencyId),
      review: underReview(report.status) && isReviewer(principal),
    },
  };
}

/** A year's reports the reader may see, and the agencies the reader may still start a report for. */
export async function listReports(
  db: Db,
  principal: Principal,
  year: number,
  planId?: string,
  now = new Date(),
) {
  const plan = await planOfYear(db, year, planId);
  const scope = isReviewer(principal) ? 'all' : agencyScope(principal);
  const own = scope === 'all' ? null : [...scope];
  const rows =
    own && own.length === 0
      ? []
      : await db
          .select({
            id: reformReports.id,
            agencyId: reformReports.agencyId,
            agencyName: agencies.name,
            status: reformReports.status,
            firstSubmittedAt: reformReports.firstSubmittedAt,
            submittedAt: reformReports.submittedAt,
            acceptedAt: reformReports.acceptedAt,
            updatedAt: reformReports.updatedAt,
          })
          .from(reformReports)
          .innerJoin(agencies, eq(agencies.id, reformReports.agencyId))
          .where(
            and(
              eq(reformReports.planId, plan.id),
              eq(reformReports.year, year),
              own ? inArray(reformReports.agencyId, own) : undefined,
            ),
          );
  const today = vietnamToday(now);
  const items = rows
    .map((r) => ({ ...r, late: isLate(year, vnDate(r.firstSubmittedAt), today) }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
  const started = new Set(rows.map((r) => r.agencyId));
  const fillable = isGlobalAdminOnly(principal)
    ? []
    : own
      ? (own.length === 0
          ? []
          : await db
              .select({ id: agencies.id, name: agencies.name })
              .from(agencies)
              .where(inArray(agencies.id, own))
        ).filter((a) => !started.has(a.id))
      : [];
  return {
    year,
    plan: { id: plan.id, title: plan.title, fromYear: plan.fromYear, toYear: plan.toYear },
    deadline: reportDeadline(year),
    reviewDeadline: reviewDeadline(year),
    items,
    /** Agencies of the reader without a report for the year yet. */
    canStart: fillable.sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

/** Administrators see everything; they start reports only through the API with an explicit agency. */
function isGlobalAdminOnly(principal: Principal) {
  return agencyScope(principal) === 'all';
}
