import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

describe.each(testDatabaseKinds())('catalog API on %s', (kind) => {
  const t = useTestApp(kind);
  const search = async (query: string) => {
    const response = await t.request({ method: 'GET', url: `/api/procedures?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: { code: string; name: string; field: string }[]; total: number };
  };

  it('reports health and the database kind', async () => {
    const response = await t.request({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('finds procedures without diacritics, in any case and word order, best name match first', async () => {
    const plain = await search('q=khai%20sinh');
    expect(plain.items[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh' });
    expect(plain.total).toBeGreaterThanOrEqual(10);
    expect(plain.items.every((p) => /khai sinh/i.test(p.name))).toBe(true);
    const accented = await search(`q=${encodeURIComponent('KHAI SINH')}`);
    expect(accented.items.map((p) => p.code)).toEqual(plain.items.map((p) => p.code));
    const reversed = await search('q=sinh%20khai');
    expect(reversed.total).toBe(plain.total);
    const marriage = await search(`q=${encodeURIComponent('dang ky ket hon')}`);
    expect(marriage.items[0]?.name).toBe('Thủ tục đăng ký kết hôn');
    const upper = await search(`q=${encodeURIComponent('ĐĂNG KÝ KẾT HÔN')}`);
    expect(upper.items.map((p) => p.code)).toEqual(marriage.items.map((p) => p.code));
  });

  it('finds a procedure by its national code and says so when nothing matches', async () => {
    expect((await search('q=1.001193')).items[0]?.code).toBe('1.001193');
    expect(await search('q=xyzxyz%20khong%20co')).toEqual({ items: [], total: 0 });
  });

  it('filters by field, level and online mode and pages through results', async () => {
    const civil = await search(`field=${encodeURIComponent('Hộ tịch')}&pageSize=100`);
    expect(civil.total).toBe(41);
    expect(civil.items.every((p) => p.field === 'Hộ tịch')).toBe(true);
    const ministry = await search('level=ministry&pageSize=100');
    expect(ministry.total).toBe(39);
    const offline = await search('online=none&pageSize=5');
    expect(offline.total).toBe(248 - 212);
    const first = await search('pageSize=10&page=1');
    const second = await search('pageSize=10&page=2');
    expect(first.total).toBe(248);
    expect(second.items).toHaveLength(10);
    expect(new Set([...first.items, ...second.items].map((p) => p.code)).size).toBe(20);
    expect((await search('page=999')).items).toEqual([]);
  });

  it('filters by the agency that carries the procedure out', async () => {
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies?at=2026-01-01' })).json() as {
      id: string;
      slug: string;
    }[];
    const police = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-cong-an');
    expect(police).toBeDefined();
    const result = await search(`agency=${police?.id}&pageSize=100`);
    expect(result.total).toBe(30);
    expect(new Set(result.items.map((p) => p.field))).toEqual(
      new Set(['Cấp, quản lý căn cước', 'Đăng ký, quản lý cư trú']),
    );
  });

  it('rejects bad query parameters with a Vietnamese message naming the field', async () => {
    for (const query of [
      'pageSize=1000',
      'page=0',
      'level=galaxy',
      'online=maybe',
      'agency=abc',
      `q=${'a'.repeat(201)}`,
    ]) {
      const response = await t.request({ method: 'GET', url: `/api/procedures?${query}` });
      expect(response.statusCode, query).toBe(400);
      const body = response.json();
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toMatch(/trường «(pageSize|page|level|online|agency|q)»/);
    }
  });

  it('returns a full procedure with documents, fees, time, steps and where to apply', async () => {
    const response = await t.request({ method: 'GET', url: '/api/procedures/1.001193' });
    expect(response.statusCode).toBe(200);
    const p = response.json();
    expect(p.name).toBe('Thủ tục đăng ký khai sinh');
    expect(p.requiredDocuments.length).toBeGreaterThan(0);
    expect(p.internalProcess.length).toBeGreaterThanOrEqual(5);
    expect(p.internalProcessIsDefault).toBe(true);
    expect(p.agencies.map((a: { name: string }) => a.name)).toContain('UBND phường Vị Thanh');
    expect(p.legalBasis.length).toBeGreaterThan(0);
  });

  it('answers 404 in Vietnamese for unknown codes', async () => {
    const response = await t.request({ method: 'GET', url: '/api/procedures/9.999999' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('Không tìm thấy thủ tục có mã 9.999999.');
  });

  it('lists fields with counts', async () => {
    const fields = (await t.request({ method: 'GET', url: '/api/procedures/fields' })).json();
    expect(fields[0]).toEqual({ field: 'Hộ tịch', count: 41 });
    expect(fields.reduce((sum: number, f: { count: number }) => sum + f.count, 0)).toBe(248);
  });
});
