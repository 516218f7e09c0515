import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/connect.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { importOfficials } from './import-officials.ts';
import { staffOfficials } from './schema.ts';

const HEAD = 'truongphong.vithanh@demo.motcua.vn';
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';

type Figure = { key: string; serving: number; counted: number; share: number | null; met: boolean };
type Indicators = { total: Figure[]; agencies: { agencyName: string; figures: Figure[] }[] };

const official = (agencyId: string, over: Record<string, unknown> = {}) => ({
  agencyId,
  fullName: 'Trương Thị Mỹ Duyên',
  birthDate: '1990-04-12',
  position: 'Chuyên viên',
  category: 'civil_servant',
  degreeLevel: 'university',
  fieldOfStudy: 'Luật',
  politicalTheory: 'intermediate',
  startDate: '2015-08-01',
  ...over,
});

const multipart = (filename: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});

describe.each(testDatabaseKinds())('staff capacity API (%s)', (kind) => {
  const t = useTestApp(kind);
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const rows = await t.database.db
      .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
      .from(agencies);
    for (const r of rows) ids[r.slug] = r.id;
    for (const [key, email] of Object.entries({
      head: HEAD,
      specialist: SPECIALIST,
      reform: REFORM,
      vitan: OTHER_DESK,
    }))
      cookies[key] = await t.login(email);
  }, 60_000);

  const get = (who: string, url: string) => t.request({ method: 'GET', url, cookie: cookies[who] as string });
  const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie: cookies[who] as string, ...(payload ? { payload } : {}) });
  const countIn = async (agencyId: string) =>
    (
      await t.database.db
        .select({ id: staffOfficials.id })
        .from(staffOfficials)
        .where(eq(staffOfficials.agencyId, agencyId))
    ).length;

  it('needs a signed-in officer', async () => {
    expect((await t.request({ method: 'GET', url: '/api/office/staff/officials' })).statusCode).toBe(401);
  });

  it('rejects invalid input with Vietnamese messages and writes nothing', async () => {
    const agencyId = ids['cantho-phuong-vi-tan-ubnd'] as string;
    const before = await countIn(agencyId);
    const bad = await send('reform', 'POST', '/api/office/staff/officials', {
      ...official(agencyId),
      fullName: '',
      degreeLevel: 'tieu_hoc',
      startDate: '1980-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const messages = (bad.json().error.fields as { message: string }[]).map((f) => f.message).join(' | ');
    expect(messages).toContain('Vui lòng nhập họ và tên.');
    expect(messages).toContain('Vui lòng chọn trình độ chuyên môn.');
    const order = await send('reform', 'POST', '/api/office/staff/officials', {
      ...official(agencyId),
      startDate: '1980-01-01',
    });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('Ngày bắt đầu công tác phải sau ngày sinh.');
    expect(await countIn(agencyId)).toBe(before);
  });

  it('lets an agency head manage only their own agency; others only read their own', async () => {
    const own = ids['cantho-phuong-vi-thanh-ubnd'] as string;
    const other = ids['cantho-phuong-vi-thanh-kinh-te'] as string;
    const created = await send('head', 'POST', '/api/office/staff/officials', official(own));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      fullName: 'Trương Thị Mỹ Duyên',
      canEdit: true,
      trainedOnline: false,
    });
    const again = await send('head', 'POST', '/api/office/staff/officials', {
      ...official(own),
      fullName: 'TRƯƠNG THỊ MỸ DUYÊN',
    });
    expect(again.statusCode).toBe(409);
    expect((await send('head', 'POST', '/api/office/staff/officials', official(other))).statusCode).toBe(403);
    expect(
      (await send('specialist', 'POST', '/api/office/staff/officials', official(own, { fullName: 'Lê An' })))
        .statusCode,
    ).toBe(403);

    const read = await get('specialist', `/api/office/staff/officials?agencyId=${own}&q=my duyen`);
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toMatchObject([{ fullName: 'Trương Thị Mỹ Duyên', canEdit: false }]);
    expect(
      (await get('specialist', `/api/office/staff/officials?agencyId=${ids['vithanh-noi-vu']}`)).statusCode,
    ).toBe(403);
    const mine = await get('vitan', '/api/office/staff/officials?pageSize=200');
    expect(
      mine
        .json()
        .items.every((o: { agencyId: string }) => o.agencyId === ids['cantho-phuong-vi-tan-ttpvhcc']),
    ).toBe(true);

    // Leaving: the end date is set, the official stays in history.
    const left = await send('head', 'PUT', `/api/office/staff/officials/${created.json().id}`, {
      ...official(own),
      endDate: '2025-10-31',
    });
    expect(left.statusCode, left.body).toBe(200);
    const serving = await get('head', `/api/office/staff/officials?agencyId=${own}&q=my duyen`);
    expect(serving.json().total).toBe(0);
    const history = await get('head', `/api/office/staff/officials?agencyId=${own}&q=my duyen&status=all`);
    expect(history.json().items).toMatchObject([{ endDate: '2025-10-31' }]);
  });

  it('imports the Excel template: valid rows upserted, bad rows reported with their row number', async () => {
    const template = await get('reform', '/api/office/staff/officials/import-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên *');
    const agency = 'UBND phường Vị Tân';
    // The template's drop-downs occupy rows 2–500, so rows are written in place rather than appended.
    const put = (row: number, values: ExcelJS.CellValue[]) => {
      sheet.getRow(row).values = values;
    };
    put(2, [
      agency,
      'Lâm Thị Ngọc Hân',
      '12/03/1992',
      'Chuyên viên',
      'Công chức',
      'Đại học',
      'Luật',
      '',
      '01/09/2016',
    ]);
    put(3, [
      agency,
      'Châu Văn Lực',
      new Date(Date.UTC(1985, 6, 2)),
      'Phó Chủ tịch UBND',
      'Cán bộ',
      'Cao đẳng',
      '',
      'Trung cấp',
      '15/05/2010',
    ]);
    put(4, [agency, 'Tô Minh Khang', '31/02/1991', '', 'Công chức', '', '', '', '01/01/2019']);
    put(5, [
      'Phòng Không Tồn Tại',
      'Kha Thị Lụa',
      '01/01/1990',
      '',
      'Viên chức',
      'Đại học',
      '',
      '',
      '01/01/2015',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const agencyId = ids['cantho-phuong-vi-tan-ubnd'] as string;
    const before = await countIn(agencyId);

    const denied = await t.request({
      method: 'POST',
      url: '/api/office/staff/officials/import',
      cookie: cookies.head as string,
      ...multipart('ds.xlsx', file),
    });
    expect(denied.statusCode).toBe(200);
    expect(denied.json()).toMatchObject({ inserted: 0, updated: 0 });
    expect(denied.json().rejected[0].reasons[0]).toContain(
      'Bạn không có quyền cập nhật cán bộ của «UBND phường Vị Tân»',
    );

    const report = await t.request({
      method: 'POST',
      url: '/api/office/staff/officials/import',
      cookie: cookies.reform as string,
      ...multipart('ds.xlsx', file),
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toEqual({
      total: 4,
      inserted: 2,
      updated: 0,
      rejected: [
        {
          row: 4,
          fullName: 'Tô Minh Khang',
          reasons: ['Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).', 'Thiếu trình độ chuyên môn.'],
        },
        {
          row: 5,
          fullName: 'Kha Thị Lụa',
          reasons: ['Không tìm thấy cơ quan «Phòng Không Tồn Tại» trong danh mục.'],
        },
      ],
    });
    expect(await countIn(agencyId)).toBe(before + 2);

    // The same people again (the name typed differently) update rather than duplicate.
    sheet.getCell('B2').value = 'LÂM THỊ NGỌC HÂN';
    sheet.getCell('F2').value = 'Thạc sĩ';
    const second = await t.request({
      method: 'POST',
      url: '/api/office/staff/officials/import',
      cookie: cookies.reform as string,
      ...multipart('ds.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())),
    });
    expect(second.json()).toMatchObject({ inserted: 0, updated: 2 });
    expect(await countIn(agencyId)).toBe(before + 2);
    const [han] = await t.database.db
      .select({ degreeLevel: staffOfficials.degreeLevel, fullName: staffOfficials.fullName })
      .from(staffOfficials)
      .where(and(eq(staffOfficials.agencyId, agencyId), eq(staffOfficials.nameKey, 'lam thi ngoc han')));
    expect(han).toEqual({ degreeLevel: 'master', fullName: 'LÂM THỊ NGỌC HÂN' });

    const notExcel = await t.request({
      method: 'POST',
      url: '/api/office/staff/officials/import',
      cookie: cookies.reform as string,
      ...multipart('ds.xlsx', Buffer.from('Họ và tên;Ngày sinh')),
    });
    expect(notExcel.statusCode).toBe(415);
  });

  it('writes nothing when an unexpected error strikes half way through an import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách cán bộ');
    sheet.addRow([
      'Cơ quan, đơn vị',
      'Họ và tên',
      'Ngày sinh',
      'Ngạch, loại',
      'Trình độ chuyên môn',
      'Ngày bắt đầu công tác',
    ]);
    sheet.addRow(['UBND phường Vị Tân', 'Mạc Thị Xuyến', '02/02/1994', 'Công chức', 'Đại học', '01/06/2019']);
    sheet.addRow(['UBND phường Vị Tân', 'Mạc Văn Tường', '03/03/1995', 'Công chức', 'Đại học', '01/06/2020']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const agencyId = ids['cantho-phuong-vi-tan-ubnd'] as string;
    const before = await countIn(agencyId);
    // The second insert inside the transaction fails as a lost connection would.
    const real = t.database.db;
    const failing = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (fn: (tx: Db) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            let inserts = 0;
            const flaky = new Proxy(tx, {
              get(txTarget, txKey, txReceiver) {
                const value = Reflect.get(txTarget, txKey, txReceiver);
                if (txKey !== 'insert') return typeof value === 'function' ? value.bind(txTarget) : value;
                return (...args: unknown[]) => {
                  if (++inserts === 2) throw new Error('connection lost');
                  return (value as (...a: unknown[]) => unknown).apply(txTarget, args);
                };
              },
            });
            return fn(flaky as unknown as Db);
          });
      },
    }) as Db;
    const reform = {
      userId: 'x',
      kind: 'officer' as const,
      fullName: 'Cán bộ CCHC',
      roles: [{ role: 'reform_officer' as const, agencyId: ids['vithanh-noi-vu'] as string }],
    };
    await expect(importOfficials(failing, reform, bytes)).rejects.toThrow('connection lost');
    expect(await countIn(agencyId)).toBe(before);
  });

  it('records a course; the trained share, its target and drill-down follow', async () => {
    const agencyId = ids['cantho-phuong-vi-tan-ubnd'] as string;
    const scope = `agencyId=${agencyId}&asOf=2025-11-20`;
    const figures = async () =>
      (await get('reform', `/api/office/staff/indicators?${scope}`)).json() as Indicators;
    const before = await figures();
    const trained = () => before.total.find((f) => f.key === 'trained_online') as Figure;
    // Imported above: Lâm Thị Ngọc Hân (master) and Châu Văn Lực (college); nobody trained yet.
    expect(trained()).toMatchObject({ serving: 2, counted: 0, share: 0, met: false });
    expect(before.total.find((f) => f.key === 'university_degree')).toMatchObject({
      serving: 2,
      counted: 1,
      share: 0.5,
    });

    const course = {
      name: 'Tập huấn Cổng dịch vụ công quốc gia',
      organiser: 'Phòng Nội vụ',
      topicKey: 'online_service_software',
      startDate: '2025-10-01',
      endDate: '2025-10-02',
    };
    expect((await send('specialist', 'POST', '/api/office/staff/courses', course)).statusCode).toBe(403);
    expect(
      (await send('reform', 'POST', '/api/office/staff/courses', { ...course, endDate: '2025-09-01' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await send('reform', 'POST', '/api/office/staff/courses', { ...course, topicKey: 'unknown' }))
        .statusCode,
    ).toBe(400);
    const created = await send('reform', 'POST', '/api/office/staff/courses', course);
    expect(created.statusCode, created.body).toBe(201);
    const courseId = created.json().id as string;

    const list = await get('reform', `/api/office/staff/officials?agencyId=${agencyId}`);
    const people = list.json().items as { id: string; fullName: string }[];
    const han = people.find((p) => p.fullName === 'LÂM THỊ NGỌC HÂN')?.id as string;
    const luc = people.find((p) => p.fullName === 'Châu Văn Lực')?.id as string;
    // The head of phường Vị Thanh may not record officials of phường Vị Tân.
    const foreign = await send('head', 'PUT', `/api/office/staff/courses/${courseId}/participants`, {
      participants: [{ officialId: han, result: 'completed' }],
    });
    expect(foreign.statusCode).toBe(403);
    const saved = await send('reform', 'PUT', `/api/office/staff/courses/${courseId}/participants`, {
      participants: [
        { officialId: han, result: 'completed', certificateNo: 'CN-2025-015' },
        { officialId: luc, result: 'not_completed' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().course).toMatchObject({ participants: 2, completed: 1 });

    expect((await figures()).total.find((f) => f.key === 'trained_online')).toMatchObject({
      counted: 1,
      share: 0.5,
      met: false,
    });
    // Before the course ended, nobody counts.
    const earlier = (
      await get('reform', `/api/office/staff/indicators?agencyId=${agencyId}&asOf=2025-10-01`)
    ).json() as Indicators;
    expect(earlier.total.find((f) => f.key === 'trained_online')).toMatchObject({ counted: 0 });

    const missing = await get(
      'reform',
      `/api/office/staff/indicators/officials?${scope}&indicator=trained_online&counted=false`,
    );
    expect(missing.json().map((o: { fullName: string }) => o.fullName)).toEqual(['Châu Văn Lực']);

    await send('reform', 'PUT', `/api/office/staff/courses/${courseId}/participants`, {
      participants: [{ officialId: luc, result: 'completed' }],
    });
    expect((await figures()).total.find((f) => f.key === 'trained_online')).toMatchObject({
      counted: 2,
      share: 1,
      met: true,
    });
    const detail = await get('reform', `/api/office/staff/officials/${luc}`);
    expect(detail.json().trainings).toMatchObject([
      {
        courseName: course.name,
        result: 'completed',
        topicLabel: expect.stringContaining('dịch vụ công trực tuyến'),
      },
    ]);
  });

  it('rolls old units up to their successor in the current view, not in the historical one', async () => {
    const [unit] = await t.database.db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(and(eq(adminUnits.name, 'Phường Vị Thanh'), isNull(adminUnits.validTo)));
    const at = (view: string) =>
      get('reform', `/api/office/staff/indicators?unitId=${unit?.id}&view=${view}&asOf=2025-06-30`);
    const current = (await at('current')).json() as Indicators;
    const historical = (await at('historical')).json() as Indicators;
    // On 30 June 2025 the old Phường I and VII (predecessors of phường Vị Thanh) had seeded officials.
    expect(current.agencies.map((a) => a.agencyName)).toEqual(
      expect.arrayContaining(['UBND Phường I', 'UBND Phường VII']),
    );
    expect(current.total[0]?.serving).toBeGreaterThan(0);
    expect(historical.agencies.map((a) => a.agencyName)).not.toContain('UBND Phường I');
    expect(historical.total[0]?.serving).toBeLessThan(current.total[0]?.serving ?? 0);
  });
});
