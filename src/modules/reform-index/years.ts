import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import type { CreateYearInput, UpdateYearInput } from './index-model.ts';
import { storeComputedScores } from './measure.ts';
import { reformIndexNodes, reformIndexParticipants, reformIndexYears, type YearStatus } from './schema.ts';
import { DEFAULT_GRADE_BANDS, DEFAULT_REWARD_RULE, maxTotalOf, treeProblems } from './scoring.ts';
import { nextStatus, statusLabel } from './workflow.ts';

export type YearRow = typeof reformIndexYears.$inferSelect;
export type NodeRow = typeof reformIndexNodes.$inferSelect;

export async function loadYear(db: Db, id: string): Promise<YearRow> {
  const [year] = await db.select().from(reformIndexYears).where(eq(reformIndexYears.id, id)).limit(1);
  if (!year) throw notFound('Không tìm thấy kỳ đánh giá Chỉ số CCHC.');
  return year;
}

export async function listYears(db: Db, onlyPublished = false) {
  const rows = await db
    .select({
      id: reformIndexYears.id,
      year: reformIndexYears.year,
      title: reformIndexYears.title,
      status: reformIndexYears.status,
      selfDeadline: reformIndexYears.selfDeadline,
      publishedAt: reformIndexYears.publishedAt,
    })
    .from(reformIndexYears)
    .where(onlyPublished ? eq(reformIndexYears.status, 'published') : undefined)
    .orderBy(desc(reformIndexYears.year));
  return { items: rows.map((r) => ({ ...r, statusLabel: statusLabel[r.status] })) };
}

export async function yearNodes(db: Db, year: YearRow): Promise<NodeRow[]> {
  return db
    .select()
    .from(reformIndexNodes)
    .where(and(eq(reformIndexNodes.ownerUnitId, year.ownerUnitId), eq(reformIndexNodes.yearId, year.id)))
    .orderBy(asc(reformIndexNodes.ordinal), asc(reformIndexNodes.code));
}

export async function yearParticipants(db: Db, year: YearRow) {
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      kind: agencies.kind,
      unitId: agencies.unitId,
      parentAgencyId: agencies.parentAgencyId,
    })
    .from(reformIndexParticipants)
    .innerJoin(agencies, eq(agencies.id, reformIndexParticipants.agencyId))
    .where(
      and(
        eq(reformIndexParticipants.ownerUnitId, year.ownerUnitId),
        eq(reformIndexParticipants.yearId, year.id),
      ),
    )
    .orderBy(asc(agencies.name));
}

async function checkAgencies(db: Db, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return wanted;
  const found = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, wanted));
  if (found.length !== wanted.length) throw invalid('agencyIds', 'Cơ quan không tồn tại.');
  return wanted;
}

/** A year of the reform office's unit; with `copyFromYearId`, its tree, bands, reward rule and agencies. */
export async function createYear(db: Db, ownerUnitId: string, input: CreateYearInput, now = new Date()) {
  const source = input.copyFromYearId ? await loadYear(db, input.copyFromYearId) : null;
  const [taken] = await db
    .select({ id: reformIndexYears.id })
    .from(reformIndexYears)
    .where(and(eq(reformIndexYears.ownerUnitId, ownerUnitId), eq(reformIndexYears.year, input.year)));
  if (taken) throw invalid('year', `Đã có kỳ đánh giá Chỉ số CCHC năm ${input.year}.`);
  const agencyIds = await checkAgencies(
    db,
    input.agencyIds ?? (source ? (await yearParticipants(db, source)).map((p) => p.id) : []),
  );
  const nodes = source ? await yearNodes(db, source) : [];
  return db.transaction(async (tx) => {
    const [year] = await tx
      .insert(reformIndexYears)
      .values({
        ownerUnitId,
        year: input.year,
        title: input.title,
        status: 'draft',
        gradeBands: source?.gradeBands ?? DEFAULT_GRADE_BANDS,
        rewardRule: source?.rewardRule ?? DEFAULT_REWARD_RULE,
        copiedFromId: source?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!year) throw new Error('year not inserted');
    // New ids, parents remapped: copy in tree order so parents exist first.
    const newId = new Map<string, string>();
    for (const n of nodes) newId.set(n.id, crypto.randomUUID());
    if (nodes.length > 0)
      await tx.insert(reformIndexNodes).values(
        nodes.map((n) => ({
          ...n,
          ownerUnitId,
          id: newId.get(n.id) as string,
          yearId: year.id,
          parentId: n.parentId ? (newId.get(n.parentId) ?? null) : null,
        })),
      );
    if (agencyIds.length > 0)
      await tx
        .insert(reformIndexParticipants)
        .values(agencyIds.map((agencyId) => ({ ownerUnitId, yearId: year.id, agencyId })));
    return year;
  });
}

/** The unit whose reform office runs the index: the unit of the council member's agency (admins: the first). */
export async function councilUnit(db: Db, principal: Principal): Promise<string> {
  const agencyId = principal.roles.find((r) => r.role === 'reform_officer' && r.agencyId)?.agencyId;
  if (agencyId) {
    const [a] = await db.select({ unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, agencyId));
    if (a) return a.unitId;
  }
  const [latest] = await db
    .select({ ownerUnitId: reformIndexYears.ownerUnitId })
    .from(reformIndexYears)
    .orderBy(desc(reformIndexYears.year))
    .limit(1);
  if (latest) return latest.ownerUnitId;
  throw new AppError(
    'RULE',
    'Chưa xác định được đơn vị tổ chức đánh giá; vui lòng dùng tài khoản cán bộ CCHC.',
  );
}

export function checkVersion(current: number, sent: number) {
  if (current !== sent)
    throw conflict('Dữ liệu đã được người khác cập nhật; vui lòng tải lại trang rồi thực hiện lại.');
}

export async function updateYear(db: Db, year: YearRow, input: UpdateYearInput, now = new Date()) {
  checkVersion(year.version, input.version);
  if (year.status === 'published') throw new AppError('RULE', 'Kỳ đánh giá đã công bố, không sửa được.');
  if (input.agencyIds && year.status !== 'draft')
    throw new AppError('RULE', 'Chỉ thay đổi danh sách cơ quan được đánh giá khi kỳ còn đang xây dựng.');
  const agencyIds = input.agencyIds ? await checkAgencies(db, input.agencyIds) : null;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(reformIndexYears)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.selfDeadline !== undefined ? { selfDeadline: input.selfDeadline } : {}),
        ...(input.gradeBands ? { gradeBands: input.gradeBands } : {}),
        ...(input.rewardRule ? { rewardRule: input.rewardRule } : {}),
        version: year.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(reformIndexYears.ownerUnitId, year.ownerUnitId),
          eq(reformIndexYears.id, year.id),
          eq(reformIndexYears.version, year.version),
        ),
      )
      .returning({ id: reformIndexYears.id });
    if (updated.length === 0) checkVersion(-1, 0);
    if (agencyIds) {
      await tx
        .delete(reformIndexParticipants)
        .where(
          and(
            eq(reformIndexParticipants.ownerUnitId, year.ownerUnitId),
            eq(reformIndexParticipants.yearId, year.id),
          ),
        );
      await tx
        .insert(reformIndexParticipants)
        .values(agencyIds.map((agencyId) => ({ ownerUnitId: year.ownerUnitId, yearId: year.id, agencyId })));
    }
  });
}

/** One step forward; opening checks the tree, the deadline and the agencies; appraisal stores computed leaves. */
export async function transitionYear(
  db: Db,
  year: YearRow,
  to: YearStatus,
  version: number,
  now = new Date(),
) {
  checkVersion(year.version, version);
  const next = nextStatus[year.status];
  if (next !== to)
    throw new AppError(
      'RULE',
      next
        ? `Kỳ đang ở bước «${statusLabel[year.status]}»; bước tiếp theo là «${statusLabel[next]}».`
        : 'Kỳ đánh giá đã công bố.',
    );
  if (to === 'self_assessment') {
    const problems = treeProblems(await yearNodes(db, year));
    if (!year.selfDeadline) problems.push('Chưa đặt hạn tự chấm điểm.');
    if ((await yearParticipants(db, year)).length === 0) problems.push('Chưa chọn cơ quan được đánh giá.');
    if (problems.length > 0)
      throw new AppError('RULE', `Chưa mở được kỳ đánh giá: ${problems.join(' ')}`, [
        ...problems.map((message) => ({ path: 'tree', message })),
      ]);
  }
  if (to === 'appraisal') await storeComputedScores(db, year, now);
  const updated = await db
    .update(reformIndexYears)
    .set({
      status: to,
      version: year.version + 1,
      updatedAt: now,
      ...(to === 'published' ? { publishedAt: now } : {}),
    })
    .where(
      and(
        eq(reformIndexYears.ownerUnitId, year.ownerUnitId),
        eq(reformIndexYears.id, year.id),
        eq(reformIndexYears.version, year.version),
      ),
    )
    .returning({ id: reformIndexYears.id });
  if (updated.length === 0) checkVersion(-1, 0);
}

export async function yearView(db: Db, year: YearRow) {
  const [nodes, participants] = await Promise.all([yearNodes(db, year), yearParticipants(db, year)]);
  return {
    id: year.id,
    year: year.year,
    title: year.title,
    status: year.status,
    statusLabel: statusLabel[year.status],
    nextStatus: nextStatus[year.status],
    selfDeadline: year.selfDeadline,
    gradeBands: year.gradeBands,
    rewardRule: year.rewardRule,
    publishedAt: year.publishedAt,
    version: year.version,
    maxTotal: maxTotalOf(nodes),
    problems: year.status === 'draft' ? treeProblems(nodes) : [],
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      code: n.code,
      ordinal: n.ordinal,
      title: n.title,
      kind: n.kind,
      maxPoints: n.maxPoints,
      evidenceRequired: n.evidenceRequired,
      guidance: n.guidance,
      indicatorKey: n.indicatorKey,
      scale: n.scale,
    })),
    agencies: participants.map((p) => ({ id: p.id, name: p.name })),
  };
}
