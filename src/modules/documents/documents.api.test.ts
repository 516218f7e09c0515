import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDocuments } from '../../seed/seed-documents.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { hashPassword } from '../auth/passwords.ts';
import { roleAssignments, users } from '../auth/schema.ts';
import { agencies } from '../org/schema.ts';
import { isoAudits, officialDocuments } from './schema.ts';

const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn'; // UBND phường Vị Thanh
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';
const JUSTICE = 'tuphap.test@demo.motcua.vn';

const HEADER =
  'Loại (Đến/Đi),Số,Ký hiệu,Ngày văn bản,Trích yếu,Cơ quan gửi/nhận,Cơ quan nhà nước (Có/Không),Điện tử (Có/Không),Ký số (Có/Không),Hạn xử lý,Người xử lý,Trạng thái';

function multipart(name: string, content: Buffer | string, type: string) {
  const boundary = '----motcuaTestBoundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDatabaseKinds())('documents, ISO and legal review on %s', (kind) => {
  const t = useTestApp(kind);
  const ids = { ubnd: '', vitan: '', justice: '', noiVu: '' };
  let specialist = '';

  beforeAll(async () => {
    const db = t.database.db;
    const rows = await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies);
    const id = (slug: string) => rows.find((a) => a.slug === slug)?.id as string;
    ids.ubnd = id('cantho-phuong-vi-thanh-ubnd');
    ids.vitan = id('cantho-phuong-vi-tan-ttpvhcc');
    ids.justice = id('vithanh-tu-phap');
    ids.noiVu = id('vithanh-noi-vu');
    const [user] = await db
      .insert(users)
      .values({
        kind: 'officer',
        fullName: 'Cán bộ Tư pháp',
        email: JUSTICE,
        passwordHash: await hashPassword('Motcua@2026'),
      })
      .returning({ id: users.id });
    await db
      .insert(roleAssignments)
      .values({ userId: user?.id as string, role: 'specialist', agencyId: ids.justice });
    specialist = await t.login(SPECIALIST);
  });

  const doc = (over: Record<string, unknown> = {}) => ({
    direction: 'outgoing',
    number: '101',
    symbol: 'BC-UBND',
    issuedOn: '2023-05-10',
    summary: 'Báo cáo kết quả cải cách hành chính tháng 5',
    counterpartKind: 'agency',
    counterpartAgencyId: ids.noiVu,
    electronic: true,
    digitallySigned: true,
    status: 'done',
    ...over,
  });
  const post = (cookie: string | undefined, agencyId: string, document: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/office/documents', cookie, payload: { agencyId, document } });

  it("adds a document to the officer's agency register and refuses the same number/symbol/date", async () => {
    const created = await post(specialist, ids.ubnd, doc());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      counterpartName: 'Phòng Nội vụ thành phố Vị Thanh',
      counterpartKind: 'agency',
      source: 'manual',
    });
    const again = await post(specialist, ids.ubnd, doc({ summary: 'Nội dung khác' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Văn bản đi số 101/BC-UBND ngày 10/05/2023 đã có trong sổ của cơ quan.',
    );
    // Same number as an incoming document is another entry.
    expect((await post(specialist, ids.ubnd, doc({ direction: 'incoming' }))).statusCode).toBe(201);
  });

  it('refuses bad input with a Vietnamese message and writes nothing', async () => {
    const before = await t.database.db.$count(officialDocuments, eq(officialDocuments.agencyId, ids.ubnd));
    const paperSigned = await post(specialist, ids.ubnd, doc({ number: '102', electronic: false }));
    expect(paperSigned.statusCode).toBe(400);
    expect(paperSigned.body).toContain('Văn bản giấy không thể có chữ ký số.');
    const noCounterpart = await post(
      specialist,
      ids.ubnd,
      doc({ number: '103', counterpartAgencyId: undefined, direction: 'incoming' }),
    );
    expect(noCounterpart.statusCode).toBe(400);
    expect(noCounterpart.body).toContain('Vui lòng nhập cơ quan gửi.');
    const badDate = await post(specialist, ids.ubnd, doc({ number: '104', issuedOn: '2023-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Ngày văn bản không tồn tại.');
    expect(await t.database.db.$count(officialDocuments, eq(officialDocuments.agencyId, ids.ubnd))).toBe(
      before,
    );
  });

  it("keeps other agencies' registers out of reach, and lets the reform office read them all", async () => {
    const other = await t.login(OTHER_DESK);
    expect((await post(other, ids.ubnd, doc({ number: '200' }))).statusCode).toBe(403);
    expect((await post(await t.login(CITIZEN), ids.ubnd, doc({ number: '201' }))).statusCode).toBe(403);
    expect((await post(undefined, ids.ubnd, doc({ number: '202' }))).statusCode).toBe(401);
    const otherList = await t.request({
      method: 'GET',
      url: `/api/office/documents?agencyId=${ids.ubnd}`,
      cookie: other,
    });
    expect(otherList.statusCode).toBe(403);
    const own = await t.request({ method: 'GET', url: '/api/office/documents?month=2023-05', cookie: other });
    expect(own.json().total).toBe(0);
    const reform = await t.login(REFORM);
    const all = await t.request({
      method: 'GET',
      url: '/api/office/documents?month=2023-05',
      cookie: reform,
    });
    expect(all.json().total).toBe(2);
    expect((await post(reform, ids.ubnd, doc({ number: '203' }))).statusCode).toBe(403);
  });

  const csv = [
    HEADER,
    'Đến,11,CV-UBND,02/05/2023,V/v triển khai kế hoạch CCHC,UBND thành phố Vị Thanh,Có,Có,Có,12/05/2023,Lê Văn Hùng,Đã xử lý',
    'Đến,12,CV-UBND,03/05/2023,Giấy mời họp giao ban,Sở Nội vụ thành phố Cần Thơ,Có,Không,Không,,,',
    'Đến,13,CV-UBND,31/04/2023,Ngày sai,Sở Nội vụ,Có,Có,Có,,,',
    'Đi,14,CV-UBND,05/05/2023,Trả lời kiến nghị,Ông Trần Văn Nam,Không,Không,Không,,,Đã xử lý',
  ].join('\n');
  const importCsv = (cookie: string, mode: string, content = csv) =>
    t.request({
      method: 'POST',
      url: `/api/office/documents/import?agencyId=${ids.ubnd}&mode=${mode}`,
      cookie,
      ...multipart('so-van-ban.csv', content, 'text/csv'),
    });

  it('imports nothing when a row is bad in all-or-nothing mode, and reports the row', async () => {
    const before = await t.database.db.$count(officialDocuments, eq(officialDocuments.agencyId, ids.ubnd));
    const r = await importCsv(specialist, 'all_or_nothing');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      mode: 'all_or_nothing',
      total: 4,
      imported: 0,
      rejected: [{ row: 4, reason: 'Ngày văn bản không tồn tại.' }],
    });
    expect(await t.database.db.$count(officialDocuments, eq(officialDocuments.agencyId, ids.ubnd))).toBe(
      before,
    );
  });

  it('imports the valid rows, links system agencies by name, and the exchange share follows', async () => {
    const r = await importCsv(specialist, 'valid_rows');
    expect(r.json()).toMatchObject({ imported: 3, rejected: [{ row: 4 }] });
    const [linked] = await t.database.db
      .select()
      .from(officialDocuments)
      .where(
        and(
          eq(officialDocuments.agencyId, ids.ubnd),
          eq(officialDocuments.number, '11'),
          eq(officialDocuments.issuedOn, '2023-05-02'),
        ),
      );
    expect(linked).toMatchObject({
      counterpartKind: 'agency',
      source: 'import',
      status: 'done',
      dueOn: '2023-05-12',
    });
    expect(linked?.counterpartAgencyId).not.toBeNull();
    // May 2023: 101 out, 101 in, 11 and 12 in are between agencies (12 on paper); 14 is with a citizen.
    const share = await t.request({
      method: 'GET',
      url: `/api/office/documents/e-exchange?from=2023-05&to=2023-05&agencyId=${ids.ubnd}`,
      cookie: specialist,
    });
    expect(share.statusCode, share.body).toBe(200);
    expect(share.json()).toMatchObject({
      target: 0.95,
      overall: { total: 4, electronic: 3, share: 0.75, meetsTarget: false },
      rows: [{ agencyId: ids.ubnd, month: '2023-05', total: 4, electronic: 3 }],
    });
    const drill = await t.request({
      method: 'GET',
      url: `/api/office/documents?agencyId=${ids.ubnd}&month=2023-05&counterpartKind=agency&electronic=false`,
      cookie: specialist,
    });
    expect(drill.json().items.map((d: { number: string }) => d.number)).toEqual(['12']);
    // A second import of the same file finds every row already in the register.
    const again = await importCsv(specialist, 'valid_rows');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().imported).toBe(0);
    expect(again.json().rejected.map((x: { row: number }) => x.row)).toEqual([2, 3, 4, 5]);
  });

  it('imports an Excel file and refuses files that are neither CSV nor XLSX', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sổ');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'Đi',
      15,
      'KH-UBND',
      new Date('2023-06-01T00:00:00Z'),
      'Kế hoạch ISO',
      'Phòng Nội vụ thành phố Vị Thanh',
      'Có',
      'Có',
      'Có',
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const r = await t.request({
      method: 'POST',
      url: `/api/office/documents/import?agencyId=${ids.ubnd}`,
      cookie: specialist,
      ...multipart('so.xlsx', bytes, 'application/octet-stream'),
    });
    expect(r.json()).toMatchObject({ imported: 1, rejected: [] });
    const png = await t.request({
      method: 'POST',
      url: `/api/office/documents/import?agencyId=${ids.ubnd}`,
      cookie: specialist,
      ...multipart('anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0, 0]), 'image/png'),
    });
    expect(png.statusCode).toBe(415);
    const noHeader = await importCsv(specialist, 'valid_rows', 'Số,Ký hiệu\n1,UBND');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('Tệp thiếu cột');
    const other = await importCsv(await t.login(OTHER_DESK), 'valid_rows');
    expect(other.statusCode).toBe(403);
  });

  it('serves the template', async () => {
    const r = await t.request({
      method: 'GET',
      url: '/api/office/documents/template?format=csv',
      cookie: specialist,
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Loại (Đến/Đi),Số,Ký hiệu');
  });

  it('keeps the ISO register per agency and counts the share in force against 100%', async () => {
    const put = (cookie: string, agencyId: string, body: Record<string, unknown>) =>
      t.request({ method: 'PUT', url: `/api/office/iso/${agencyId}`, cookie, payload: body });
    const body = {
      scope: 'Xử lý văn bản và giải quyết TTHC',
      basis: 'certificate',
      effectiveOn: '2025-10-01',
    };
    const noBody = await put(specialist, ids.ubnd, body);
    expect(noBody.statusCode).toBe(400);
    expect(noBody.body).toContain('Vui lòng nhập tổ chức chứng nhận.');
    const saved = await put(specialist, ids.ubnd, { ...body, certifyingBody: 'QUACERT' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (await put(await t.login(OTHER_DESK), ids.ubnd, { ...body, certifyingBody: 'X' })).statusCode,
    ).toBe(403);

    const unknown = await t.request({
      method: 'PUT',
      url: `/api/office/iso/${ids.ubnd}/procedures`,
      cookie: specialist,
      payload: { procedureCodes: ['9.999999'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      'Không có thủ tục mã 9.999999 trong danh mục thủ tục hành chính.',
    );
    const linked = await t.request({
      method: 'PUT',
      url: `/api/office/iso/${ids.ubnd}/procedures`,
      cookie: specialist,
      payload: { procedureCodes: ['1.001193'] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().procedures).toHaveLength(1);

    const badAudit = await t.request({
      method: 'POST',
      url: `/api/office/iso/${ids.ubnd}/audits`,
      cookie: specialist,
      payload: {
        auditedOn: '2026-03-01',
        kind: 'internal',
        findings: 'Thiếu phiếu kiểm soát',
        closedOn: '2026-02-01',
      },
    });
    expect(badAudit.statusCode).toBe(400);
    expect(badAudit.body).toContain('Ngày khắc phục xong không được trước ngày đánh giá.');
    const audit = await t.request({
      method: 'POST',
      url: `/api/office/iso/${ids.ubnd}/audits`,
      cookie: specialist,
      payload: { auditedOn: '2026-03-01', kind: 'internal', findings: 'Thiếu phiếu kiểm soát' },
    });
    expect(audit.json().audits.some((a: { closedOn: string | null }) => a.closedOn === null)).toBe(true);

    const mine = await t.request({ method: 'GET', url: '/api/office/iso?at=2026-01-01', cookie: specialist });
    const row = mine.json().agencies.find((a: { agencyId: string }) => a.agencyId === ids.ubnd);
    expect(row).toMatchObject({ inForce: true, procedureCount: 1 });
    const all = (
      await t.request({ method: 'GET', url: '/api/office/iso?at=2026-01-01', cookie: await t.login(REFORM) })
    ).json();
    const inForce = all.agencies.filter((a: { inForce: boolean }) => a.inForce).length;
    expect(all.coverage).toMatchObject({
      agencies: all.agencies.length,
      inForce,
      share: inForce / all.agencies.length,
    });
    expect(all.agencies.length).toBeGreaterThan(mine.json().agencies.length);
  });

  it('lets only the justice office keep the legal-document review, with counts per year', async () => {
    const plan = { agencyId: ids.justice, year: 2023, title: 'Kế hoạch rà soát VBQPPL năm 2023' };
    const denied = await t.request({
      method: 'POST',
      url: '/api/office/legal-review/plans',
      cookie: specialist,
      payload: plan,
    });
    expect(denied.statusCode).toBe(403);
    const justice = await t.login(JUSTICE);
    const created = await t.request({
      method: 'POST',
      url: '/api/office/legal-review/plans',
      cookie: justice,
      payload: plan,
    });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await t.request({
      method: 'POST',
      url: '/api/office/legal-review/plans',
      cookie: justice,
      payload: plan,
    });
    expect(dup.statusCode).toBe(409);
    const item = (over: Record<string, unknown>) =>
      t.request({
        method: 'POST',
        url: `/api/office/legal-review/plans/${created.json().id}/items`,
        cookie: justice,
        payload: {
          number: '05/2017/QĐ-UBND',
          title: 'Quy định quản lý trật tự xây dựng',
          issuer: 'UBND thành phố Vị Thanh',
          issuedOn: '2017-06-12',
          result: 'unfit',
          action: 'amend',
          reviewedOn: '2023-04-10',
          ...over,
        },
      });
    const noAction = await item({ action: 'none' });
    expect(noAction.statusCode).toBe(400);
    expect(noAction.json().error.message).toContain('phải có hình thức xử lý');
    expect((await item({})).statusCode).toBe(201);
    expect((await item({ number: '02/2016/QĐ-UBND', result: 'expired', action: 'repeal' })).statusCode).toBe(
      201,
    );
    expect((await item({})).statusCode).toBe(409);
    const view = (
      await t.request({ method: 'GET', url: '/api/office/legal-review?year=2023', cookie: justice })
    ).json();
    expect(view.years.find((y: { year: number }) => y.year === 2023)).toEqual({
      year: 2023,
      reviewed: 2,
      inForceFit: 0,
      expired: 1,
      unfit: 1,
      actions: { amend: 1, repeal: 1 },
    });
    expect(view.plans[0]).toMatchObject({ canEdit: true, items: [{}, {}] });
    const reform = (
      await t.request({ method: 'GET', url: '/api/office/legal-review', cookie: await t.login(REFORM) })
    ).json();
    expect(reform.plans.map((p: { year: number }) => p.year)).toEqual(expect.arrayContaining([2023, 2024]));
    const none = (
      await t.request({ method: 'GET', url: '/api/office/legal-review', cookie: specialist })
    ).json();
    expect(none.plans).toEqual([]);
  });

  it('finds the demo seed in place and adds nothing on a second run', async () => {
    const db = t.database.db;
    const [documents, audits] = await Promise.all([db.$count(officialDocuments), db.$count(isoAudits)]);
    expect(await seedDocuments(db)).toMatch(/^Sổ văn bản mẫu: thêm 0 văn bản/);
    expect(await db.$count(officialDocuments)).toBe(documents);
    expect(await db.$count(isoAudits)).toBe(audits);
  });
});
