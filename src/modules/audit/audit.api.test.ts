import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { SYSTEM_CHAIN } from './audit.types.ts';
import { asDba } from './testing.ts';

const ADMIN = 'quantri@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';
// The applicant of dossierWalk's intake: none of it may appear in the log.
const PERSONAL = ['Nguyễn Thị Hoa', '0912345678', '093190001234'];

type Entry = {
  id: number;
  unitId: string;
  seq: number | null;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  dossierCode: string | null;
  detail: Record<string, unknown>;
};

describe.each(testDatabaseKinds())('audit log on %s', (kind) => {
  const t = useTestApp(kind);
  const walk = dossierWalk(t);
  const cookies: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  beforeAll(async () => {
    for (const who of [ADMIN, DESK, REFORM, CITIZEN]) {
      cookies[who] = await t.login(who);
      userIds[who] = (
        await t.request({ method: 'GET', url: '/api/auth/me', cookie: cookies[who] })
      ).json().user.id;
    }
  });

  const entries = async (who: string, query: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const r = await t.request({
      method: 'GET',
      url: `/api/office/audit/entries?${qs}`,
      cookie: cookies[who],
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Entry[]; nextCursor: number | null };
  };
  const verify = async (who: string) => {
    const r = await t.request({ method: 'POST', url: '/api/office/audit/verify', cookie: cookies[who] });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      ok: boolean;
      pending: number;
      chains: {
        unitId: string;
        checked: number;
        broken: { seq: number; kind: string; problemVi: string } | null;
      }[];
    };
  };

  it('writes an entry for every lifecycle event, in the statement that saves it, without personal data', async () => {
    const desk = cookies[DESK] as string;
    let d = await walk.intake(desk);
    d = await walk.act(desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định cho Nguyễn Thị Hoa' });
    const events = await rawRows<{ id: string; action: string; to_state: string; owner_unit_id: string }>(
      t.database.db,
      sql`select id::text, action, to_state, owner_unit_id from dossier_events where dossier_id = ${d.id}::uuid order by id`,
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    const logged = (await entries(ADMIN, { dossierCode: d.code, action: 'dossier.transition' })).items;
    expect(logged.map((e) => String(e.detail.eventId)).sort()).toEqual(events.map((e) => e.id).sort());
    for (const e of logged) {
      const event = events.find((v) => v.id === String(e.detail.eventId));
      expect(e).toMatchObject({
        unitId: event?.owner_unit_id,
        subjectType: 'dossier',
        subjectId: d.id,
        dossierCode: d.code,
        detail: { action: event?.action, toState: event?.to_state },
      });
    }
    expect(logged.at(-1)).toMatchObject({
      actorUserId: userIds[DESK],
      actorRole: 'desk_officer',
      actionLabel: 'Xử lý hồ sơ (chuyển bước, trạng thái)',
      summary: expect.stringMatching(/^Nộp hồ sơ: .+ → /),
    });
    const all = JSON.stringify((await entries(ADMIN, { dossierCode: d.code })).items);
    for (const p of PERSONAL) expect(all).not.toContain(p);
  });

  it("logs an officer's read of the applicant's data once per request, before answering", async () => {
    const desk = cookies[DESK] as string;
    const d = await walk.intake(desk);
    for (let i = 0; i < 2; i++) {
      const r = await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: desk });
      expect(r.json().applicant.fullName).toBe('Nguyễn Thị Hoa');
    }
    const reads = (await entries(ADMIN, { dossierCode: d.code, action: 'dossier.personal_data_read' })).items;
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({
      actorUserId: userIds[DESK],
      actorRole: 'desk_officer',
      detail: { view: 'detail', code: d.code },
    });
    const receipt = await t.request({
      method: 'GET',
      url: `/api/office/dossiers/${d.id}/forms/receipt`,
      cookie: desk,
    });
    expect(receipt.statusCode, receipt.body).toBe(200);
    const printed = (await entries(ADMIN, { dossierCode: d.code, action: 'dossier.personal_data_read' }))
      .items;
    expect(printed).toHaveLength(3);
    expect(printed[0]).toMatchObject({
      detail: { view: 'form:receipt' },
      actionLabel: 'Xem thông tin cá nhân trong hồ sơ',
      summary: 'In giấy tiếp nhận và hẹn trả kết quả',
    });
    // A dossier that does not exist is neither answered nor logged.
    const missing = await t.request({
      method: 'GET',
      url: '/api/office/dossiers/00000000-0000-4000-8000-000000000000',
      cookie: desk,
    });
    expect(missing.statusCode).toBe(404);

    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    const deskAgency = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id as string;
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const book = await t.request({
      method: 'GET',
      url: `/api/office/tracking-book?agencyId=${deskAgency}&from=${today}&to=${today}&format=xlsx`,
      cookie: desk,
    });
    expect(book.statusCode, book.body).toBe(200);
    const bookReads = (
      await entries(ADMIN, { action: 'dossier.tracking_book_read', actor: userIds[DESK] as string })
    ).items;
    expect(bookReads[0]).toMatchObject({
      subjectType: 'agency',
      subjectId: deskAgency,
      detail: { from: today, to: today, format: 'xlsx' },
    });
  });

  it('records feedback handling and the reads of the sender, and account creation on the system chain', async () => {
    const sent = await t.request({
      method: 'POST',
      url: '/api/feedback',
      cookie: cookies[CITIZEN],
      payload: {
        subjectKind: 'procedure',
        title: 'Thời gian trả kết quả chứng thực chữ ký quá chậm',
        content:
          'Tôi nộp hồ sơ chứng thực chữ ký từ sáng nhưng đến chiều hôm sau mới được trả kết quả, đề nghị xem xét.',
        consentToPublish: false,
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [item] = await rawRows<{ id: string }>(
      t.database.db,
      sql`select id from feedback_items where code = ${sent.json().code}`,
    );
    const id = item?.id as string;
    const view = await t.request({
      method: 'GET',
      url: `/api/office/feedback/${id}`,
      cookie: cookies[REFORM],
    });
    expect(view.statusCode, view.body).toBe(200);
    const rejected = await t.request({
      method: 'POST',
      url: `/api/office/feedback/${id}/actions`,
      cookie: cookies[REFORM],
      payload: {
        version: view.json().version,
        action: { type: 'reject', reason: 'Không thuộc phạm vi xử lý.' },
      },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const logged = (await entries(ADMIN, { actor: 'cchc' })).items.filter((e) => e.subjectId === id);
    expect(logged.map((e) => e.action)).toEqual(['feedback.state_change', 'feedback.personal_data_read']);
    expect(logged[0]).toMatchObject({
      subjectType: 'feedback',
      actorRole: 'reform_officer',
      detail: { action: 'reject', fromStatus: 'received', toStatus: 'rejected' },
      summary: 'Từ chối: không thuộc phạm vi: Đã tiếp nhận → Không thuộc phạm vi xử lý',
    });

    const created = await t.request({
      method: 'POST',
      url: '/api/admin/users',
      cookie: cookies[ADMIN],
      payload: {
        fullName: 'Đỗ Văn Kiểm',
        email: 'kiemtoan.audit@demo.motcua.vn',
        password: 'Kiemtoan@2026',
        roles: [{ role: 'reform_officer', agencyId: null }],
      },
    });
    // A role without an agency is refused; the refused attempt is not logged.
    expect(created.statusCode).toBe(400);
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    const noiVu = agencies.find((a) => a.slug === 'vithanh-noi-vu')?.id as string;
    const ok = await t.request({
      method: 'POST',
      url: '/api/admin/users',
      cookie: cookies[ADMIN],
      payload: {
        fullName: 'Đỗ Văn Kiểm',
        email: 'kiemtoan.audit@demo.motcua.vn',
        password: 'Kiemtoan@2026',
        roles: [{ role: 'reform_officer', agencyId: noiVu }],
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const accounts = (await entries(ADMIN, { unitId: SYSTEM_CHAIN, action: 'account.create' })).items;
    expect(accounts[0]).toMatchObject({
      subjectType: 'account',
      subjectId: ok.json().id,
      actorUserId: userIds[ADMIN],
      detail: { roles: [{ role: 'reform_officer', agencyId: noiVu }] },
    });
    expect(JSON.stringify(accounts)).not.toContain('kiemtoan.audit');
  });

  it('pages by keyset, filters, and is closed to officers without an audit role', async () => {
    const all: Entry[] = [];
    let before: number | null = null;
    do {
      const page: { items: Entry[]; nextCursor: number | null } = await entries(ADMIN, {
        pageSize: 3,
        action: 'dossier.transition',
        ...(before ? { before } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      all.push(...page.items);
      before = page.nextCursor;
    } while (before);
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.every((e) => e.action === 'dossier.transition')).toBe(true);
    expect((await entries(ADMIN, { from: '2099-01-01' })).items).toHaveLength(0);

    for (const url of ['/api/office/audit/entries', '/api/office/audit/units'])
      expect((await t.request({ method: 'GET', url, cookie: cookies[DESK] })).statusCode).toBe(403);
    expect(
      (await t.request({ method: 'POST', url: '/api/office/audit/verify', cookie: cookies[DESK] }))
        .statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/office/audit/entries' })).statusCode).toBe(401);
    const bad = await t.request({
      method: 'GET',
      url: '/api/office/audit/entries?from=2026-02-30',
      cookie: cookies[ADMIN],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('verifies the chains, a reform officer only those of their units, and names a broken entry in Vietnamese', async () => {
    const report = await verify(ADMIN);
    expect(report).toMatchObject({ ok: true, pending: 0 });
    expect(report.chains.find((c) => c.unitId === SYSTEM_CHAIN)?.checked).toBeGreaterThan(0);
    const sealed = (await entries(ADMIN, { pageSize: 5 })).items;
    expect(sealed.every((e) => e.seq !== null)).toBe(true);

    const units = (
      await t.request({ method: 'GET', url: '/api/office/audit/units', cookie: cookies[REFORM] })
    ).json() as {
      id: string;
    }[];
    const scoped = await verify(REFORM);
    expect(scoped.chains.map((c) => c.unitId).every((u) => units.some((x) => x.id === u))).toBe(true);
    expect(scoped.chains.some((c) => c.unitId === SYSTEM_CHAIN)).toBe(false);
    const listed = (await entries(REFORM, { pageSize: 200 })).items;
    expect(listed.every((e) => units.some((u) => u.id === e.unitId))).toBe(true);

    const victim = report.chains.find((c) => c.unitId !== SYSTEM_CHAIN && c.checked >= 2);
    expect(victim).toBeDefined();
    await asDba(
      t.database.db,
      sql`update audit_entries set actor_user_id = null where unit_id = ${victim?.unitId}::uuid and seq = 2`,
    );
    const after = await verify(ADMIN);
    expect(after.ok).toBe(false);
    expect(after.chains.find((c) => c.unitId === victim?.unitId)?.broken).toMatchObject({
      seq: 2,
      kind: 'altered',
      problemVi: 'Nội dung không khớp mã băm (mục đã bị sửa).',
    });
  });
});
