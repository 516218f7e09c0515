import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { isoFromDay, vnDayOfMs } from '../calendar/day.ts';
import { formatDate } from '../forms/index.ts';
import { readPdf } from '../forms/pdf-text.testing.ts';
import { dossierDocuments, dossiers } from './schema.ts';

type Detail = {
  id: string;
  code: string;
  version: number;
  receivedAt: string;
  dueAt: string;
  state: string;
};

const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_WARD_DESK = 'motcua.vitan@demo.motcua.vn';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart upload of one file, as the desk's browser sends it. */
const multipart = (filename: string, type: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});
// A whole 1 × 1 PNG: uploads are decoded, so a bare header would be refused as corrupt.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003e801b57b526b' +
    '0000000d494441540899636060606000000005000187a14ed40000000049454e44ae426082',
  'hex',
);

describe.each(testDatabaseKinds())('dossier forms, tracking book and files on %s', (kind) => {
  const t = useTestApp(kind);
  let agencyId: Map<string, string>;
  const agency = async (slug: string) => {
    agencyId ??= new Map(
      (
        (await t.request({ method: 'GET', url: '/api/agencies' })).json() as { id: string; slug: string }[]
      ).map((a) => [a.slug, a.id]),
    );
    const id = agencyId.get(slug);
    if (!id) throw new Error(`no agency ${slug}`);
    return id;
  };
  const intake = async (cookie: string, overrides: Record<string, unknown> = {}) => {
    const response = await t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: await agency('cantho-phuong-vi-thanh-ttpvhcc'),
        applicant: {
          fullName: 'Nguyễn Thị Hoa',
          phone: '0912345678',
          citizenId: '093190001234',
          address: 'Phường Vị Thanh',
        },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
        ...overrides,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Detail;
  };
  const act = async (cookie: string, dossier: Detail, action: Record<string, unknown>) => {
    const response = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${dossier.id}/actions`,
      cookie,
      payload: { version: dossier.version, action },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Detail;
  };
  const form = (cookie: string, dossier: { id: string }, kind: string) =>
    t.request({ method: 'GET', url: `/api/office/dossiers/${dossier.id}/forms/${kind}`, cookie });
  // Some texts are checked by fragments or with a wildcard letter: after a first form, the printer's shared
  // fontkit fonts map a few letters (a base glyph of an accented one) wrongly in the text layer of later
  // forms (reported to the forms module).
  const pdfText = async (response: Awaited<ReturnType<typeof form>>) => {
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return (await readPdf(response.rawPayload)).text;
  };

  it('prints the receipt of a walk-in dossier, and no form it does not have yet', async () => {
    const desk = await t.login(DESK);
    const d = await intake(desk);
    const response = await form(desk, d, 'receipt');
    expect(response.headers['content-disposition']).toBe(`inline; filename="receipt-${d.code}.pdf"`);
    const text = await pdfText(response);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(text).toContain('Nguyễn Thị Hoa');
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    expect(text).toContain('UBND PHƯỜNG VỊ THANH');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG VỊ THANH');
    expect(text).toMatch(/Vị Thanh, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toContain('Trần Thị Mai'); // the officer who received it

    const refusal = await form(desk, d, 'refusal');
    expect(refusal.statusCode).toBe(404);
    expect(refusal.json().error.message).toBe('Hồ sơ chưa có phiếu từ chối tiếp nhận giải quyết hồ sơ.');
    expect((await form(desk, d, 'stop-notice')).statusCode).toBe(404);
    expect((await form(desk, d, 'supplement-request')).statusCode).toBe(404);
    // Outside the officer's agencies the dossier does not exist.
    expect((await form(await t.login(OTHER_WARD_DESK), d, 'receipt')).statusCode).toBe(404);
  });

  it('prints the supplement request given at intake, before any code', async () => {
    const desk = await t.login(DESK);
    const d = await intake(desk, { complete: false, supplementReasons: ['Thiếu giấy chứng sinh bản chính'] });
    expect((await form(desk, d, 'receipt')).statusCode).toBe(404);
    const response = await form(desk, d, 'supplement-request');
    expect(response.headers['content-disposition']).toBe(`inline; filename="supplement-request-${d.id}.pdf"`);
    const text = await pdfText(response);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG,');
    expect(text).toContain('Thiếu giấy chứng sinh bản chính');
  });

  it('lists the hand-overs of the steps reached on the control sheet', async () => {
    const desk = await t.login(DESK);
    const specialist = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    let d = await intake(desk);
    d = await act(desk, d, { type: 'complete_step', comment: 'Hồ sơ đầy đủ, chuyển thẩm định' });
    d = await act(specialist, d, { type: 'complete_step', comment: 'Đủ điều kiện' });
    const text = await pdfText(await form(desk, d, 'control-sheet'));
    expect(text).toContain('QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${d.code}`);
    const desk2 = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';
    expect(text).toContain(
      `Tiếp nhận hồ sơ 1. Giao: Tổ chức, cá nhân nộp hồ sơ (Nguyễn Thị Hoa) 2. Nhận: ${desk2} (Trần Thị Mai)`,
    );
    expect(text).toContain(
      `Thẩm định, xử lý hồ sơ 1. Giao: ${desk2} (Trần Thị Mai) 2. Nhận: UBND phường Vị Thanh (Lê Văn Hùng)`,
    );
    expect(text).toContain(
      'Xem xét, trình ký 1. Giao: UBND phường Vị Thanh (Lê Văn Hùng) 2. Nhận: UBND phường',
    );
    expect(text).not.toContain('Ký duyệt 1. Giao'); // not reached yet
    expect(text).toMatch(/Trước hạn|Đúng hạn|Quá hạn/);
  });

  it('answers 404 for the apology before one, and prints it after', async () => {
    const desk = await t.login(DESK);
    const head = await t.login('truongphong.vithanh@demo.motcua.vn');
    // Registering a mobile marriage takes 5 working days: room for an apology at least a day before the due date.
    let d = await intake(desk, { procedureCode: '1.000593' });
    const before = await form(desk, d, 'apology');
    expect(before.statusCode).toBe(404);
    expect(before.json().error.message).toMatch(/^Hồ sơ chưa có (văn bản|phiếu) xin lỗi/);

    const calendar = await workingCalendar(t.database.db);
    const newDue = calendar.addWorkingDays(new Date(d.dueAt), 3);
    const newDueDate = isoFromDay(vnDayOfMs(newDue.getTime()));
    const reason = 'Cần xác minh thông tin cư trú của hai bên tại nơi cư trú trước đây';
    d = await act(head, d, { type: 'apologise', reason, newDueDate });
    const text = await pdfText(await form(desk, d, 'apology'));
    expect(text).toMatch(/VĂN BẢN XIN LỖI|PHIẾU XIN LỖI/);
    expect(text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(text).toContain(reason);
    expect(text).toContain(formatDate(newDue));
    expect(text).toContain('UBND PHƯỜNG VỊ THANH'); // issued by the competent agency
    expect(text).toContain('Phạm Minh Tuấn');
  });

  it('prints the stop notice under Decree 118 only', async () => {
    const desk = await t.login(DESK);
    const head = await t.login('truongphong.vithanh@demo.motcua.vn');
    let d = await intake(desk);
    d = await act(head, d, {
      type: 'stop',
      reason: 'Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ',
      legalBasis: 'Theo đề nghị của người yêu cầu',
    });
    const text = await pdfText(await form(desk, d, 'stop-notice'));
    expect(text).toContain('Mẫu số 05');
    expect(text).toContain('Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ');
    expect(text).toMatch(/Căn cứ: Th.o đề nghị của người yêu cầu/);

    // A dossier received under Decree 61/2018 keeps that profile for good: no stop notice, 2018 numbering.
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    if (!row) throw new Error('dossier not stored');
    await t.database.db
      .update(dossiers)
      .set({ snapshot: { ...row.snapshot, ruleProfile: 'nd61-2018' } })
      .where(eq(dossiers.id, d.id));
    const old = await form(desk, d, 'stop-notice');
    expect(old.statusCode).toBe(404);
    expect(old.json().error.message).toMatch(/Nghị định 61\/2018\/NĐ-CP không có thông báo dừng/);
    const receipt = await pdfText(await form(desk, d, 'receipt'));
    expect(receipt).toContain('Thông tư số 01/2018/TT-VPCP');
  });

  it('exports the tracking book of the desk as PDF and XLSX, to its officers only', async () => {
    const desk = await t.login(DESK);
    const first = await intake(desk);
    const second = await intake(desk, { applicant: { fullName: 'Trần Quốc Việt', address: 'Khu vực 3' } });
    const day = isoFromDay(vnDayOfMs(Date.parse(second.receivedAt)));
    const deskId = await agency('cantho-phuong-vi-thanh-ttpvhcc');
    const book = (cookie: string, query: string) =>
      t.request({ method: 'GET', url: `/api/office/tracking-book?${query}`, cookie });

    const pdf = await book(desk, `agencyId=${deskId}&from=${day}&to=${day}`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Mẫu số 07');
    expect(text).toContain('Trung tâm Phục vụ hành chính công phường Vị Thanh');
    for (const d of [first, second]) expect(text.replaceAll(' ', '')).toContain(d.code);

    const xlsx = await book(desk, `agencyId=${deskId}&from=${day}&to=${day}&format=xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="so-theo-doi-ho-so-${day}-${day}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Mã hồ sơ');
    const codes = rows.slice(1).map((r) => r[2]);
    expect(codes.indexOf(second.code)).toBeGreaterThan(codes.indexOf(first.code));
    expect(codes.indexOf(first.code)).toBeGreaterThanOrEqual(0);
    const line = rows.find((r) => r[2] === second.code);
    expect(line).toContain('Trần Quốc Việt');
    // The book numbers run through the year: consecutive receipts get consecutive numbers.
    expect(Number(line?.[1])).toBe(Number(rows.find((r) => r[2] === first.code)?.[1]) + 1);

    const otherWard = await book(await t.login(OTHER_WARD_DESK), `agencyId=${deskId}&from=${day}&to=${day}`);
    expect(otherWard.statusCode).toBe(403);
    expect(otherWard.json().error.message).toMatch(/không có quyền/);
  });

  it('refuses bad kinds, ids, dates and ranges with Vietnamese messages', async () => {
    const desk = await t.login(DESK);
    const d = await intake(desk);
    const deskId = await agency('cantho-phuong-vi-thanh-ttpvhcc');
    const bad = async (url: string, pattern: RegExp) => {
      const response = await t.request({ method: 'GET', url, cookie: desk });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.message).toMatch(pattern);
    };
    await bad(`/api/office/dossiers/${d.id}/forms/tracking-book`, /Loại biểu mẫu phải là một trong/);
    await bad('/api/office/dossiers/not-a-uuid/forms/receipt', /Mã hồ sơ không hợp lệ/);
    const book = `/api/office/tracking-book?agencyId=${deskId}`;
    await bad(`${book}&from=2026-02-30&to=2026-03-01`, /Ngày không tồn tại/);
    await bad(`${book}&from=01/02/2026&to=2026-03-01`, /YYYY-MM-DD/);
    await bad(`${book}&from=2026-03-01&to=2026-02-01`, /Ngày kết thúc phải từ ngày bắt đầu/);
    await bad(`${book}&from=2025-03-01&to=2026-03-01`, /tối đa 1 năm/);
    await bad(`${book}&from=2010-01-01&to=2010-12-31`, /trước ngày 21\/06\/2018/);
    await bad(`${book}&from=2026-03-01&to=2026-03-02&format=doc`, /pdf hoặc xlsx/);
    await bad(
      '/api/office/tracking-book?agencyId=x&from=2026-03-01&to=2026-03-02',
      /Mã cơ quan không hợp lệ/,
    );
    await bad('/api/office/files/abc', /64 ký tự/);
    const year = await t.request({
      method: 'GET',
      url: `${book}&from=2025-03-01&to=2026-02-28`,
      cookie: desk,
    });
    expect(year.statusCode, year.body).toBe(200);
    const anonymous = await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}/forms/receipt` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves a file only through a dossier the officer may see', async () => {
    const desk = await t.login(DESK);
    const specialist = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    const head = await t.login('truongphong.vithanh@demo.motcua.vn');
    const leader = await t.login('lanhdao.vithanh@demo.motcua.vn');
    const clerk = await t.login('vanthu.vithanh@demo.motcua.vn');
    const otherWard = await t.login(OTHER_WARD_DESK);
    const file = (cookie: string, fileId: string) =>
      t.request({ method: 'GET', url: `/api/office/files/${fileId}`, cookie });

    // A scanned document attached to a dossier (the upload-to-dossier path belongs to the intake).
    const upload = await t.request({
      method: 'POST',
      url: '/api/office/files',
      cookie: desk,
      ...multipart('giay-chung-sinh.png', 'image/png', PNG),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const scan = upload.json().fileId as string;
    expect((await file(desk, scan)).statusCode).toBe(404); // uploaded but not part of any dossier yet
    let d = await intake(desk);
    const [row] = await t.database.db
      .select({ ownerUnitId: dossiers.ownerUnitId })
      .from(dossiers)
      .where(eq(dossiers.id, d.id));
    await t.database.db.insert(dossierDocuments).values({
      ownerUnitId: row?.ownerUnitId ?? '',
      dossierId: d.id,
      kind: 'submitted',
      name: 'Giấy chứng sinh (bản quét)',
      originals: 1,
      fileSha256: scan,
      mime: 'image/png',
      sizeBytes: PNG.length,
    });
    const served = await file(desk, scan.toUpperCase());
    expect(served.statusCode, served.body).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect((await file(otherWard, scan)).statusCode).toBe(404);

    // The result of a dossier, once issued.
    d = await act(desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định' });
    d = await act(specialist, d, { type: 'complete_step', comment: 'Đủ điều kiện' });
    d = await act(head, d, { type: 'complete_step', comment: 'Trình ký' });
    d = await act(leader, d, { type: 'approve', decisionNo: '21/QĐ-UBND' });
    const result = await t.request({
      method: 'POST',
      url: '/api/office/files',
      cookie: clerk,
      ...multipart('ket-qua.pdf', 'application/pdf', Buffer.from(`%PDF-1.4 trich luc ${d.id}`)),
    });
    const resultId = result.json().fileId as string;
    expect((await file(desk, resultId)).statusCode).toBe(404);
    d = await act(clerk, d, { type: 'issue_result', resultFileId: resultId });
    const issued = await file(desk, resultId);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.headers['content-type']).toBe('application/pdf');
    expect((await file(otherWard, resultId)).statusCode).toBe(404);
  });
});
