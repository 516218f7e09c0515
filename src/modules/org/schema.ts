import { date, index, pgTable, primaryKey, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';

export const unitKinds = ['province', 'city', 'district', 'town', 'ward', 'commune', 'township'] as const;
export const agencyKinds = [
  'people_committee',
  'specialised_office',
  'public_service_centre',
  'one_stop_desk',
  'police',
  'other',
] as const;

/**
 * Administrative units. Official codes are reused by successors (31321 was Phường III and is
 * phường Vị Thanh since 1 July 2025), so a unit has its own identity; code and validity are attributes.
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 10 }).notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    /** 1 = province level, 2 = district level (until 2025), 3 = commune level. */
    tier: smallint('tier').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [index('admin_units_code_idx').on(t.code), index('admin_units_parent_idx').on(t.parentId)],
);

export const unitSuccessions = pgTable(
  'unit_successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => adminUnits.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => adminUnits.id),
    effectiveOn: date('effective_on').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })],
);

/** Agencies (offices, people's committees, one-stop desks) belong to a unit for a period. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable slug used by seeds, the CLI and links, e.g. `vithanh-noi-vu`. */
    slug: varchar('slug', { length: 80 }).notNull().unique(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: agencyKinds }).notNull(),
    parentAgencyId: uuid('parent_agency_id'),
    /** Identifier code of the agency (mã định danh), the prefix of its dossier codes. */
    identifierCode: varchar('identifier_code', { length: 40 }),
    address: text('address'),
    phone: varchar('phone', { length: 30 }),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [index('agencies_unit_idx').on(t.unitId)],
);

export const agencySuccessions = pgTable(
  'agency_successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => agencies.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => agencies.id),
    effectiveOn: date('effective_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })],
);
