import { type SQL, sql } from 'drizzle-orm';
import { nextMonth } from '../calendar/day.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a figure covers: owning units, whole months [fromMonth, toMonth), and optional narrower dimensions. */
export interface FigureFilter {
  unitIds: string[];
  /** First day of the first month (YYYY-MM-01). */
  fromMonth: string;
  /** First day of the month after the last (exclusive). */
  toMonth: string;
  /** Dossiers this agency received or resolves. */
  agencyId?: string | undefined;
  /** Procedure id or national code. */
  procedureId?: string | undefined;
  /** Procedure field (lĩnh vực). */
  field?: string | undefined;
}

/** SQL conditions on the dimensions shared by the aggregates and the dossiers (alias `t`). */
export function dimensionConditions(t: SQL, f: FigureFilter): SQL[] {
  const ids = f.unitIds.length > 0 ? f.unitIds : ['00000000-0000-0000-0000-000000000000'];
  const conditions = [
    sql`${t}.owner_unit_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  ];
  if (f.agencyId)
    conditions.push(
      sql`(${t}.receiving_agency_id = ${f.agencyId}::uuid or ${t}.competent_agency_id = ${f.agencyId}::uuid)`,
    );
  if (f.procedureId) {
    // An id, or the national code the catalog API shows (the web's procedure picker knows only codes).
    conditions.push(
      UUID.test(f.procedureId)
        ? sql`${t}.procedure_id = ${f.procedureId}::uuid`
        : sql`${t}.procedure_id in (select p.id from procedures p where p.code = ${f.procedureId})`,
    );
  }
  if (f.field)
    conditions.push(sql`${t}.procedure_id in (select p.id from procedures p where p.field = ${f.field})`);
  return conditions;
}

/** Every month's first day in [from, to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m < to; m = nextMonth(m)) out.push(m);
  return out;
}
