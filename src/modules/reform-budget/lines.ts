import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { loadPlan, planAreas } from '../reform-plan/plans.ts';
import { agencyNames, loadTask } from '../reform-plan/tasks.ts';
import { vietnamDate } from '../staff/staff-indicators.ts';
import type { LineEdit, LineInput, LinesQuery, LineView, StepAction } from './budget.types.ts';
import { actionBodies } from './budget.types.ts';
import { actorsOf, allowedActions, type BudgetActor, mayTake, nextStatus } from './budget-flow.ts';
import { type LineFigures, lineFigures, unspentCheckDate } from './budget-totals.ts';
import {
  type BudgetStatus,
  reformBudgetDisbursements,
  reformBudgetEvents,
  reformBudgetLines,
} from './schema.ts';
import { type BudgetSettings, loadSettings } from './settings.ts';

// Budget lines: create and edit (lead agency), the steps of budget-flow.ts with their data, reading with the
// figures, and the history. Every change checks the version read (409 when stale) and writes an event.

type LineRow = typeof reformBudgetLines.$inferSelect;
type Disbursement = typeof reformBudgetDisbursements.$inferSelect;

const stale = () => conflict('Dòng kinh phí vừa được người khác cập nhật; vui lòng tải lại trang.');
const wrongState = () =>
  new AppError('RULE', 'Dòng kinh phí không ở trạng thái cho phép thao tác này; vui lòng tải lại trang.');

const actionNames: Record<string, string> = {
  edit: 'sửa dự toán',
  propose: 'gửi đề xuất',
  cancel: 'hủy đề xuất',
  return: 'trả lại đề xuất',
  appraise: 'thẩm định',
  approve: 'phê duyệt',
  disburse: 'ghi nhận giải ngân',
  settle: 'quyết toán',
};

/** Reads every line: the reform office, the finance office, the approving committee, administrators. */
export function readsAll(principal: Principal, settings: BudgetSettings): boolean {
  if (isGlobalAdmin(principal) || hasRole(principal, 'reform_officer')) return true;
  const scope = agencyScope(principal);
  if (scope === 'all') return true;
  return (
    (settings.financeAgencyId !== null && scope.has(settings.financeAgencyId)) ||
    (settings.approvingAgencyId !== null && scope.has(settings.approvingAgencyId))
  );
}

const actorsFor = (principal: Principal, settings: BudgetSettings, leadAgencyId: string) =>
  actorsOf(principal.roles, {
    leadAgencyId,
    financeAgencyId: settings.financeAgencyId,
    approvingAgencyId: settings.approvingAgencyId,
  });

function requireReads(principal: Principal, settings: BudgetSettings, line: { leadAgencyId: string }) {
  if (readsAll(principal, settings)) return;
  const scope = agencyScope(principal);
  if (scope !== 'all' && !scope.has(line.leadAgencyId))
    throw forbidden('Bạn không có quyền xem kinh phí của nhiệm vụ này.');
}

function requireStep(action: keyof typeof actionNames, actors: Set<BudgetActor>) {
  if (!mayTake(action as Parameters<typeof mayTake>[0], actors)) {
    const who =
      action === 'appraise' || action === 'return' || action === 'disburse' || action === 'settle'
        ? 'Phòng Tài chính – Kế hoạch'
        : action === 'approve'
          ? 'lãnh đạo UBND thành phố'
          : 'cơ quan chủ trì nhiệm vụ';
    throw forbidden(`Chỉ ${who} được ${actionNames[action]}.`);
  }
}

async function loadRow(db: Db, id: string): Promise<LineRow> {
  const [row] = await db.select().from(reformBudgetLines).where(eq(reformBudgetLines.id, id)).limit(1);
  if (!row) throw notFound('Không tìm thấy dòng kinh phí.');
  return row;
}

async function disbursementsOf(db: Db, lines: LineRow[]): Promise<Map<string, Disbursement[]>> {
  const byLine = new Map<string, Disbursement[]>();
  if (lines.length === 0) return byLine;
  const units = [...new Set(lines.map((l) => l.ownerUnitId))];
  const rows = await db
    .select()
    .from(reformBudgetDisbursements)
    .where(
      and(
        inArray(reformBudgetDisbursements.ownerUnitId, units),
        inArray(
          reformBudgetDisbursements.lineId,
          lines.map((l) => l.id),
        ),
      ),
    )
    .orderBy(asc(reformBudgetDisbursements.paidOn), asc(reformBudgetDisbursements.recordedAt));
  for (const r of rows) byLine.set(r.lineId, [...(byLine.get(r.lineId) ?? []), r]);
  return byLine;
}

export const figuresOf = (
  line: LineRow,
  disbursements: Disbursement[],
  settings: BudgetSettings,
  today: string,
): LineFigures =>
  lineFigures(
    {
      status: line.status,
      year: line.year,
      proposedAmount: line.proposedAmount,
      appraisedAmount: line.appraisedAmount,
      approvedAmount: line.approvedAmount,
      settledAmount: line.settledAmount,
      disbursements: disbursements.map((d) => ({ amount: d.amount, paidOn: d.paidOn })),
    },
    settings.rule,
    today,
  );

/** Lines with their names (task, area, agency) and figures; the caller has filtered what the reader sees. */
export async function describeLines(
  db: Db,
  principal: Principal,
  settings: BudgetSettings,
  rows: LineRow[],
  now: Date,
): Promise<LineView[]> {
  const today = vietnamDate(now);
  const disbursements = await disbursementsOf(db, rows);
  const names = await agencyNames(
    db,
    rows.map((r) => r.leadAgencyId),
  );
  const tasks = new Map<string, { description: string }>();
  const areas = new Map<string, { code: string; title: string }>();
  for (const planId of new Set(rows.map((r) => r.planId))) {
    const plan = await loadPlan(db, planId);
    for (const a of await planAreas(db, plan)) areas.set(a.id, a);
  }
  for (const taskId of new Set(rows.map((r) => r.taskId))) {
    const found = await loadTask(db, taskId).catch(() => undefined);
    tasks.set(taskId, { description: found?.task.description ?? '(nhiệm vụ đã xóa)' });
  }
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    taskId: r.taskId,
    taskDescription: tasks.get(r.taskId)?.description ?? '',
    areaId: r.areaId,
    areaCode: areas.get(r.areaId)?.code ?? '',
    areaTitle: areas.get(r.areaId)?.title ?? '',
    leadAgencyId: r.leadAgencyId,
    leadAgencyName: names.get(r.leadAgencyId) ?? '',
    year: r.year,
    status: r.status,
    source: r.source,
    description: r.description,
    proposedAmount: r.proposedAmount,
    appraisedAmount: r.appraisedAmount,
    appraisalComment: r.appraisalComment,
    approvedAmount: r.approvedAmount,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    settledAmount: r.settledAmount,
    settlementDocument: r.settlementDocument,
    settledOn: r.settledOn,
    version: r.version,
    figures: figuresOf(r, disbursements.get(r.id) ?? [], settings, today),
    actions: allowedActions(r.status, actorsFor(principal, settings, r.leadAgencyId)),
  }));
}

/** The lines a reader may see, filtered; the lead agencies' officers see their own agencies' lines. */
export async function visibleRows(db: Db, principal: Principal, settings: BudgetSettings, query: LinesQuery) {
  const where: SQL[] = [];
  if (query.year) where.push(eq(reformBudgetLines.year, query.year));
  if (query.planId) where.push(eq(reformBudgetLines.planId, query.planId));
  if (query.areaId) where.push(eq(reformBudgetLines.areaId, query.areaId));
  if (query.agencyId) where.push(eq(reformBudgetLines.leadAgencyId, query.agencyId));
  if (query.status) where.push(eq(reformBudgetLines.status, query.status));
  if (!readsAll(principal, settings)) {
    const scope = agencyScope(principal);
    const own = scope === 'all' ? [] : [...scope];
    if (query.agencyId && !own.includes(query.agencyId))
      throw forbidden('Bạn không có quyền xem kinh phí của cơ quan này.');
    if (own.length === 0) return [];
    where.push(inArray(reformBudgetLines.leadAgencyId, own));
  }
  return db
    .select()
    .from(reformBudgetLines)
    .where(and(...where))
    .orderBy(desc(reformBudgetLines.year), asc(reformBudgetLines.createdAt));
}

export async function listLines(db: Db, principal: Principal, query: LinesQuery, now = new Date()) {
  const settings = await loadSettings(db);
  const rows = await visibleRows(db, principal, settings, query);
  return { items: await describeLines(db, principal, settings, rows, now) };
}

export async function getLine(db: Db, principal: Principal, id: string, now = new Date()) {
  const settings = await loadSettings(db);
  const row = await loadRow(db, id);
  requireReads(principal, settings, row);
  const [line] = await describeLines(db, principal, settings, [row], now);
  const disbursements = (await disbursementsOf(db, [row])).get(row.id) ?? [];
  const history = await db
    .select()
    .from(reformBudgetEvents)
    .where(and(eq(reformBudgetEvents.ownerUnitId, row.ownerUnitId), eq(reformBudgetEvents.lineId, row.id)))
    .orderBy(asc(reformBudgetEvents.id));
  return {
    line: line as LineView,
    disbursements: disbursements.map((d) => ({
      id: d.id,
      amount: d.amount,
      paidOn: d.paidOn,
      document: d.document,
    })),
    history: history.map((h) => ({
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actorName: h.actorName,
      at: h.at.toISOString(),
      data: h.data,
    })),
    unspentCheckDate: unspentCheckDate(row.year, settings.rule),
  };
}

async function event(
  tx: Db,
  line: LineRow,
  action: string,
  toStatus: BudgetStatus,
  principal: Principal,
  now: Date,
  data: Record<string, unknown>,
  fromStatus: BudgetStatus | null = line.status,
) {
  await tx.insert(reformBudgetEvents).values({
    ownerUnitId: line.ownerUnitId,
    lineId: line.id,
    action,
    fromStatus,
    toStatus,
    actorUserId: principal.userId,
    actorName: principal.fullName,
    at: now,
    data,
  });
}

export async function createLine(db: Db, principal: Principal, input: LineInput, now = new Date()) {
  const settings = await loadSettings(db);
  const { task, plan } = await loadTask(db, input.taskId).catch(() => {
    throw invalid('taskId', 'Không tìm thấy nhiệm vụ.');
  });
  requireStep('propose', actorsFor(principal, settings, task.leadAgencyId));
  if (input.year < plan.fromYear || input.year > plan.toYear)
    throw invalid('year', `Năm phải trong giai đoạn ${plan.fromYear}–${plan.toYear} của kế hoạch.`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reformBudgetLines)
      .values({
        ownerUnitId: plan.ownerUnitId,
        planId: plan.id,
        taskId: task.id,
        areaId: task.areaId,
        leadAgencyId: task.leadAgencyId,
        year: input.year,
        status: 'draft',
        source: input.source,
        description: input.description.normalize('NFC'),
        proposedAmount: input.proposedAmount,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const line = row as LineRow;
    await event(
      tx,
      line,
      'create',
      'draft',
      principal,
      now,
      {
        proposedAmount: input.proposedAmount,
        source: input.source,
      },
      null,
    );
    return { id: line.id };
  });
}

async function bump(tx: Db, line: LineRow, version: number, set: Partial<LineRow>, now: Date) {
  const [updated] = await tx
    .update(reformBudgetLines)
    .set({ ...set, version: line.version + 1, updatedAt: now })
    .where(
      and(
        eq(reformBudgetLines.ownerUnitId, line.ownerUnitId),
        eq(reformBudgetLines.id, line.id),
        eq(reformBudgetLines.version, version),
      ),
    )
    .returning({ id: reformBudgetLines.id });
  if (!updated) throw stale();
}

export async function editLine(db: Db, principal: Principal, id: string, input: LineEdit, now = new Date()) {
  const settings = await loadSettings(db);
  const line = await loadRow(db, id);
  requireReads(principal, settings, line);
  requireStep('edit', actorsFor(principal, settings, line.leadAgencyId));
  if (line.version !== input.version) throw stale();
  if (!nextStatus(line.status, 'edit')) throw wrongState();
  await db.transaction(async (tx) => {
    await bump(
      tx,
      line,
      input.version,
      {
        source: input.source,
        description: input.description.normalize('NFC'),
        proposedAmount: input.proposedAmount,
      },
      now,
    );
    await event(tx, line, 'edit', line.status, principal, now, {
      proposedAmount: input.proposedAmount,
      source: input.source,
    });
  });
}

/** One step of the flow, its body validated against the action's schema by the route. */
export async function takeStep(
  db: Db,
  principal: Principal,
  id: string,
  action: StepAction,
  body: unknown,
  now = new Date(),
) {
  const parsed = actionBodies[action].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue?.path.join('.') || 'body', issue?.message ?? 'Dữ liệu không hợp lệ.');
  }
  const input = parsed.data as z.infer<(typeof actionBodies)['disburse']> &
    z.infer<(typeof actionBodies)['approve']> &
    z.infer<(typeof actionBodies)['appraise']> &
    z.infer<(typeof actionBodies)['settle']> & { comment?: string };
  const settings = await loadSettings(db);
  const line = await loadRow(db, id);
  requireReads(principal, settings, line);
  requireStep(action, actorsFor(principal, settings, line.leadAgencyId));
  if (line.version !== input.version) throw stale();
  const to = nextStatus(line.status, action);
  if (!to) throw wrongState();
  const today = vietnamDate(now);
  let set: Partial<LineRow> = { status: to };
  let data: Record<string, unknown> = {};
  if (action === 'return' || action === 'cancel') data = { comment: input.comment ?? null };
  if (action === 'appraise') {
    set = { ...set, appraisedAmount: input.appraisedAmount, appraisalComment: input.comment ?? null };
    data = { appraisedAmount: input.appraisedAmount, comment: input.comment ?? null };
  }
  if (action === 'approve') {
    if (input.decisionDate > today) throw invalid('decisionDate', 'Ngày quyết định không được sau hôm nay.');
    set = {
      ...set,
      approvedAmount: input.approvedAmount,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
    };
    data = {
      approvedAmount: input.approvedAmount,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
    };
  }
  if (action === 'disburse') {
    if (input.paidOn > today) throw invalid('paidOn', 'Ngày giải ngân không được sau hôm nay.');
    if (line.decisionDate && input.paidOn < line.decisionDate)
      throw invalid('paidOn', 'Ngày giải ngân không được trước ngày quyết định phê duyệt.');
    data = { amount: input.amount, paidOn: input.paidOn, document: input.document };
  }
  if (action === 'settle') {
    if (input.settledOn > today) throw invalid('settledOn', 'Ngày quyết toán không được sau hôm nay.');
    if (line.decisionDate && input.settledOn < line.decisionDate)
      throw invalid('settledOn', 'Ngày quyết toán không được trước ngày quyết định phê duyệt.');
    set = {
      ...set,
      settledAmount: input.settledAmount,
      settlementDocument: input.document,
      settledOn: input.settledOn,
    };
    data = { settledAmount: input.settledAmount, document: input.document, settledOn: input.settledOn };
  }
  await db.transaction(async (tx) => {
    await bump(tx, line, input.version, set, now);
    if (action === 'disburse')
      await tx.insert(reformBudgetDisbursements).values({
        ownerUnitId: line.ownerUnitId,
        lineId: line.id,
        amount: input.amount,
        paidOn: input.paidOn,
        document: input.document,
        recordedBy: principal.userId,
        recordedAt: now,
      });
    await event(tx, line, action, to, principal, now, data);
  });
}
