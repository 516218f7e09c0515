import { sql } from 'drizzle-orm';
import type { Principal } from '../../modules/auth/permissions.ts';
import { rolesOf } from '../../modules/auth/sessions.ts';
import { canSeeDossier } from '../../modules/dossier/dossier-access.ts';
import type { DossierSnapshot } from '../../modules/dossier/lifecycle/snapshot.ts';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';

/**
 * The callers of the authorisation matrix. "A" is the scope the test's target records live in (phường Vị Thanh,
 * its one-stop desk, the demo citizen); every other caller is outside it in one way: another citizen, another
 * agency of the same unit, another unit, or not signed in.
 */
export const principalNames = [
  'anonymous',
  'citizenA',
  'citizenB',
  'deskA',
  'specialistA',
  'headA',
  'leaderA',
  'clerkA',
  'otherAgencyA',
  'reformCity',
  'financeCity',
  'leaderCity',
  'deskOtherUnit',
  'admin',
] as const;
export type PrincipalName = (typeof principalNames)[number];

export const principalEmails: Record<Exclude<PrincipalName, 'anonymous' | 'citizenB'>, string> = {
  citizenA: 'congdan@demo.motcua.vn',
  deskA: 'motcua.vithanh@demo.motcua.vn',
  specialistA: 'chuyenvien.vithanh@demo.motcua.vn',
  headA: 'truongphong.vithanh@demo.motcua.vn',
  leaderA: 'lanhdao.vithanh@demo.motcua.vn',
  clerkA: 'vanthu.vithanh@demo.motcua.vn',
  otherAgencyA: 'vanhoa@demo.motcua.vn',
  reformCity: 'cchc.noivu@demo.motcua.vn',
  financeCity: 'taichinh.tckh@demo.motcua.vn',
  leaderCity: 'lanhdao.ubndtp@demo.motcua.vn',
  deskOtherUnit: 'motcua.vitan@demo.motcua.vn',
  admin: 'quantri@demo.motcua.vn',
};

/** The second citizen signs up in the test (the demo has one citizen). */
export const citizenB = {
  fullName: 'Trần Văn Bình',
  email: 'congdan.b@authz.motcua.test',
  phone: '0987654321',
  password: 'Motcua@2026',
};

export interface Caller {
  name: PrincipalName;
  cookie?: string;
  /** Null for the anonymous caller. */
  principal: Principal | null;
  /** Units of the caller's agencies (empty for citizens; null = all, the deployment-wide administrator). */
  units: Set<string> | null;
}

export async function callerOf(db: Db, name: PrincipalName, email: string | null, cookie?: string) {
  if (!email) return { name, principal: null, units: new Set<string>() } satisfies Caller;
  const [user] = await rawRows<{ id: string; kind: 'citizen' | 'officer'; fullName: string }>(
    db,
    sql`select id, kind, full_name as "fullName" from users where email = ${email}`,
  );
  if (!user) throw new Error(`no user ${email}`);
  const roles = await rolesOf(db, user.id);
  const principal: Principal = { userId: user.id, kind: user.kind, fullName: user.fullName, roles };
  const agencyIds = roles.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
  const isAdmin = roles.some((r) => r.role === 'admin' && r.agencyId === null);
  const units = isAdmin
    ? null
    : new Set(
        agencyIds.length
          ? (
              await rawRows<{ u: string }>(
                db,
                sql`select distinct unit_id as u from agencies where id in ${sql.raw(`(${agencyIds.map((a) => `'${a}'`).join(',')})`)}`,
              )
            ).map((r) => r.u)
          : [],
      );
  return { name, cookie, principal, units } satisfies Caller;
}

/** A private record the leak detector recognises by its id or code in any answer. */
interface PrivateRecord {
  table: string;
  /** The current ward or commune that owns it (null: owned by a higher or former unit, not compared). */
  wardId: string | null;
  ownerUserId: string | null;
  /** Visible to anyone (published feedback). */
  isPublic: boolean;
  snapshot?: DossierSnapshot;
}

/**
 * Every id and code of the private records (dossiers, feedback, payments, notifications, meetings, documents…),
 * with the owner each one has. Built once after the fixtures are made.
 */
export async function privateRecordIndex(db: Db): Promise<Map<string, PrivateRecord>> {
  const wards = new Set(
    (
      await rawRows<{ id: string }>(db, sql`select id from admin_units where tier = 3 and valid_to is null`)
    ).map((r) => r.id),
  );
  const ward = (unitId: string | null) => (unitId && wards.has(unitId) ? unitId : null);
  const index = new Map<string, PrivateRecord>();
  const dossierRows = await rawRows<{
    id: string;
    code: string;
    owner_unit_id: string;
    applicant_user_id: string | null;
    snapshot: DossierSnapshot | string;
  }>(db, sql`select id, code, owner_unit_id, applicant_user_id, snapshot from dossiers`);
  for (const d of dossierRows) {
    const snapshot = typeof d.snapshot === 'string' ? JSON.parse(d.snapshot) : d.snapshot;
    const record: PrivateRecord = {
      table: 'dossiers',
      wardId: ward(d.owner_unit_id),
      ownerUserId: d.applicant_user_id,
      isPublic: false,
      snapshot,
    };
    index.set(d.id, record);
    index.set(d.code, record);
  }
  const feedbackRows = await rawRows<{
    id: string;
    code: string;
    owner_unit_id: string;
    sender_user_id: string | null;
    published: boolean;
  }>(
    db,
    sql`select id, code, owner_unit_id, sender_user_id, published_at is not null as published from feedback_items`,
  );
  for (const f of feedbackRows) {
    const record: PrivateRecord = {
      table: 'feedback_items',
      wardId: ward(f.owner_unit_id),
      ownerUserId: f.sender_user_id,
      isPublic: f.published,
    };
    index.set(f.id, record);
    index.set(f.code, record);
  }
  // Records owned by a unit (and, for notifications, a user): ids only.
  for (const [table, userColumn] of [
    ['payment_orders', null],
    ['notifications', 'user_id'],
    ['meetings', null],
    ['meeting_documents', null],
    ['official_documents', null],
    ['dossier_documents', null],
    ['staff_officials', null],
    ['procedure_review_plans', null],
    ['egov_assessments', null],
    ['survey_responses', null],
  ] as const) {
    const rows = await rawRows<{ id: string; unit: string; owner: string | null }>(
      db,
      sql.raw(
        `select id::text as id, owner_unit_id::text as unit, ${userColumn ? `${userColumn}::text` : 'null'} as owner from "${table}"`,
      ),
    );
    for (const r of rows) {
      index.set(r.id, { table, wardId: ward(r.unit), ownerUserId: r.owner, isPublic: false });
    }
  }
  return index;
}

/** Why the caller may not see the record, or null when it may. */
export function outOfScope(caller: Caller, record: PrivateRecord): string | null {
  if (record.isPublic) return null;
  const p = caller.principal;
  if (!p) return `${record.table} visible without signing in`;
  if (p.kind === 'citizen') {
    return record.ownerUserId === p.userId ? null : `${record.table} of another person`;
  }
  if (caller.units === null) return null;
  if (record.table === 'notifications')
    return record.ownerUserId === p.userId ? null : 'notification of another person';
  if (record.snapshot) return canSeeDossier(p, record.snapshot) ? null : 'dossier of agencies not mine';
  if (record.wardId && !caller.units.has(record.wardId)) {
    // Officers of a former city (the plan period) oversee the wards that succeeded it: compared only ward to ward.
    if ([...caller.units].some((u) => wardOfficerUnits.has(u))) return `${record.table} of another unit`;
  }
  return null;
}

/** Current wards the callers of the matrix work in (filled by the test from the index's wards). */
export const wardOfficerUnits = new Set<string>();

/** Every string in a JSON answer (keys are not data). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
