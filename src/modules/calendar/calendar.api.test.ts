import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

describe.each(testDatabaseKinds())('calendar API on %s', (kind) => {
  const t = useTestApp(kind);
  const get = (url: string) => t.request({ method: 'GET', url });

  it('lists the days off of 2026 with Vietnamese names, Tết naming its lunar days', async () => {
    const response = await get('/api/calendar/holidays?year=2026');
    expect(response.statusCode).toBe(200);
    const days = response.json() as { date: string; name: string; kind: string }[];
    const dates = days.map((d) => d.date);
    expect(dates).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-20']),
    );
    expect(days.find((d) => d.date === '2026-02-17')?.name).toMatch(/Tết Nguyên Đán \(mùng 1 tháng Giêng\)/);
    // Hùng Kings falls on Sunday 26/4/2026: Monday 27/4 is off in lieu.
    expect(days.find((d) => d.date === '2026-04-27')?.kind).toBe('compensation');
  });

  it('computes due dates in working days, skipping Tết', async () => {
    const from = encodeURIComponent('2026-02-12T09:00:00+07:00');
    const response = await get(`/api/calendar/due?from=${from}&workingDays=5`);
    expect(response.statusCode).toBe(200);
    // Counting from Fri 13/2; 16–20/2 are Tết: 13, 23, 24, 25, 26 → due Thu 26/2 at 17:00 (UTC+7).
    expect(response.json()).toEqual({ due: '2026-02-26T10:00:00.000Z' });
  });

  it('refuses bad parameters with Vietnamese messages', async () => {
    for (const url of [
      '/api/calendar/holidays?year=abc',
      '/api/calendar/holidays?year=1800',
      '/api/calendar/due?from=yesterday&workingDays=3',
      '/api/calendar/due?from=2026-02-12T09:00:00Z&workingDays=-1',
      '/api/calendar/due?workingDays=3',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION');
    }
  });

  it('lets an administrator add an extra day off, which moves due dates, and remove it again', async () => {
    const admin = await t.login('quantri@demo.motcua.vn');
    const from = encodeURIComponent('2026-08-27T09:00:00+07:00');
    const before = (await get(`/api/calendar/due?from=${from}&workingDays=3`)).json().due;
    const added = await t.request({
      method: 'POST',
      url: '/api/admin/calendar/schedule',
      cookie: admin,
      payload: {
        date: '2026-08-31',
        type: 'day_off',
        name: 'Nghỉ bù dịp Quốc khánh',
        instrument: 'Thông báo số 999/TB-BNV (thử)',
      },
    });
    expect(added.statusCode).toBe(201);
    const after = (await get(`/api/calendar/due?from=${from}&workingDays=3`)).json().due;
    expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());
    const duplicate = await t.request({
      method: 'POST',
      url: '/api/admin/calendar/schedule',
      cookie: admin,
      payload: { date: '2026-08-31', type: 'working_day', name: 'Làm bù', instrument: 'X/Y' },
    });
    expect(duplicate.statusCode).toBe(409);
    const impossible = await t.request({
      method: 'POST',
      url: '/api/admin/calendar/schedule',
      cookie: admin,
      payload: { date: '2026-02-30', type: 'day_off', name: 'Không có ngày này', instrument: 'X/Y' },
    });
    expect(impossible.statusCode).toBe(400);
    const rows = (
      await t.request({ method: 'GET', url: '/api/admin/calendar/schedule?year=2026', cookie: admin })
    ).json();
    const row = rows.find((r: { date: string }) => r.date === '2026-08-31');
    expect(
      (await t.request({ method: 'DELETE', url: `/api/admin/calendar/schedule/${row.id}`, cookie: admin }))
        .statusCode,
    ).toBe(204);
    expect((await get(`/api/calendar/due?from=${from}&workingDays=3`)).json().due).toBe(before);
    const officer = await t.login('motcua.vithanh@demo.motcua.vn');
    expect(
      (await t.request({ method: 'GET', url: '/api/admin/calendar/schedule', cookie: officer })).statusCode,
    ).toBe(403);
  });
});
