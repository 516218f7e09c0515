import type { BudgetStatus } from './schema.ts';

// The life of a budget line as a table: which action moves it from which state to which, and who may take it.
// Pure; the service and the screens both read it.

export const budgetActions = [
  'edit',
  'propose',
  'cancel',
  'return',
  'appraise',
  'approve',
  'disburse',
  'settle',
] as const;
export type BudgetAction = (typeof budgetActions)[number];

/** The lead agency of the task, the finance and planning office, the leaders of the approving committee. */
export type BudgetActor = 'lead' | 'finance' | 'approver';

interface Step {
  from: readonly BudgetStatus[];
  /** null: the state does not change (an edit, a disbursement). */
  to: BudgetStatus | null;
  by: readonly BudgetActor[];
}

export const budgetFlow: Record<BudgetAction, Step> = {
  edit: { from: ['draft', 'returned'], to: null, by: ['lead'] },
  propose: { from: ['draft', 'returned'], to: 'proposed', by: ['lead'] },
  cancel: { from: ['draft', 'returned'], to: 'cancelled', by: ['lead'] },
  return: { from: ['proposed', 'appraised'], to: 'returned', by: ['finance'] },
  appraise: { from: ['proposed'], to: 'appraised', by: ['finance'] },
  approve: { from: ['appraised'], to: 'approved', by: ['approver'] },
  disburse: { from: ['approved'], to: null, by: ['finance'] },
  settle: { from: ['approved'], to: 'settled', by: ['finance'] },
};

export function nextStatus(status: BudgetStatus, action: BudgetAction): BudgetStatus | undefined {
  const step = budgetFlow[action];
  if (!step.from.includes(status)) return undefined;
  return step.to ?? status;
}

export function mayTake(action: BudgetAction, actors: ReadonlySet<BudgetActor>): boolean {
  return budgetFlow[action].by.some((a) => actors.has(a));
}

/** The actions open to these actors on a line in this state. */
export function allowedActions(status: BudgetStatus, actors: ReadonlySet<BudgetActor>): BudgetAction[] {
  return budgetActions.filter((a) => nextStatus(status, a) !== undefined && mayTake(a, actors));
}

interface Grant {
  role: string;
  agencyId: string | null;
}

const approverRoles = new Set(['signing_leader', 'head_of_office']);

/**
 * What an officer is to a line: any officer of the lead agency acts for it; any officer of the finance office
 * acts for the finance office; the leaders (signing leader, head) of the approving committee approve. A
 * deployment-wide administrator may act as each.
 */
export function actorsOf(
  grants: readonly Grant[],
  parties: { leadAgencyId: string; financeAgencyId: string | null; approvingAgencyId: string | null },
): Set<BudgetActor> {
  const actors = new Set<BudgetActor>();
  for (const g of grants) {
    if (g.role === 'admin' && g.agencyId === null) return new Set(['lead', 'finance', 'approver']);
    if (g.agencyId === parties.leadAgencyId) actors.add('lead');
    if (parties.financeAgencyId && g.agencyId === parties.financeAgencyId) actors.add('finance');
    if (parties.approvingAgencyId && g.agencyId === parties.approvingAgencyId && approverRoles.has(g.role))
      actors.add('approver');
  }
  return actors;
}
