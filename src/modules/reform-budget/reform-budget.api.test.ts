import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { reformBudgetEvents, reformBudgetLines } from './schema.ts';

const LEAD = 'cchc.noivu@demo.motcua.vn';
const FINANCE = 'taichinh.tckh@demo.motcua.vn';
const APPROVER = 'lanhdao.ubndtp@demo.motcua.vn';
const OUTSIDER = 'motcua.vitan@demo.motcua.vn';

type Task = { id: string; leadAgencyName: string; areaCode: string; canPropose: boolean };
type Line = {
  id: string;
  status: string;
  version: number;
  actions: string[];
  figures: { approved: number; spent: number; overrun: boolean; unspent: boolean };
};

describe.each(testDatabaseKinds())('reform budget API (%s)', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  let task: Task;

  beforeAll(async () => {
    for (const [key, email] of Object.entries({
      lead: LEAD,
      finance: FINANCE,
      approver: APPROVER,
      outsider: OUTSIDER,
    }))
      cookies[key] = await t.login(email);
    const tasks = (await get('lead', '/api/office/reform-budget/tasks?year=2025')).json() as {
      items: Task[];
    };
    task = tasks.items.find((x) => x.canPropose && x.areaCode === 'III.4') as Task;
  }, 60_000);

  const get = (who: string, url: string) => t.request({ method: 'GET', url, cookie: cookies[who] as string });
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object) =>
    t.request({ method, url, cookie: cookies[who] as string, payload });
  const line = async (id: string, who = 'lead') =>
    (await get(who, `/api/office/reform-budget/lines/${id}`)).json() as {
      line: Line;
      disbursements: unknown[];
      history: { action: string }[];
    };
  const step = (who: string, id: string, action: string, body: object) =>
    send(who, 'POST', `/api/office/reform-budget/lines/${id}/${action}`, body);
  const countLines = async () =>
    (await t.database.db.select({ id: reformBudgetLines.id }).from(reformBudgetLines)).length;

  it('needs a signed-in officer', async () => {
    expect((await t.request({ method: 'GET', url: '/api/office/reform-budget/lines' })).statusCode).toBe(401);
  });

  it('rejects bad input with Vietnamese messages and writes nothing', async () => {
    const before = await countLines();
    const bad = await send('lead', 'POST', '/api/office/reform-budget/lines', {
      taskId: task.id,
      year: 2025,
      source: 'ngan_sach',
      description: 'abc',
      proposedAmount: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    const messages = (bad.json().error.fields as { message: string }[]).map((f) => f.message).join(' | ');
    expect(messages).toContain('Vui lòng chọn nguồn kinh phí.');
    expect(messages).toContain('Số tiền đề xuất phải là số đồng nguyên.');
    const outOfPlan = await send('lead', 'POST', '/api/office/reform-budget/lines', {
      taskId: task.id,
      year: 2027,
      source: 'state_budget',
      description: 'Tập huấn nghiệp vụ',
      proposedAmount: 10_000_000,
    });
    expect(outOfPlan.statusCode).toBe(400);
    expect(outOfPlan.body).toContain('Năm phải trong giai đoạn 2021–2025');
    expect(await countLines()).toBe(before);
  });

  it('takes a line through its steps, each by its own party, with history and figures', async () => {
    const created = await send('lead', 'POST', '/api/office/reform-budget/lines', {
      taskId: task.id,
      year: 2025,
      source: 'state_budget',
      description: 'Tập huấn nghiệp vụ cải cách hành chính cho công chức phường, xã',
      proposedAmount: 50_000_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await line(id)).line.actions).toEqual(['edit', 'propose', 'cancel']);
    // The finance office cannot propose; the lead cannot appraise; nobody skips a state.
    expect((await step('finance', id, 'propose', { version: 1 })).statusCode).toBe(403);
    expect((await step('lead', id, 'propose', { version: 1 })).statusCode).toBe(200);
    expect((await step('lead', id, 'appraise', { version: 2, appraisedAmount: 1 })).statusCode).toBe(403);
    expect(
      (
        await step('approver', id, 'approve', {
          version: 2,
          approvedAmount: 1,
          decisionNumber: '1/QĐ',
          decisionDate: '2025-01-02',
        })
      ).statusCode,
    ).toBe(422);
    const appraise = await step('finance', id, 'appraise', {
      version: 2,
      appraisedAmount: 40_000_000,
      comment: 'Giảm chi hội trường',
    });
    expect(appraise.statusCode, appraise.body).toBe(200);
    expect(
      (
        await step('finance', id, 'approve', {
          version: 3,
          approvedAmount: 40_000_000,
          decisionNumber: '15/QĐ-UBND',
          decisionDate: '2025-01-10',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await step('approver', id, 'approve', {
          version: 3,
          approvedAmount: 40_000_000,
          decisionNumber: '15/QĐ-UBND',
          decisionDate: '2025-01-10',
        })
      ).statusCode,
    ).toBe(200);
    // A disbursement before the decision is refused and nothing is written.
    const early = await step('finance', id, 'disburse', {
      version: 4,
      amount: 1_000_000,
      paidOn: '2025-01-01',
      document: 'GRDT-1',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('không được trước ngày quyết định');
    expect(
      (
        await step('finance', id, 'disburse', {
          version: 4,
          amount: 25_000_000,
          paidOn: '2025-03-01',
          document: 'GRDT-1',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await step('finance', id, 'disburse', {
          version: 5,
          amount: 16_000_000,
          paidOn: '2025-04-01',
          document: 'GRDT-2',
        })
      ).statusCode,
    ).toBe(200);
    const detail = await line(id);
    expect(detail.line.status).toBe('approved');
    expect(detail.line.figures).toMatchObject({ approved: 40_000_000, spent: 41_000_000, overrun: true });
    expect(detail.disbursements).toHaveLength(2);
    expect(detail.history.map((h) => h.action)).toEqual([
      'create',
      'propose',
      'appraise',
      'approve',
      'disburse',
      'disburse',
    ]);
    expect(
      (
        await step('finance', id, 'settle', {
          version: 6,
          settledAmount: 41_000_000,
          document: 'QT-2025',
          settledOn: '2026-01-15',
        })
      ).statusCode,
    ).toBe(200);
    expect((await line(id)).line.actions).toEqual([]);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const created = await send('lead', 'POST', '/api/office/reform-budget/lines', {
      taskId: task.id,
      year: 2024,
      source: 'other',
      description: 'In tài liệu tuyên truyền CCHC',
      proposedAmount: 12_000_000,
    });
    const id = created.json().id as string;
    const edit = {
      source: 'other',
      description: 'In tài liệu tuyên truyền CCHC',
      proposedAmount: 13_000_000,
      version: 1,
    };
    expect((await send('lead', 'PUT', `/api/office/reform-budget/lines/${id}`, edit)).statusCode).toBe(200);
    const stale = await send('lead', 'PUT', `/api/office/reform-budget/lines/${id}`, {
      ...edit,
      proposedAmount: 99,
    });
    expect(stale.statusCode).toBe(409);
    expect((await step('lead', id, 'propose', { version: 1 })).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(reformBudgetLines).where(eq(reformBudgetLines.id, id));
    expect(row).toMatchObject({ proposedAmount: 13_000_000, status: 'draft', version: 2 });
    const events = await t.database.db
      .select()
      .from(reformBudgetEvents)
      .where(eq(reformBudgetEvents.lineId, id));
    expect(events).toHaveLength(2);
  });

  it('keeps lines from officers outside the lead agency and the finance office (403)', async () => {
    const list = (await get('lead', '/api/office/reform-budget/lines?year=2025')).json() as { items: Line[] };
    const any = list.items[0] as Line;
    expect((await get('outsider', `/api/office/reform-budget/lines/${any.id}`)).statusCode).toBe(403);
    expect(
      ((await get('outsider', '/api/office/reform-budget/lines')).json() as { items: unknown[] }).items,
    ).toEqual([]);
    expect((await step('outsider', any.id, 'propose', { version: any.version })).statusCode).toBe(403);
    expect(
      (
        await send('outsider', 'POST', '/api/office/reform-budget/lines', {
          taskId: task.id,
          year: 2025,
          source: 'state_budget',
          description: 'Không được phép',
          proposedAmount: 1000,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send('lead', 'PUT', '/api/office/reform-budget/settings', {
          financeAgencyId: task.id,
          approvingAgencyId: task.id,
          unspentPercent: 50,
          unspentMonth: 11,
          unspentDay: 30,
          version: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await send('finance', 'PUT', '/api/office/reform-budget/settings', {
          financeAgencyId: task.id,
          approvingAgencyId: task.id,
          unspentPercent: 50,
          unspentMonth: 11,
          unspentDay: 30,
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('sums planned against spent by area and agency with the seeded flags, and exports the totals', async () => {
    const summary = await get('finance', '/api/office/reform-budget/summary?year=2025');
    expect(summary.statusCode, summary.body).toBe(200);
    const s = summary.json() as {
      byArea: { label: string; approved: number; spent: number; overrun: number; unspent: number }[];
      byAgency: { label: string }[];
      total: { approved: number; spent: number; overrun: number; unspent: number };
    };
    expect(s.total.approved).toBe(s.byArea.reduce((n, a) => n + a.approved, 0));
    // Seeded (invented): the paperless-meetings line overran, the 2025 inspection line is under half spent by 30/11.
    expect(s.byArea.find((a) => a.label.startsWith('III.7'))?.overrun).toBe(1);
    expect(s.byArea.find((a) => a.label.startsWith('III.1'))?.unspent).toBe(1);
    expect(s.total.overrun).toBeGreaterThanOrEqual(2);
    const xlsx = await get('finance', '/api/office/reform-budget/export.xlsx?year=2025');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const last = sheet?.getRow(sheet.rowCount);
    expect(last?.getCell(2).value).toBe('TỔNG CỘNG NĂM 2025');
    expect(last?.getCell(9).value).toBe(s.total.approved);
    expect(last?.getCell(12).value).toBe(s.total.spent);
  });
});
