import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

describe.each(testDatabaseKinds())('online form schemas on %s', (kind) => {
  const t = useTestApp(kind);
  const url = '/api/admin/procedures/1.003583/form-schema';

  it('lets an administrator define a form that the portal then offers, with concurrency and validation', async () => {
    const admin = await t.login('quantri@demo.motcua.vn');
    const before = (await t.request({ method: 'GET', url, cookie: admin })).json();
    expect(before.formSchema).toEqual({ fields: [] });
    expect(before.documentSlots.length).toBeGreaterThan(0);

    const invalid = await t.request({
      method: 'PUT',
      url,
      cookie: admin,
      payload: {
        version: before.version,
        formSchema: { fields: [{ key: 'Sai Ma', label: '', type: 'select' }] },
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields.length).toBeGreaterThanOrEqual(2);

    const formSchema = {
      fields: [{ key: 'placeOfBirth', label: 'Nơi sinh', type: 'text', required: true }],
      documentRules: [{ slot: '0.2', required: true }],
    };
    const saved = await t.request({
      method: 'PUT',
      url,
      cookie: admin,
      payload: { version: before.version, formSchema },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(before.version + 1);
    expect(saved.json().documentSlots.find((s: { slot: string }) => s.slot === '0.2').required).toBe(true);

    const stale = await t.request({
      method: 'PUT',
      url,
      cookie: admin,
      payload: { version: before.version, formSchema },
    });
    expect(stale.statusCode).toBe(409);

    const info = (await t.request({ method: 'GET', url: '/api/procedures/1.003583/application' })).json();
    expect(info.formSchema.fields[0].label).toBe('Nơi sinh');

    const officer = await t.login('motcua.vithanh@demo.motcua.vn');
    expect((await t.request({ method: 'GET', url, cookie: officer })).statusCode).toBe(403);
  });
});
