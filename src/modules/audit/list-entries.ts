import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { dayFromIso, msOfVnDay } from '../calendar/day.ts';
import { auditActions } from './audit.types.ts';
import { AUDIT_ACTION_LABELS, summaryOf } from './entry-summary.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((v) => {
    try {
      dayFromIso(v);
      return true;
    } catch {
      return false;
    }
  }, 'Ngày không tồn tại.');

export const auditListQuery = z.object({
  unitId: z.uuid('Mã đơn vị không hợp lệ.').optional(),
  action: z.enum(auditActions, 'Loại thao tác không hợp lệ.').optional(),
  /** The actor's account id, or part of the officer's name or e-mail. */
  actor: z.string().trim().min(1).max(200).optional(),
  dossierCode: z.string().trim().min(1).max(60).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Keyset: entries with a smaller id than this (the previous page's `nextCursor`). */
  before: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export interface AuditEntryView {
  id: number;
  unitId: string;
  unitName: string | null;
  seq: number | null;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorAgencyName: string | null;
  action: string;
  /** Vietnamese: the kind of action, and one line from the detail. */
  actionLabel: string;
  summary: string;
  subjectType: string;
  subjectId: string;
  dossierCode: string | null;
  detail: Record<string, unknown>;
  hash: string | null;
}

interface EntryRow {
  id: string | number;
  unit_id: string;
  unit_name: string | null;
  seq: string | number | null;
  occurred_at: string | Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_agency_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  dossier_code: string | null;
  detail: Record<string, unknown> | string;
  hash: string | null;
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A page of entries, newest first, within the reader's units (`'all'` for a deployment-wide administrator). */
export async function listAuditEntries(
  db: Db,
  scope: 'all' | string[],
  q: AuditListQuery,
): Promise<{ items: AuditEntryView[]; nextCursor: number | null }> {
  const where: SQL[] = [];
  if (scope !== 'all')
    where.push(
      scope.length
        ? sql`e.unit_id in (${sql.join(
            scope.map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (q.unitId) where.push(sql`e.unit_id = ${q.unitId}::uuid`);
  if (q.action) where.push(sql`e.action = ${q.action}`);
  if (q.actor)
    where.push(
      isUuid(q.actor)
        ? sql`e.actor_user_id = ${q.actor}::uuid`
        : sql`e.actor_user_id in (select id from users where full_name ilike ${`%${q.actor}%`}
            or email ilike ${`%${q.actor}%`})`,
    );
  if (q.dossierCode)
    where.push(sql`e.subject_type = 'dossier' and e.subject_id in
      (select id::text from dossiers where code = ${q.dossierCode.toUpperCase()})`);
  if (q.from)
    where.push(
      sql`e.occurred_at >= ${new Date(msOfVnDay(dayFromIso(q.from), 0)).toISOString()}::timestamptz`,
    );
  if (q.to)
    where.push(
      sql`e.occurred_at < ${new Date(msOfVnDay(dayFromIso(q.to) + 1, 0)).toISOString()}::timestamptz`,
    );
  if (q.before) where.push(sql`e.id < ${q.before}`);
  const rows = await rawRows<EntryRow>(
    db,
    sql`select e.id, e.unit_id, un.name as unit_name, e.seq, e.occurred_at, e.actor_user_id,
        us.full_name as actor_name, e.actor_role, ag.name as actor_agency_name, e.action, e.subject_type,
        e.subject_id, d.code as dossier_code, e.detail, e.hash
      from (select * from audit_entries e ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by e.id desc limit ${q.pageSize + 1}) e
      left join admin_units un on un.id = e.unit_id
      left join users us on us.id = e.actor_user_id
      left join agencies ag on ag.id = e.actor_agency_id
      left join dossiers d on e.subject_type = 'dossier' and d.owner_unit_id = e.unit_id
        and d.id::text = e.subject_id
      order by e.id desc`,
  );
  const more = rows.length > q.pageSize;
  const page = rows.slice(0, q.pageSize);
  return {
    items: page.map((r) => viewOf(r)),
    nextCursor: more ? Number(page.at(-1)?.id) : null,
  };
}

function viewOf(r: EntryRow): AuditEntryView {
  const detail = typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail;
  return {
    id: Number(r.id),
    unitId: r.unit_id,
    unitName: r.unit_name,
    seq: r.seq === null ? null : Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    actorAgencyName: r.actor_agency_name,
    action: r.action,
    actionLabel: AUDIT_ACTION_LABELS[r.action] ?? r.action,
    summary: summaryOf(r.action, detail),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    dossierCode: r.dossier_code,
    detail,
    hash: r.hash,
  };
}
