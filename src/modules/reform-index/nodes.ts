import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { CreateNodeInput, UpdateNodeInput } from './index-model.ts';
import { type NodeKind, reformIndexNodes, type ScaleStep } from './schema.ts';
import { DEFAULT_SCALE } from './scoring.ts';
import { treeEditable } from './workflow.ts';
import { type NodeRow, type YearRow, yearNodes } from './years.ts';

// Editing the criteria tree of a year while it is a draft: areas and criteria are `group` nodes, the scored
// leaves are `manual` (self-scored with evidence), `automatic` (a kpi indicator on a scale) or `survey`
// (the satisfaction index on a scale).

function requireDraft(year: YearRow) {
  if (!treeEditable(year.status))
    throw new AppError('RULE', 'Bộ tiêu chí chỉ sửa được khi kỳ đánh giá còn đang xây dựng.');
}

function leafSettings(
  kind: NodeKind,
  indicatorKey: string | null | undefined,
  scale: ScaleStep[] | null | undefined,
) {
  if (kind === 'automatic' && !indicatorKey)
    throw invalid('indicatorKey', 'Tiêu chí tự động cần chọn chỉ tiêu lấy số liệu.');
  const computed = kind === 'automatic' || kind === 'survey';
  return {
    indicatorKey: kind === 'automatic' ? (indicatorKey ?? null) : null,
    scale: computed ? (scale ?? DEFAULT_SCALE) : null,
  };
}

export async function loadNode(db: Db, id: string): Promise<NodeRow> {
  const [node] = await db.select().from(reformIndexNodes).where(eq(reformIndexNodes.id, id)).limit(1);
  if (!node) throw notFound('Không tìm thấy tiêu chí.');
  return node;
}

export async function createNode(db: Db, year: YearRow, input: CreateNodeInput) {
  requireDraft(year);
  if (input.parentId) {
    const [parent] = await db
      .select()
      .from(reformIndexNodes)
      .where(
        and(
          eq(reformIndexNodes.ownerUnitId, year.ownerUnitId),
          eq(reformIndexNodes.yearId, year.id),
          eq(reformIndexNodes.id, input.parentId),
        ),
      );
    if (!parent) throw invalid('parentId', 'Mục cha không thuộc bộ tiêu chí của kỳ này.');
    if (parent.kind !== 'group')
      throw invalid('parentId', 'Chỉ thêm tiêu chí con vào một lĩnh vực hoặc tiêu chí nhóm.');
  }
  const [last] = await db
    .select({ n: max(reformIndexNodes.ordinal) })
    .from(reformIndexNodes)
    .where(and(eq(reformIndexNodes.ownerUnitId, year.ownerUnitId), eq(reformIndexNodes.yearId, year.id)));
  const [node] = await db
    .insert(reformIndexNodes)
    .values({
      ownerUnitId: year.ownerUnitId,
      yearId: year.id,
      parentId: input.parentId,
      code: input.code,
      ordinal: (last?.n ?? 0) + 1,
      title: input.title,
      kind: input.kind,
      maxPoints: input.maxPoints,
      evidenceRequired: input.evidenceRequired ?? false,
      guidance: input.guidance ?? null,
      ...leafSettings(input.kind, input.indicatorKey, input.scale),
    })
    .returning();
  return node;
}

export async function updateNode(db: Db, year: YearRow, node: NodeRow, input: UpdateNodeInput) {
  requireDraft(year);
  const indicatorKey = input.indicatorKey !== undefined ? input.indicatorKey : node.indicatorKey;
  const scale = input.scale !== undefined ? input.scale : node.scale;
  await db
    .update(reformIndexNodes)
    .set({
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.maxPoints !== undefined ? { maxPoints: input.maxPoints } : {}),
      ...(input.evidenceRequired !== undefined ? { evidenceRequired: input.evidenceRequired } : {}),
      ...(input.guidance !== undefined ? { guidance: input.guidance } : {}),
      ...leafSettings(node.kind, indicatorKey, scale),
    })
    .where(and(eq(reformIndexNodes.ownerUnitId, node.ownerUnitId), eq(reformIndexNodes.id, node.id)));
}

/** Deletes a node and everything under it. */
export async function deleteNode(db: Db, year: YearRow, node: NodeRow) {
  requireDraft(year);
  const nodes = await yearNodes(db, year);
  const doomed = new Set([node.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes)
      if (n.parentId && doomed.has(n.parentId) && !doomed.has(n.id)) {
        doomed.add(n.id);
        grew = true;
      }
  }
  await db.transaction(async (tx) => {
    for (const id of doomed)
      await tx
        .delete(reformIndexNodes)
        .where(and(eq(reformIndexNodes.ownerUnitId, year.ownerUnitId), eq(reformIndexNodes.id, id)));
  });
}
