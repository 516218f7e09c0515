import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { dimensionConditions } from './figure-filter.ts';
import { figureQuerySchema } from './query.ts';

// The procedure filter takes an id or the national code (the catalog API, and so the web, knows only codes).

const base = {
  unitIds: ['8c0d3b1e-7a35-4f5e-9a3b-2d1f0c9e8a71'],
  fromMonth: '2026-01-01',
  toMonth: '2026-02-01',
};
const render = (procedureId: string) =>
  new PgDialect().sqlToQuery(sql.join(dimensionConditions(sql`t`, { ...base, procedureId }), sql` and `));

describe('procedure filter', () => {
  it('accepts a national code or an id and refuses anything else with a Vietnamese message', () => {
    expect(figureQuerySchema.safeParse({ procedure: '1.001193' }).success).toBe(true);
    expect(figureQuerySchema.safeParse({ procedure: '8c0d3b1e-7a35-4f5e-9a3b-2d1f0c9e8a71' }).success).toBe(
      true,
    );
    const bad = figureQuerySchema.safeParse({ procedure: "1.0'; drop" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Mã thủ tục không hợp lệ.');
  });

  it('matches a code through the catalog and an id directly', () => {
    const byCode = render('1.001193');
    expect(byCode.sql).toContain('p.code = $');
    expect(byCode.params).toContain('1.001193');
    const byId = render('8c0d3b1e-7a35-4f5e-9a3b-2d1f0c9e8a72');
    expect(byId.sql).toContain('procedure_id = $');
    expect(byId.sql).not.toContain('p.code');
  });
});
