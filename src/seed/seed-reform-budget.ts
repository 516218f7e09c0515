import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Principal } from '../modules/auth/permissions.ts';
import { roleAssignments, users } from '../modules/auth/schema.ts';
import { agencies } from '../modules/org/schema.ts';
import { createLine, takeStep } from '../modules/reform-budget/lines.ts';
import { reformBudgetLines, reformBudgetSettings } from '../modules/reform-budget/schema.ts';
import { reformPlanAreas, reformPlans, reformTasks } from '../modules/reform-plan/schema.ts';
import type { Db } from '../platform/db/connect.ts';
import { PLAN_TITLE } from './seed-reform-plan.ts';

// Demo reform budget lines for the Vị Thanh plan 2021–2025, taken through the real steps (proposal by the lead
// agency, appraisal by Phòng Tài chính – Kế hoạch, approval by UBND thành phố, disbursements, settlement).
// INVENTED DATA: every amount, decision and document number below is made up for the demonstration; the plan
// only says the budget comes from the state budget (section V) and that the finance office appraises it (VI.3).
// Idempotent: nothing is added once any line exists.

async function principalOf(db: Db, email: string): Promise<Principal> {
  const [user] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw new Error(`demo account ${email} is missing`);
  const roles = await db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  return { userId: user.id, kind: 'officer', fullName: user.fullName, roles };
}

interface LineSeed {
  area: string;
  lead: string;
  year: number;
  description: string;
  proposed: number;
  appraised?: number;
  approved?: number;
  disbursed?: [amount: number, paidOn: string][];
  settled?: number;
}

const inspection =
  'Kiểm tra công tác CCHC tại các cơ quan chuyên môn và UBND các phường, xã (số liệu minh họa)';
const lines: LineSeed[] = [
  ...[2021, 2022, 2023, 2024].map((year) => ({
    area: 'III.1',
    lead: 'vithanh-noi-vu',
    year,
    description: `${inspection} — năm ${year}`,
    proposed: 150_000_000,
    appraised: 120_000_000,
    approved: 120_000_000,
    disbursed: [
      [60_000_000, `${year}-05-20`],
      [55_500_000, `${year}-10-15`],
    ] as [number, string][],
    settled: 115_500_000,
  })),
  {
    area: 'III.1',
    lead: 'vithanh-noi-vu',
    year: 2025,
    description: `${inspection} — năm 2025`,
    proposed: 150_000_000,
    appraised: 130_000_000,
    approved: 130_000_000,
    // Below half of the approved amount by 30/11: flagged as unspent.
    disbursed: [[40_000_000, '2025-06-10']],
  },
  {
    area: 'III.7',
    lead: 'vithanh-vp-hdnd-ubnd',
    year: 2025,
    description: 'Nâng cấp phòng họp không giấy và họp trực tuyến với các phường, xã (số liệu minh họa)',
    proposed: 350_000_000,
    appraised: 300_000_000,
    approved: 300_000_000,
    // More than approved: flagged as overrun.
    disbursed: [
      [180_000_000, '2025-04-02'],
      [150_000_000, '2025-06-20'],
    ],
  },
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    year: 2025,
    description: 'Duy trì, cải tiến hệ thống quản lý chất lượng ISO 9001:2015 (số liệu minh họa)',
    proposed: 80_000_000,
  },
];

export async function seedReformBudget(db: Db): Promise<string> {
  const agencyRows = await db
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .where(
      inArray(agencies.slug, ['vithanh-tc-kh', 'vithanh-ubnd', 'vithanh-noi-vu', 'vithanh-vp-hdnd-ubnd']),
    );
  const idOf = new Map(agencyRows.map((a) => [a.slug, a.id]));
  await db
    .insert(reformBudgetSettings)
    .values({
      id: 'default',
      financeAgencyId: idOf.get('vithanh-tc-kh') ?? null,
      approvingAgencyId: idOf.get('vithanh-ubnd') ?? null,
    })
    .onConflictDoNothing();
  const [any] = await db.select({ id: reformBudgetLines.id }).from(reformBudgetLines).limit(1);
  if (any) return 'Kinh phí CCHC: đã có.';
  const [plan] = await db.select().from(reformPlans).where(eq(reformPlans.title, PLAN_TITLE));
  if (!plan) return 'Kinh phí CCHC: chưa có kế hoạch 2021–2025.';
  const tasks = await db
    .select({ id: reformTasks.id, lead: reformTasks.leadAgencyId, code: reformPlanAreas.code })
    .from(reformTasks)
    .innerJoin(
      reformPlanAreas,
      and(
        eq(reformPlanAreas.ownerUnitId, reformTasks.ownerUnitId),
        eq(reformPlanAreas.id, reformTasks.areaId),
      ),
    )
    .where(and(eq(reformTasks.ownerUnitId, plan.ownerUnitId), eq(reformTasks.planId, plan.id)))
    .orderBy(asc(reformTasks.ordinal));
  const people = {
    'vithanh-noi-vu': await principalOf(db, 'cchc.noivu@demo.motcua.vn'),
    finance: await principalOf(db, 'taichinh.tckh@demo.motcua.vn'),
    approver: await principalOf(db, 'lanhdao.ubndtp@demo.motcua.vn'),
  };
  // The council & committee office has no demo account: its proposals are entered as an administrator would.
  const admin = await principalOf(db, 'quantri@demo.motcua.vn');
  let added = 0;
  for (const s of lines) {
    const task = tasks.find((t) => t.code === s.area && t.lead === idOf.get(s.lead));
    if (!task) continue;
    const lead = s.lead === 'vithanh-noi-vu' ? people['vithanh-noi-vu'] : admin;
    const at = (date: string) => new Date(`${date}T03:00:00Z`);
    const { id } = await createLine(
      db,
      lead,
      {
        taskId: task.id,
        year: s.year,
        source: 'state_budget',
        description: s.description,
        proposedAmount: s.proposed,
      },
      at(`${s.year - 1}-10-01`),
    );
    added++;
    let version = 1;
    const step = async (
      who: Principal,
      action: Parameters<typeof takeStep>[3],
      body: object,
      date: string,
    ) => {
      await takeStep(db, who, id, action, { version, ...body }, at(date));
      version++;
    };
    await step(lead, 'propose', {}, `${s.year - 1}-10-05`);
    if (s.appraised === undefined) continue;
    await step(
      people.finance,
      'appraise',
      { appraisedAmount: s.appraised, comment: 'Cắt giảm chi phí hội nghị theo định mức (minh họa).' },
      `${s.year - 1}-11-10`,
    );
    if (s.approved === undefined) continue;
    await step(
      people.approver,
      'approve',
      {
        approvedAmount: s.approved,
        decisionNumber: `${s.year - 2000}15/QĐ-UBND (minh họa)`,
        decisionDate: `${s.year - 1}-12-20`,
      },
      `${s.year - 1}-12-20`,
    );
    for (const [amount, paidOn] of s.disbursed ?? [])
      await step(
        people.finance,
        'disburse',
        { amount, paidOn, document: `GRDT-${paidOn.replaceAll('-', '')}` },
        paidOn,
      );
    if (s.settled !== undefined)
      await step(
        people.finance,
        'settle',
        {
          settledAmount: s.settled,
          document: `Quyết toán năm ${s.year} (minh họa)`,
          settledOn: `${s.year + 1}-02-28`,
        },
        `${s.year + 1}-02-28`,
      );
  }
  return `Kinh phí CCHC (số liệu minh họa): thêm ${added} dòng kinh phí.`;
}
