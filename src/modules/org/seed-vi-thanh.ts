import { and, eq, isNull } from 'drizzle-orm';
import adminUnitsData from '../../../seed-data/admin-units.json' with { type: 'json' };
import type { Db } from '../../platform/db/connect.ts';
import { adminUnits, agencies, agencySuccessions, type unitKinds, unitSuccessions } from './schema.ts';

// The Vị Thanh demo organisation: Hậu Giang → Vị Thanh city → 9 wards/communes until 30 June 2025, and the
// three successor units of Cần Thơ from 1 July 2025 (seed-data/admin-units.json, see its PROVENANCE.md).
// Agency identifier codes (mã định danh) are demo values in the Circular 10/2016 shape, to be replaced
// with the province's official list.

const REORGANISED_ON = '2025-07-01';
const LAST_DAY_BEFORE = '2025-06-30';

type UnitKind = (typeof unitKinds)[number];
type AgencyKind = (typeof agencies.$inferInsert)['kind'];

interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  tier: number;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

async function upsertUnit(db: Db, spec: UnitSpec): Promise<string> {
  const [existing] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.code, spec.code),
        eq(adminUnits.tier, spec.tier),
        spec.validFrom ? eq(adminUnits.validFrom, spec.validFrom) : isNull(adminUnits.validFrom),
      ),
    );
  if (existing) return existing.id;
  const [row] = await db.insert(adminUnits).values(spec).returning({ id: adminUnits.id });
  if (!row) throw new Error(`could not insert unit ${spec.code}`);
  return row.id;
}

interface AgencySpec {
  slug: string;
  unitId: string;
  name: string;
  kind: AgencyKind;
  parentSlug?: string;
  identifierCode?: string;
  validFrom: string | null;
  validTo: string | null;
}

async function upsertAgency(db: Db, spec: AgencySpec, ids: Map<string, string>): Promise<string> {
  const [existing] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, spec.slug));
  if (existing) {
    ids.set(spec.slug, existing.id);
    return existing.id;
  }
  const { parentSlug, ...values } = spec;
  const [row] = await db
    .insert(agencies)
    .values({ ...values, parentAgencyId: parentSlug ? ids.get(parentSlug) : undefined })
    .returning({ id: agencies.id });
  if (!row) throw new Error(`could not insert agency ${spec.slug}`);
  ids.set(spec.slug, row.id);
  return row.id;
}

async function link(
  db: Db,
  table: typeof unitSuccessions | typeof agencySuccessions,
  predecessorId: string,
  successorId: string,
) {
  await db
    .insert(table)
    .values({ predecessorId, successorId, effectiveOn: REORGANISED_ON })
    .onConflictDoNothing();
}

const wardKind = (type: string): UnitKind =>
  type === 'Xã' ? 'commune' : type === 'Thị trấn' ? 'township' : 'ward';
const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** City-level offices during the plan (the plan names the first five). */
const cityOffices: [slug: string, name: string, kind: AgencyKind][] = [
  ['vithanh-ubnd', 'UBND thành phố Vị Thanh', 'people_committee'],
  ['vithanh-vp-hdnd-ubnd', 'Văn phòng HĐND và UBND thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-noi-vu', 'Phòng Nội vụ thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-tu-phap', 'Phòng Tư pháp thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-tc-kh', 'Phòng Tài chính – Kế hoạch thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-vh-tt', 'Phòng Văn hóa và Thông tin thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-tn-mt', 'Phòng Tài nguyên và Môi trường thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-ld-tbxh', 'Phòng Lao động – Thương binh và Xã hội thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-kinh-te', 'Phòng Kinh tế thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-qldt', 'Phòng Quản lý đô thị thành phố Vị Thanh', 'specialised_office'],
  ['vithanh-ttpvhcc', 'Trung tâm Phục vụ hành chính công thành phố Vị Thanh', 'public_service_centre'],
  ['vithanh-cong-an', 'Công an thành phố Vị Thanh', 'police'],
];

export async function seedViThanhOrganisation(db: Db): Promise<Map<string, string>> {
  const data = adminUnitsData;
  const ids = new Map<string, string>();
  const hauGiang = await upsertUnit(db, {
    code: data.pre2025.province.code,
    name: data.pre2025.province.name,
    kind: 'province',
    tier: 1,
    parentId: null,
    validFrom: null,
    validTo: LAST_DAY_BEFORE,
  });
  const cityData = data.viThanh.pre2025;
  const city = await upsertUnit(db, {
    code: cityData.code,
    name: cityData.name,
    kind: 'city',
    tier: 2,
    parentId: hauGiang,
    validFrom: null,
    validTo: LAST_DAY_BEFORE,
  });
  const canTho = await upsertUnit(db, {
    code: data.viThanh.post2025.province.code,
    name: data.viThanh.post2025.province.name,
    kind: 'city',
    tier: 1,
    parentId: null,
    validFrom: REORGANISED_ON,
    validTo: null,
  });
  await link(db, unitSuccessions, hauGiang, canTho);

  const cityIdentifier = (n: number) => `000.${String(n).padStart(2, '0')}.30.H27`;
  for (const [i, [slug, name, kind]] of cityOffices.entries()) {
    await upsertAgency(
      db,
      {
        slug,
        unitId: city,
        name,
        kind,
        parentSlug: slug === 'vithanh-ubnd' ? undefined : 'vithanh-ubnd',
        identifierCode: cityIdentifier(i),
        validFrom: null,
        validTo: LAST_DAY_BEFORE,
      },
      ids,
    );
  }

  // Wards and communes of the plan's era, each with its committee, one-stop desk and police.
  const oldWardAgencies = new Map<string, { committee: string; desk: string; police: string }>();
  const oldUnitIds = new Map<string, string>();
  for (const [i, ward] of cityData.wards.entries()) {
    const unitId = await upsertUnit(db, {
      code: ward.code,
      name: ward.name,
      kind: wardKind(ward.type),
      tier: 3,
      parentId: city,
      validFrom: null,
      validTo: LAST_DAY_BEFORE,
    });
    const base = `vithanh-${slugOf(ward.name)}`;
    const common = { unitId, validFrom: null, validTo: LAST_DAY_BEFORE };
    const seq = String(i + 1).padStart(2, '0');
    const committee = await upsertAgency(
      db,
      {
        ...common,
        slug: `${base}-ubnd`,
        name: `UBND ${ward.name}`,
        kind: 'people_committee',
        identifierCode: `000.${seq}.31.H27`,
      },
      ids,
    );
    const desk = await upsertAgency(
      db,
      {
        ...common,
        slug: `${base}-mot-cua`,
        name: `Bộ phận Một cửa ${ward.name}`,
        kind: 'one_stop_desk',
        parentSlug: `${base}-ubnd`,
        identifierCode: `001.${seq}.31.H27`,
      },
      ids,
    );
    const police = await upsertAgency(
      db,
      { ...common, slug: `${base}-cong-an`, name: `Công an ${ward.name}`, kind: 'police' },
      ids,
    );
    oldWardAgencies.set(ward.code, { committee, desk, police });
    oldUnitIds.set(ward.code, unitId);
  }

  // Successor units of Cần Thơ from 1 July 2025, with the offices of two-level local government.
  for (const [i, unit] of data.viThanh.post2025.units.entries()) {
    const unitId = await upsertUnit(db, {
      code: unit.code,
      name: unit.name.replace('Hoả', 'Hỏa'),
      kind: wardKind(unit.type),
      tier: 3,
      parentId: canTho,
      validFrom: REORGANISED_ON,
      validTo: null,
    });
    const display = unit.name.replace('Hoả', 'Hỏa');
    const lower = display.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã');
    const base = `cantho-${slugOf(display)}`;
    const common = { unitId, validFrom: REORGANISED_ON, validTo: null };
    const seq = String(i + 1).padStart(2, '0');
    const committee = await upsertAgency(
      db,
      {
        ...common,
        slug: `${base}-ubnd`,
        name: `UBND ${lower}`,
        kind: 'people_committee',
        identifierCode: `000.${seq}.92.H92`,
      },
      ids,
    );
    const desk = await upsertAgency(
      db,
      {
        ...common,
        slug: `${base}-ttpvhcc`,
        name: `Trung tâm Phục vụ hành chính công ${lower}`,
        kind: 'public_service_centre',
        parentSlug: `${base}-ubnd`,
        identifierCode: `001.${seq}.92.H92`,
      },
      ids,
    );
    const police = await upsertAgency(
      db,
      { ...common, slug: `${base}-cong-an`, name: `Công an ${lower}`, kind: 'police' },
      ids,
    );
    const isWard = unit.type === 'Phường';
    const offices: [string, string][] = [
      ['vp-hdnd-ubnd', `Văn phòng HĐND và UBND ${lower}`],
      ['kinh-te', isWard ? `Phòng Kinh tế, Hạ tầng và Đô thị ${lower}` : `Phòng Kinh tế ${lower}`],
      ['vh-xh', `Phòng Văn hóa – Xã hội ${lower}`],
    ];
    for (const [suffix, name] of offices) {
      await upsertAgency(
        db,
        {
          ...common,
          slug: `${base}-${suffix}`,
          name,
          kind: 'specialised_office',
          parentSlug: `${base}-ubnd`,
        },
        ids,
      );
    }
    for (const [oldCode, newCode] of Object.entries(data.viThanh.oldToNewCode)) {
      if (newCode !== unit.code) continue;
      const oldUnit = oldUnitIds.get(oldCode);
      if (oldUnit) await link(db, unitSuccessions, oldUnit, unitId);
      const old = oldWardAgencies.get(oldCode);
      if (!old) continue;
      await link(db, agencySuccessions, old.committee, committee);
      await link(db, agencySuccessions, old.desk, desk);
      await link(db, agencySuccessions, old.police, police);
    }
  }
  return ids;
}
