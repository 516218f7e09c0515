import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { agencies } from '../org/schema.ts';
import { officialDocuments } from './schema.ts';

// Correcting a register entry and archiving one entered in error: the version read decides (stale → 409 with a
// Vietnamese message, nothing changed), only the agency's officers may, and every change stays in the history.

const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn'; // UBND phường Vị Thanh
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';

describe.each(testDatabaseKinds())('editing the documents register on %s', (kind) => {
  const t = useTestApp(kind);
  let specialist = '';
  let other = '';
  let ubnd = '';
  let noiVu = '';
  const doc = (over: Record<string, unknown> = {}) => ({
    direction: 'incoming',
    number: '55',
    symbol: 'KH-NV',
    issuedOn: '2026-03-02',
    summary: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026',
    counterpartKind: 'agency',
    counterpartAgencyId: noiVu,
    electronic: true,
    digitallySigned: true,
    status: 'pending',
    ...over,
  });
  const add = async (over: Record<string, unknown> = {}) => {
    const r = await t.request({
      method: 'POST',
      url: '/api/office/documents',
      cookie: specialist,
      payload: { agencyId: ubnd, document: doc(over) },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  };

  beforeAll(async () => {
    const rows = await t.database.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies);
    ubnd = rows.find((a) => a.slug === 'cantho-phuong-vi-thanh-ubnd')?.id as string;
    noiVu = rows.find((a) => a.slug === 'vithanh-noi-vu')?.id as string;
    specialist = await t.login(SPECIALIST);
    other = await t.login(OTHER_DESK);
  });

  it('corrects an entry on the version read and refuses a stale one; the history keeps before and after', async () => {
    const entry = await add();
    const url = `/api/office/documents/${entry.id}`;
    const ok = await t.request({
      method: 'PATCH',
      url,
      cookie: specialist,
      payload: { version: entry.version, document: doc({ status: 'done', handler: 'Lê Văn Hùng' }) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', handler: 'Lê Văn Hùng', version: entry.version + 1 });
    const stale = await t.request({
      method: 'PATCH',
      url,
      cookie: specialist,
      payload: { version: entry.version, document: doc({ summary: 'Bản sửa cũ' }) },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      'Văn bản vừa được người khác sửa sau khi bạn mở; vui lòng tải lại sổ để xem bản mới rồi sửa lại.',
    );
    const [row] = await t.database.db
      .select()
      .from(officialDocuments)
      .where(eq(officialDocuments.id, entry.id));
    expect(row?.summary).toBe('Kế hoạch kiểm tra công tác cải cách hành chính năm 2026');
    const history = await t.request({ method: 'GET', url: `${url}/history`, cookie: specialist });
    expect(history.json()).toMatchObject({
      items: [
        {
          action: 'updated',
          data: {
            before: { status: 'pending', handler: null },
            after: { status: 'done', handler: 'Lê Văn Hùng' },
          },
        },
      ],
    });
  });

  it('refuses a correction that duplicates another entry, bad input, and another agency’s officer', async () => {
    await add({ number: '56' });
    const entry = await add({ number: '57' });
    const url = `/api/office/documents/${entry.id}`;
    const duplicate = await t.request({
      method: 'PATCH',
      url,
      cookie: specialist,
      payload: { version: entry.version, document: doc({ number: '56' }) },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe(
      'Văn bản đến số 56/KH-NV ngày 02/03/2026 đã có trong sổ của cơ quan.',
    );
    const bad = await t.request({
      method: 'PATCH',
      url,
      cookie: specialist,
      payload: { version: entry.version, document: doc({ electronic: false, digitallySigned: true }) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Văn bản giấy không thể có chữ ký số.');
    const outsider = await t.request({
      method: 'PATCH',
      url,
      cookie: other,
      payload: { version: entry.version, document: doc({ summary: 'Không được sửa' }) },
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('archives an entry entered in error: out of the register, kept with the reason, no longer editable', async () => {
    const entry = await add({ number: '58' });
    const url = `/api/office/documents/${entry.id}`;
    const noReason = await t.request({
      method: 'POST',
      url: `${url}/archive`,
      cookie: specialist,
      payload: { version: entry.version },
    });
    expect(noReason.statusCode).toBe(400);
    const archived = await t.request({
      method: 'POST',
      url: `${url}/archive`,
      cookie: specialist,
      payload: { version: entry.version, reason: 'Nhập trùng với văn bản số 55' },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const list = await t.request({
      method: 'GET',
      url: `/api/office/documents?agencyId=${ubnd}&q=KH-NV`,
      cookie: specialist,
    });
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(entry.id);
    const again = await t.request({
      method: 'PATCH',
      url,
      cookie: specialist,
      payload: { version: entry.version + 1, document: doc({ number: '58' }) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Văn bản đã được lưu trữ, không sửa được nữa.');
    const history = await t.request({ method: 'GET', url: `${url}/history`, cookie: specialist });
    expect(history.json()).toMatchObject({
      items: [{ action: 'archived', data: { reason: 'Nhập trùng với văn bản số 55' } }],
    });
  });
});
