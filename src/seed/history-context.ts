// What the history generator reads from the seeded demo: the organisation of each era, the procedures each
// receiving desk can take (procedure_agencies), the calendar and the code counters already used.
import { eq } from 'drizzle-orm';
import { workingCalendar } from '../modules/calendar/calendar-store.ts';
import type { WorkingCalendar } from '../modules/calendar/index.ts';
import type { ProcessStep } from '../modules/catalog/procedure.types.ts';
import { procedureAgencies, procedures } from '../modules/catalog/schema.ts';
import type { StatutoryTime } from '../modules/dossier/lifecycle/snapshot.ts';
import { statutoryOf } from '../modules/dossier/receive-walk-in.ts';
import { dossierCodeCounters } from '../modules/dossier/schema.ts';
import { adminUnits, agencies, unitSuccessions } from '../modules/org/schema.ts';
import type { Db } from '../platform/db/connect.ts';
import { CITY_CENTRE_MIX, NEW_UNIT_LATE, OLD_UNIT_MIX, procedureWeight } from './history-mix.ts';
import type { Place } from './history-people.ts';
import { WeightedTable } from './history-random.ts';
import { type FieldGroup, fieldGroupOf } from './history-texts.ts';

export const REORGANISED_ON = '2025-07-01';

export interface ProcedureInfo {
  id: string;
  code: string;
  name: string;
  field: string;
  group: FieldGroup;
  online: boolean;
  feeAmountVnd: number | null;
  statutory: StatutoryTime;
  process: ProcessStep[];
  documents: { name: string; originals: number; copies: number }[];
}

export interface AgencyInfo {
  id: string;
  slug: string;
  name: string;
  unitId: string;
  kind: string;
  identifierCode: string | null;
}

/** One procedure a desk can receive, for one competent agency, from residents of one unit. */
export interface Offer {
  procedure: ProcedureInfo;
  competentAgencyId: string;
  /** The competent agency is a people's committee (the demo officers of phường Vị Thanh serve there). */
  committee: boolean;
  place: Place;
  /** Plan-era units whose residents apply here (for the online applicants' accounts). */
  homeUnitIds: string[];
}

export interface ReceivingPoint {
  agency: AgencyInfo;
  era: 'plan' | 'new';
  weight: number;
  /** Multiplies the year's late share: how well this unit handled its dossiers. */
  late: number;
  offers: WeightedTable<Offer>;
  committeeOffers: WeightedTable<Offer>;
  /** The office an interlinked land or construction dossier is sent to for its opinion. */
  transferTarget: (field: string) => string | null;
}

export interface HistoryContext {
  calendar: WorkingCalendar;
  now: Date;
  agencies: Map<string, AgencyInfo>;
  agencyBySlug: Map<string, AgencyInfo>;
  plan: ReceivingPoint[];
  successors: ReceivingPoint[];
  /** Plan-era wards and communes, where the online applicants' accounts live. */
  homes: { unitId: string; commune: boolean; weight: number }[];
  /** Last sequence used per `agencyId|YYYY-MM-DD` (dossier_code_counters). */
  counters: Map<string, number>;
}

const LAND_OFFICE_FIELDS = new Set(['Đất đai', 'Tài chính đất đai', 'Tài nguyên nước', 'Môi trường']);
const URBAN_OFFICE_FIELDS = new Set([
  'Hoạt động xây dựng',
  'Quy hoạch đô thị và nông thôn',
  'Nhà ở và công sở',
  'Hạ tầng kỹ thuật',
  'Quản lý chất lượng công trình xây dựng',
]);

/** 'Xã Hoả Lựu' → 'xã Hỏa Lựu': the unit as written inside an address. */
const unitLabel = (name: string) =>
  name
    .replace('Hoả', 'Hỏa')
    .replace(/^Phường/, 'phường')
    .replace(/^Xã/, 'xã')
    .replace(/^Thị trấn/, 'thị trấn');

async function loadProcedures(db: Db): Promise<Map<string, ProcedureInfo>> {
  const rows = await db.select().from(procedures).where(eq(procedures.published, true));
  const out = new Map<string, ProcedureInfo>();
  for (const p of rows) {
    const time = statutoryOf(p);
    if (!time || p.internalProcess.length === 0) continue;
    out.set(p.id, {
      id: p.id,
      code: p.code,
      name: p.name,
      field: p.field,
      group: fieldGroupOf(p.field),
      online: p.onlineMode !== 'none',
      feeAmountVnd: p.feeAmountVnd,
      statutory: time.statutory,
      process: p.internalProcess,
      documents: (p.requiredDocuments[0]?.documents ?? []).slice(0, 6).map((d) => ({
        name: d.name,
        originals: d.originals,
        copies: d.copies,
      })),
    });
  }
  return out;
}

export async function loadHistoryContext(db: Db, now: Date): Promise<HistoryContext> {
  const [agencyRows, unitRows, successionRows, links, procedureMap, counterRows, calendar] =
    await Promise.all([
      db.select().from(agencies).orderBy(agencies.slug),
      db.select().from(adminUnits),
      db.select().from(unitSuccessions),
      db.select().from(procedureAgencies),
      loadProcedures(db),
      db.select().from(dossierCodeCounters),
      workingCalendar(db),
    ]);
  const agencyMap = new Map(agencyRows.map((a) => [a.id, a]));
  const bySlug = new Map(agencyRows.map((a) => [a.slug, a]));
  const units = new Map(unitRows.map((u) => [u.id, u]));
  const fieldCounts = new Map<string, number>();
  for (const p of procedureMap.values()) fieldCounts.set(p.field, (fieldCounts.get(p.field) ?? 0) + 1);
  const linked = new Map<string, ProcedureInfo[]>();
  for (const l of links) {
    const p = procedureMap.get(l.procedureId);
    if (p) linked.set(l.agencyId, [...(linked.get(l.agencyId) ?? []), p]);
  }
  // Row order is not guaranteed: sort, so a seed gives the same history on every database.
  for (const list of linked.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const predecessors = (unitId: string) =>
    successionRows.filter((s) => s.successorId === unitId).map((s) => s.predecessorId);

  /** Offers of the committee and police of one unit, weighted by demand times the unit's share. */
  const offersOf = (unitId: string, share: number, era: 'plan' | 'new', committeeOnly = false) => {
    const unit = units.get(unitId);
    if (!unit) return [];
    const place: Place = {
      unit: unitLabel(unit.name),
      commune: unit.kind === 'commune',
      tail: era === 'plan' ? 'thành phố Vị Thanh, tỉnh Hậu Giang' : 'thành phố Cần Thơ',
    };
    const homeUnitIds = era === 'plan' ? [unitId] : predecessors(unitId);
    return agencyRows
      .filter(
        (a) =>
          a.unitId === unitId && (a.kind === 'people_committee' || (!committeeOnly && a.kind === 'police')),
      )
      .flatMap((a) =>
        (linked.get(a.id) ?? []).map((procedure) => {
          const weight = procedureWeight(procedure, fieldCounts.get(procedure.field) ?? 1) * share;
          const offer: Offer = {
            procedure,
            competentAgencyId: a.id,
            committee: a.kind === 'people_committee',
            place,
            homeUnitIds,
          };
          return [offer, weight] as const;
        }),
      );
  };
  const point = (
    agency: AgencyInfo,
    era: 'plan' | 'new',
    mix: { weight: number; late: number },
    offers: (readonly [Offer, number])[],
    transferTarget: ReceivingPoint['transferTarget'],
  ): ReceivingPoint => ({
    agency,
    era,
    ...mix,
    offers: new WeightedTable(offers),
    committeeOffers: new WeightedTable(offers.filter(([o]) => o.committee)),
    transferTarget,
  });

  const cityTarget = (field: string) =>
    (LAND_OFFICE_FIELDS.has(field) ? bySlug.get('vithanh-tn-mt')?.id : undefined) ??
    (URBAN_OFFICE_FIELDS.has(field) ? bySlug.get('vithanh-qldt')?.id : undefined) ??
    null;
  const oldDesks = agencyRows.filter((a) => a.kind === 'one_stop_desk' && a.slug.startsWith('vithanh-'));
  const plan = oldDesks.flatMap((desk) => {
    const mix = OLD_UNIT_MIX[units.get(desk.unitId)?.code ?? ''];
    return mix ? [point(desk, 'plan', mix, offersOf(desk.unitId, 1, 'plan'), cityTarget)] : [];
  });
  const cityCentre = bySlug.get('vithanh-ttpvhcc');
  if (cityCentre) {
    // The city centre takes committee procedures of every ward, in proportion to their population.
    const offers = oldDesks.flatMap((d) =>
      offersOf(d.unitId, OLD_UNIT_MIX[units.get(d.unitId)?.code ?? '']?.weight ?? 0, 'plan', true),
    );
    plan.push(point(cityCentre, 'plan', CITY_CENTRE_MIX, offers, cityTarget));
  }

  const successors = agencyRows
    .filter((a) => a.kind === 'public_service_centre' && a.slug.startsWith('cantho-'))
    .map((centre) => {
      const code = units.get(centre.unitId)?.code ?? '';
      const weight = predecessors(centre.unitId).reduce(
        (sum, id) => sum + (OLD_UNIT_MIX[units.get(id)?.code ?? '']?.weight ?? 0),
        0,
      );
      const economy = bySlug.get(centre.slug.replace(/-ttpvhcc$/, '-kinh-te'))?.id ?? null;
      const target = (field: string) =>
        LAND_OFFICE_FIELDS.has(field) || URBAN_OFFICE_FIELDS.has(field) ? economy : null;
      const mix = { weight, late: NEW_UNIT_LATE[code] ?? 1 };
      return point(centre, 'new', mix, offersOf(centre.unitId, 1, 'new'), target);
    });

  return {
    calendar,
    now,
    agencies: agencyMap,
    agencyBySlug: bySlug,
    plan: plan.filter((p) => p.offers.size > 0),
    successors: successors.filter((p) => p.offers.size > 0),
    homes: oldDesks.flatMap((d) => {
      const unit = units.get(d.unitId);
      const mix = OLD_UNIT_MIX[unit?.code ?? ''];
      return unit && mix ? [{ unitId: unit.id, commune: unit.kind === 'commune', weight: mix.weight }] : [];
    }),
    counters: new Map(counterRows.map((c) => [`${c.agencyId}|${c.day}`, c.last])),
  };
}
