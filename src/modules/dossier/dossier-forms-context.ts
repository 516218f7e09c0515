import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { agenciesOf, canSeeDossier } from './dossier-access.ts';
import { dossierDocuments, dossierEvents, dossiers } from './schema.ts';

// What the printed forms need besides the snapshot: agency names and places, officer names, documents, events.

export interface AgencyInfo {
  id: string;
  name: string;
  parentName: string | null;
  /** Place name of the dated line, e.g. "Vị Thanh". */
  place: string;
  address: string | null;
  phone: string | null;
}

export interface FormContext {
  row: typeof dossiers.$inferSelect;
  events: (typeof dossierEvents.$inferSelect)[];
  documents: (typeof dossierDocuments.$inferSelect)[];
  agencies: Map<string, AgencyInfo>;
  userNames: Map<string, string>;
  /** `${publicBaseUrl}/tra-cuu?ma=<code>`, once the dossier has a code. */
  lookupUrl: string | undefined;
}

const UNIT_PREFIX = /^(phường|xã|thị trấn|thị xã|thành phố|tỉnh|quận|huyện|đặc khu)\s+/iu;
// "Phường I", "Phường 7": not a place anyone writes on a letter, so the parent unit's name is used.
const NUMBERED = /^([IVXLC]+|\d+)$/u;

/** "Phường Vị Thanh" → "Vị Thanh"; null for a numbered unit whose parent names the place. */
export function placeName(unitName: string): string | null {
  const short = unitName.trim().replace(UNIT_PREFIX, '');
  return NUMBERED.test(short) ? null : short;
}

async function unitPlaces(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const units = await db
    .select({ id: adminUnits.id, name: adminUnits.name, parentId: adminUnits.parentId })
    .from(adminUnits)
    .where(inArray(adminUnits.id, unitIds));
  const parentIds = units.flatMap((u) => (placeName(u.name) === null && u.parentId ? [u.parentId] : []));
  const parents = parentIds.length
    ? await db
        .select({ id: adminUnits.id, name: adminUnits.name })
        .from(adminUnits)
        .where(inArray(adminUnits.id, parentIds))
    : [];
  const parentName = new Map(parents.map((p) => [p.id, p.name]));
  return new Map(
    units.map((u) => {
      const parent = u.parentId ? parentName.get(u.parentId) : undefined;
      return [u.id, placeName(u.name) ?? (parent && placeName(parent)) ?? u.name];
    }),
  );
}

/** Agencies with their parent's name and their unit's place name. */
export async function agencyInfos(db: Db, ids: Iterable<string>): Promise<Map<string, AgencyInfo>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      parentAgencyId: agencies.parentAgencyId,
      unitId: agencies.unitId,
      address: agencies.address,
      phone: agencies.phone,
    })
    .from(agencies)
    .where(inArray(agencies.id, list));
  const parentIds = [...new Set(rows.flatMap((r) => (r.parentAgencyId ? [r.parentAgencyId] : [])))];
  const [parents, places] = await Promise.all([
    parentIds.length
      ? db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, parentIds))
      : [],
    unitPlaces(db, [...new Set(rows.map((r) => r.unitId))]),
  ]);
  const parentName = new Map(parents.map((p) => [p.id, p.name]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        parentName: (r.parentAgencyId && parentName.get(r.parentAgencyId)) || null,
        place: places.get(r.unitId) ?? r.name,
        address: r.address,
        phone: r.phone,
      },
    ]),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Full names of users; ids that are not accounts (e.g. `counter:<id>` for walk-in applicants) are skipped. */
export async function userNames(
  db: Db,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((id): id is string => !!id && UUID.test(id)))];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((u) => [u.id, u.fullName]));
}

/** Loads a dossier the officer may see, with everything its forms print; 404 otherwise (as the detail). */
export async function loadFormContext(
  db: Db,
  principal: Principal,
  id: string,
  publicBaseUrl: string,
): Promise<FormContext> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  if (!row || !canSeeDossier(principal, row.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
  const s = row.snapshot;
  const mine = (table: typeof dossierEvents | typeof dossierDocuments) =>
    and(eq(table.ownerUnitId, row.ownerUnitId), eq(table.dossierId, id));
  const [events, documents] = await Promise.all([
    db.select().from(dossierEvents).where(mine(dossierEvents)).orderBy(asc(dossierEvents.id)),
    db.select().from(dossierDocuments).where(mine(dossierDocuments)).orderBy(asc(dossierDocuments.createdAt)),
  ]);
  const people = [
    ...events.map((e) => e.actorUserId),
    ...s.steps.map((step) => step.completedBy),
    ...s.supplements.map((r) => r.requestedBy),
    s.refusal?.by,
    s.apology?.by,
    s.stop?.by,
  ];
  const [agencyMap, names] = await Promise.all([agencyInfos(db, agenciesOf(s)), userNames(db, people)]);
  return {
    row,
    events,
    documents,
    agencies: agencyMap,
    userNames: names,
    lookupUrl: s.code
      ? `${publicBaseUrl}/tra-cuu?code=${encodeURIComponent(s.code)}${
          row.trackingCheck ? `&check=${encodeURIComponent(row.trackingCheck)}` : ''
        }`
      : undefined,
  };
}
