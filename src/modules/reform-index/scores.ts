import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { checkedEvidence } from '../reform-plan/evidence.ts';
import { isCouncil, ownAgencies, requireCouncil, requireOwnAgency } from './index-access.ts';
import type { AppraiseInput, SelfScoreInput } from './index-model.ts';
import { measureLeaves } from './measure.ts';
import { type NodeKind, reformIndexScores } from './schema.ts';
import { effectiveScore, gradeOf, maxTotalOf, scoreWithinMax, selfSide, sumScores } from './scoring.ts';
import { canAppraise, canRespond, canSelfScore, vietnamDate } from './workflow.ts';
import { checkVersion, type NodeRow, type YearRow, yearNodes, yearParticipants } from './years.ts';

// Scoring one agency: its self-assessment with evidence, the council's appraisal per leaf (computed leaves
// overridden only with a reason), and the agency's single response per criterion. Writes carry the row version
// the client read (0 before the first write) and fail with 409 when someone else saved in between.

export type ScoreRow = typeof reformIndexScores.$inferSelect;

/** The year's agencies, and which of them the principal belongs to. */
export async function agencyContext(db: Db, principal: Principal, year: YearRow) {
  const participants = await yearParticipants(db, year);
  const scope = agencyScope(principal);
  const mineRows =
    scope === 'all' || scope.size === 0
      ? []
      : await db
          .select({ id: agencies.id, parentAgencyId: agencies.parentAgencyId })
          .from(agencies)
          .where(inArray(agencies.id, [...scope]));
  return { participants, own: ownAgencies(principal, participants, mineRows) };
}

async function participantOf(db: Db, principal: Principal, year: YearRow, agencyId: string) {
  const { participants, own } = await agencyContext(db, principal, year);
  const agency = participants.find((p) => p.id === agencyId);
  if (!agency) throw notFound('Cơ quan này không thuộc danh sách được đánh giá của kỳ.');
  return { agency, own };
}

async function scoreRows(db: Db, year: YearRow, agencyId: string) {
  return db
    .select()
    .from(reformIndexScores)
    .where(
      and(
        eq(reformIndexScores.ownerUnitId, year.ownerUnitId),
        eq(reformIndexScores.yearId, year.id),
        eq(reformIndexScores.agencyId, agencyId),
      ),
    );
}

const isLeaf = (kind: NodeKind) => kind !== 'group';

/** The scoring sheet of one agency: every node with its scores, leaf and group subtotals, the total and grade. */
export async function agencySheet(
  db: Db,
  principal: Principal,
  year: YearRow,
  agencyId: string,
  now = new Date(),
) {
  const { agency, own } = await participantOf(db, principal, year, agencyId);
  const council = isCouncil(principal);
  if (!council && !own.has(agencyId)) throw forbidden('Bạn chỉ xem được bảng điểm của cơ quan mình.');
  const [nodes, rows] = await Promise.all([yearNodes(db, year), scoreRows(db, year, agencyId)]);
  const byNode = new Map(rows.map((r) => [r.nodeId, r]));
  // Before appraisal freezes them, computed leaves are measured live so the agency sees where it stands.
  const live =
    year.status === 'draft' || year.status === 'self_assessment'
      ? await measureLeaves(
          db,
          year.year,
          agency,
          nodes.filter((n) => isLeaf(n.kind)),
          now,
        )
      : new Map();
  const leafScores = new Map<string, { self: number; effective: number }>();
  const items = nodes.map((n) => {
    const row = byNode.get(n.id);
    const measured = live.get(n.id);
    const computedScore = measured ? measured.points : (row?.computedScore ?? null);
    const measuredValue = measured ? measured.value : (row?.measuredValue ?? null);
    const leaf = {
      kind: n.kind,
      selfScore: row?.selfScore ?? null,
      computedScore,
      appraisedScore: row?.appraisedScore ?? null,
    };
    if (isLeaf(n.kind)) leafScores.set(n.id, { self: selfSide(leaf), effective: effectiveScore(leaf) });
    return {
      nodeId: n.id,
      parentId: n.parentId,
      code: n.code,
      title: n.title,
      kind: n.kind,
      maxPoints: n.maxPoints,
      evidenceRequired: n.evidenceRequired,
      guidance: n.guidance,
      indicatorKey: n.indicatorKey,
      scale: n.scale,
      selfScore: leaf.selfScore,
      selfComment: row?.selfComment ?? null,
      evidence: row?.evidence ?? [],
      selfBy: row?.selfBy ?? null,
      measuredValue,
      computedScore,
      appraisedScore: leaf.appraisedScore,
      appraisalComment: row?.appraisalComment ?? null,
      appraisedBy: row?.appraisedBy ?? null,
      responseComment: row?.responseComment ?? null,
      respondedBy: row?.respondedBy ?? null,
      version: row?.version ?? 0,
      selfTotal: 0,
      total: 0,
    };
  });
  // Subtotals bottom-up: a node's totals are its leaf score or the sum over its children.
  const children = new Map<string | null, typeof items>();
  for (const it of items) children.set(it.parentId, [...(children.get(it.parentId) ?? []), it]);
  const fill = (it: (typeof items)[number]): { self: number; effective: number } => {
    if (isLeaf(it.kind)) {
      const s = leafScores.get(it.nodeId) ?? { self: 0, effective: 0 };
      it.selfTotal = s.self;
      it.total = s.effective;
      return s;
    }
    const kids = (children.get(it.nodeId) ?? []).map(fill);
    it.selfTotal = sumScores(kids.map((k) => k.self));
    it.total = sumScores(kids.map((k) => k.effective));
    return { self: it.selfTotal, effective: it.total };
  };
  const roots = (children.get(null) ?? []).map(fill);
  const maxTotal = maxTotalOf(nodes);
  const total = sumScores(roots.map((r) => r.effective));
  return {
    yearId: year.id,
    year: year.year,
    status: year.status,
    agency: { id: agency.id, name: agency.name },
    canSelfScore: own.has(agencyId) && canSelfScore(year.status, vietnamDate(now), year.selfDeadline),
    canAppraise: council && canAppraise(year.status),
    canRespond: own.has(agencyId) && canRespond(year.status),
    maxTotal,
    selfTotal: sumScores(roots.map((r) => r.self)),
    total,
    grade: gradeOf(total, maxTotal, year.gradeBands),
    items,
  };
}

async function leafOf(db: Db, year: YearRow, nodeId: string): Promise<NodeRow> {
  const node = (await yearNodes(db, year)).find((n) => n.id === nodeId);
  if (!node) throw notFound('Không tìm thấy tiêu chí trong bộ tiêu chí của kỳ.');
  if (!isLeaf(node.kind))
    throw invalid('nodeId', 'Chỉ chấm điểm ở tiêu chí thành phần, không chấm ở mục tổng hợp.');
  return node;
}

function checkMax(score: number, node: NodeRow) {
  if (!scoreWithinMax(score, node.maxPoints))
    throw invalid('score', `Điểm không được vượt quá điểm tối đa của tiêu chí (${node.maxPoints}).`);
}

/** Writes one score row under optimistic concurrency: insert at version 0, else update the version read. */
async function writeScore(
  db: Db,
  year: YearRow,
  agencyId: string,
  nodeId: string,
  version: number,
  current: ScoreRow | undefined,
  values: Partial<typeof reformIndexScores.$inferInsert>,
) {
  checkVersion(current?.version ?? 0, version);
  if (!current) {
    const inserted = await db
      .insert(reformIndexScores)
      .values({ ownerUnitId: year.ownerUnitId, yearId: year.id, agencyId, nodeId, ...values })
      .onConflictDoNothing()
      .returning({ version: reformIndexScores.version });
    if (inserted.length === 0) checkVersion(-1, 0);
    return;
  }
  const updated = await db
    .update(reformIndexScores)
    .set({ ...values, version: current.version + 1 })
    .where(
      and(
        eq(reformIndexScores.ownerUnitId, year.ownerUnitId),
        eq(reformIndexScores.yearId, year.id),
        eq(reformIndexScores.agencyId, agencyId),
        eq(reformIndexScores.nodeId, nodeId),
        eq(reformIndexScores.version, current.version),
      ),
    )
    .returning({ version: reformIndexScores.version });
  if (updated.length === 0) checkVersion(-1, 0);
}

async function currentRow(db: Db, year: YearRow, agencyId: string, nodeId: string) {
  return (await scoreRows(db, year, agencyId)).find((r) => r.nodeId === nodeId);
}

export async function selfScore(
  db: Db,
  files: FileStore | undefined,
  principal: Principal,
  year: YearRow,
  agencyId: string,
  nodeId: string,
  input: SelfScoreInput,
  now = new Date(),
) {
  const { own } = await participantOf(db, principal, year, agencyId);
  requireOwnAgency(own, agencyId);
  if (!canSelfScore(year.status, vietnamDate(now), year.selfDeadline))
    throw new AppError(
      'RULE',
      year.status === 'self_assessment'
        ? `Đã hết hạn tự chấm điểm (${year.selfDeadline}).`
        : 'Kỳ đánh giá không ở bước đơn vị tự chấm điểm.',
    );
  const node = await leafOf(db, year, nodeId);
  if (node.kind !== 'manual')
    throw new AppError('RULE', 'Tiêu chí này được tính tự động từ số liệu; đơn vị không tự chấm.');
  checkMax(input.score, node);
  const current = await currentRow(db, year, agencyId, nodeId);
  const evidence = input.evidence ? await checkedEvidence(files, input.evidence) : (current?.evidence ?? []);
  if (node.evidenceRequired && input.score > 0 && evidence.length === 0)
    throw invalid('evidence', 'Tiêu chí này yêu cầu tài liệu kiểm chứng; vui lòng đính kèm tệp minh chứng.');
  await writeScore(db, year, agencyId, nodeId, input.version, current, {
    selfScore: input.score,
    selfComment: input.comment ?? null,
    evidence,
    selfBy: principal.fullName,
    selfAt: now,
  });
}

export async function appraise(
  db: Db,
  principal: Principal,
  year: YearRow,
  agencyId: string,
  nodeId: string,
  input: AppraiseInput,
  now = new Date(),
) {
  requireCouncil(principal);
  await participantOf(db, principal, year, agencyId);
  if (!canAppraise(year.status)) throw new AppError('RULE', 'Kỳ đánh giá không ở bước thẩm định.');
  const node = await leafOf(db, year, nodeId);
  checkMax(input.score, node);
  const current = await currentRow(db, year, agencyId, nodeId);
  const computed = current?.computedScore ?? null;
  if (node.kind !== 'manual' && input.score !== computed && !input.comment)
    throw invalid('comment', 'Điều chỉnh điểm tính tự động phải ghi rõ lý do.');
  await writeScore(db, year, agencyId, nodeId, input.version, current, {
    appraisedScore: input.score,
    appraisalComment: input.comment ?? null,
    appraisedBy: principal.fullName,
    appraisedAt: now,
  });
}

export async function respond(
  db: Db,
  principal: Principal,
  year: YearRow,
  agencyId: string,
  nodeId: string,
  input: { version: number; comment: string },
  now = new Date(),
) {
  const { own } = await participantOf(db, principal, year, agencyId);
  requireOwnAgency(own, agencyId);
  if (!canRespond(year.status)) throw new AppError('RULE', 'Kỳ đánh giá không ở bước giải trình.');
  await leafOf(db, year, nodeId);
  const current = await currentRow(db, year, agencyId, nodeId);
  if (current?.responseComment)
    throw new AppError(
      'RULE',
      'Đơn vị đã giải trình tiêu chí này; mỗi tiêu chí chỉ được giải trình một lần.',
    );
  await writeScore(db, year, agencyId, nodeId, input.version, current, {
    responseComment: input.comment,
    respondedBy: principal.fullName,
    respondedAt: now,
  });
}

/** An evidence file of a score, to the agency itself and the council. */
export async function scoreEvidence(
  db: Db,
  principal: Principal,
  year: YearRow,
  agencyId: string,
  nodeId: string,
  fileId: string,
) {
  const { own } = await participantOf(db, principal, year, agencyId);
  if (!isCouncil(principal) && !own.has(agencyId))
    throw forbidden('Bạn không xem được minh chứng của cơ quan khác.');
  const file = (await currentRow(db, year, agencyId, nodeId))?.evidence.find((f) => f.fileId === fileId);
  if (!file) throw notFound('Không tìm thấy tệp minh chứng.');
  return file;
}
