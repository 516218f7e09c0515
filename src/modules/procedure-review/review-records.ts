import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { procedures } from '../catalog/schema.ts';
import { agencies } from '../org/schema.ts';
import { dossiersLast12Months } from './dossier-volumes.ts';
import type { CreateProposalInput, UpdateProposalInput } from './review.types.ts';
import { isReviewManager, requireFillReview } from './review-access.ts';
import { loadReviewItem, loadReviewPlan, type ReviewItemRow, staleMessage } from './review-plans.ts';
import { canMoveTo, reviewSaving, SAVING_FORMULA } from './savings.ts';
import { type ProposalStatus, procedureReviewProposals } from './schema.ts';

// A procedure's review record: the burdens found, the proposals with their decision, and the estimated saving
// for citizens computed from the dossiers the system received for the procedure over the last 12 months.

export type ProposalRow = typeof procedureReviewProposals.$inferSelect;

export async function itemProposals(db: Db, item: Pick<ReviewItemRow, 'ownerUnitId' | 'id'>) {
  return db
    .select()
    .from(procedureReviewProposals)
    .where(
      and(
        eq(procedureReviewProposals.ownerUnitId, item.ownerUnitId),
        eq(procedureReviewProposals.itemId, item.id),
      ),
    )
    .orderBy(asc(procedureReviewProposals.createdAt));
}

export async function reviewItemView(db: Db, principal: Principal, id: string, now = new Date()) {
  const item = await loadReviewItem(db, id);
  requireFillReview(principal, item.agencyId);
  const plan = await loadReviewPlan(db, item.planId);
  const [[procedure], [agency], proposals, volume] = await Promise.all([
    db
      .select({
        id: procedures.id,
        code: procedures.code,
        name: procedures.name,
        field: procedures.field,
        feeAmountVnd: procedures.feeAmountVnd,
        onlineMode: procedures.onlineMode,
      })
      .from(procedures)
      .where(eq(procedures.id, item.procedureId)),
    db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, item.agencyId)),
    itemProposals(db, item),
    dossiersLast12Months(db, item.procedureId, now),
  ]);
  const rates = { citizenDayValueVnd: plan.citizenDayValueVnd, visitCostVnd: plan.visitCostVnd };
  return {
    id: item.id,
    plan: { id: plan.id, title: plan.title, year: plan.year, status: plan.status },
    procedure: procedure ?? null,
    agency: agency ?? null,
    officerName: item.officerName,
    dueDate: item.dueDate,
    status: item.status,
    burdens: item.burdens,
    conclusion: item.conclusion,
    version: item.version,
    canManage: isReviewManager(principal),
    proposals: proposals.map(({ ownerUnitId: _u, itemId: _i, ...p }) => p),
    volume,
    saving: { formula: SAVING_FORMULA, ...reviewSaving(proposals, volume.received, rates) },
  };
}

export async function createProposal(
  db: Db,
  principal: Principal,
  itemId: string,
  input: CreateProposalInput,
  now = new Date(),
) {
  const item = await loadReviewItem(db, itemId);
  requireFillReview(principal, item.agencyId);
  const [proposal] = await db
    .insert(procedureReviewProposals)
    .values({
      ownerUnitId: item.ownerUnitId,
      itemId: item.id,
      ...input,
      status: 'proposed',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!proposal) throw new Error('insert returned nothing');
  return proposal;
}

async function loadProposal(db: Db, id: string): Promise<ProposalRow> {
  const [p] = await db
    .select()
    .from(procedureReviewProposals)
    .where(eq(procedureReviewProposals.id, id))
    .limit(1);
  if (!p) throw notFound('Không tìm thấy đề xuất.');
  return p;
}

const managerOnly: readonly ProposalStatus[] = ['approved', 'rejected', 'implemented'];

/**
 * Edits a proposal or moves it along proposed → submitted → approved/rejected → implemented. The reviewing
 * agency edits and submits (or takes back) its proposals; the reform office decides, with the decision's number
 * and date, and records the implementation. A decided proposal keeps its content.
 */
export async function updateProposal(
  db: Db,
  principal: Principal,
  id: string,
  input: UpdateProposalInput,
  now = new Date(),
) {
  const proposal = await loadProposal(db, id);
  const item = await loadReviewItem(db, proposal.itemId);
  requireFillReview(principal, item.agencyId);
  const { version, ...changes } = input;
  if (version !== proposal.version) throw conflict(staleMessage);
  const manager = isReviewManager(principal);
  const to = changes.status ?? proposal.status;
  if (!canMoveTo(proposal.status, to))
    throw new AppError(
      'RULE',
      `Không thể chuyển đề xuất từ «${statusLabel[proposal.status]}» sang «${statusLabel[to]}».`,
    );
  if (to !== proposal.status && managerOnly.includes(to) && !manager)
    throw forbidden('Chỉ bộ phận cải cách hành chính được ghi nhận quyết định về đề xuất.');
  const editsContent = ['kind', 'description', 'daysSaved', 'visitsSaved', 'feeReductionVnd'].some(
    (k) => k in changes && changes[k as keyof typeof changes] !== undefined,
  );
  if (editsContent && !['proposed', 'submitted'].includes(proposal.status))
    throw new AppError('RULE', 'Đề xuất đã có quyết định, không sửa được nội dung.');
  const decisionNumber =
    changes.decisionNumber !== undefined ? changes.decisionNumber : proposal.decisionNumber;
  const decisionDate = changes.decisionDate !== undefined ? changes.decisionDate : proposal.decisionDate;
  if ((to === 'approved' || to === 'rejected') && (!decisionNumber || !decisionDate))
    throw invalid(
      'decisionNumber',
      'Vui lòng nhập số và ngày của quyết định phê duyệt hoặc không phê duyệt.',
    );
  const [updated] = await db
    .update(procedureReviewProposals)
    .set({ ...changes, version: proposal.version + 1, updatedAt: now })
    .where(
      and(
        eq(procedureReviewProposals.ownerUnitId, proposal.ownerUnitId),
        eq(procedureReviewProposals.id, proposal.id),
        eq(procedureReviewProposals.version, proposal.version),
      ),
    )
    .returning();
  if (!updated) throw conflict(staleMessage);
  return updated;
}

export const statusLabel: Record<ProposalStatus, string> = {
  proposed: 'Đề xuất',
  submitted: 'Đã trình',
  approved: 'Được phê duyệt',
  rejected: 'Không được phê duyệt',
  implemented: 'Đã thực hiện',
};
