// The accounts the history needs: historic officers (inactive, lichsu.<agency>.<n>@demo.motcua.vn) and the
// citizens who filed online (inactive, lichsu.congdan.<n>@…). Ids derive from the email so every database
// gets the same ones; existing accounts are reused, so a run interrupted after this step can be resumed.
import { createHash, randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { hashPassword } from '../modules/auth/passwords.ts';
import { roleAssignments, users } from '../modules/auth/schema.ts';
import type { Db } from '../platform/db/connect.ts';
import { demoAccounts } from './demo-accounts.ts';
import { type HistoryContext, REORGANISED_ON } from './history-context.ts';
import { citizenIdOf, fullNameOf, houseOf, mobileOf, type Sex } from './history-people.ts';
import { Rng, WeightedTable } from './history-random.ts';
import { historicRoster, Staff, type StaffMember } from './history-staff.ts';

export const HISTORIC_EMAIL_PATTERN = 'lichsu.%@demo.motcua.vn';

export interface CitizenAccount {
  id: string;
  fullName: string;
  phone: string;
  citizenId: string;
  email: string;
  /** Street and area (or hamlet) below the unit, as the resident writes it. */
  house: string;
  homeUnitId: string;
}

/** A version-4-shaped UUID derived from a text. */
export function stableUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The demo officers, acting at their agencies from the day those agencies exist. */
async function demoStaff(db: Db, ctx: HistoryContext): Promise<StaffMember[]> {
  const emails = demoAccounts.filter((a) => a.kind === 'officer').map((a) => a.email);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, emails))
    .orderBy(users.email);
  if (rows.length === 0) return [];
  const grants = await db
    .select()
    .from(roleAssignments)
    .where(
      inArray(
        roleAssignments.userId,
        rows.map((r) => r.id),
      ),
    );
  return rows.flatMap((u) => {
    const roles = grants
      .filter((g) => g.userId === u.id && g.agencyId && g.role !== 'admin' && g.role !== 'reform_officer')
      .map((g) => ({ role: g.role, agencyId: g.agencyId }));
    if (roles.length === 0) return [];
    const newEra = roles.some((r) => ctx.agencies.get(r.agencyId ?? '')?.slug.startsWith('cantho-'));
    return [{ userId: u.id, roles, speciality: null, from: newEra ? REORGANISED_ON : null, to: null }];
  });
}

/** `count` residents with accounts, spread over the plan-era units by population. */
function citizenRoster(ctx: HistoryContext, count: number, taken: Set<string>): Omit<CitizenAccount, 'id'>[] {
  const rng = new Rng(20210101, 2);
  const homes = new WeightedTable(ctx.homes.map((h) => [h, h.weight] as const));
  const unique = (draw: () => string) => {
    let value = draw();
    while (taken.has(value)) value = draw();
    taken.add(value);
    return value;
  };
  return Array.from({ length: count }, (_, i) => {
    const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
    const birthYear = rng.int(1955, 2003);
    const home = homes.draw(rng);
    return {
      fullName: fullNameOf(rng, sex),
      phone: unique(() => mobileOf(rng)),
      citizenId: unique(() => citizenIdOf(rng, sex, birthYear)),
      email: `lichsu.congdan.${i + 1}@demo.motcua.vn`,
      house: houseOf(rng, home.commune),
      homeUnitId: home.unitId,
    };
  });
}

type NewUser = typeof users.$inferInsert;

async function insertMissing(db: Db, wanted: NewUser[], existing: Set<string>) {
  const missing = wanted.filter((u) => !existing.has(u.email ?? ''));
  if (missing.length === 0) return 0;
  // Nobody signs in as a historic account: an unknown random password, and the account inactive.
  const passwordHash = await hashPassword(randomBytes(32).toString('hex'));
  for (let i = 0; i < missing.length; i += 500) {
    await db.insert(users).values(missing.slice(i, i + 500).map((u) => ({ ...u, passwordHash })));
  }
  return missing.length;
}

export interface HistoricAccounts {
  staff: Staff;
  /** Online applicants by their plan-era home unit. */
  citizens: Map<string, CitizenAccount[]>;
  created: number;
}

export async function ensureHistoricAccounts(
  db: Db,
  ctx: HistoryContext,
  citizenCount: number,
): Promise<HistoricAccounts> {
  const demo = await demoStaff(db, ctx);
  const covered = new Set(demo.flatMap((m) => m.roles.map((r) => `${r.agencyId}|${r.role}`)));
  const roster = historicRoster(
    ctx.agencies.values(),
    covered,
    demoAccounts.map((a) => a.fullName),
  );
  const all = await db
    .select({ email: users.email, phone: users.phone, citizenId: users.citizenId })
    .from(users);
  const existing = new Set(all.flatMap((u) => (u.email ? [u.email] : [])));
  // Values other accounts use are avoided; a resumed run regenerates the same values for its own accounts.
  const taken = new Set(
    all
      .filter((u) => !u.email?.startsWith('lichsu.'))
      .flatMap((u) => [u.phone, u.citizenId].filter((v): v is string => v !== null)),
  );
  const citizens = citizenRoster(ctx, citizenCount, taken).map((c) => ({ ...c, id: stableUuid(c.email) }));

  const planStart = new Date('2020-12-01T08:00:00+07:00');
  const officerRows: NewUser[] = [...new Map(roster.map((r) => [r.email, r])).values()].map((r) => ({
    id: stableUuid(r.email),
    kind: 'officer',
    fullName: r.fullName,
    email: r.email,
    passwordHash: '',
    active: false,
    createdAt: r.from ? new Date(`${r.from}T07:00:00+07:00`) : planStart,
  }));
  const citizenRows: NewUser[] = citizens.map((c) => ({
    id: c.id,
    kind: 'citizen',
    fullName: c.fullName,
    email: c.email,
    phone: c.phone,
    citizenId: c.citizenId,
    passwordHash: '',
    active: false,
    createdAt: planStart,
  }));
  const created = await insertMissing(db, [...officerRows, ...citizenRows], existing);
  const grants = roster.map((r) => ({ userId: stableUuid(r.email), role: r.role, agencyId: r.agencyId }));
  for (let i = 0; i < grants.length; i += 500) {
    await db
      .insert(roleAssignments)
      .values(grants.slice(i, i + 500))
      .onConflictDoNothing();
  }

  const historicMembers: StaffMember[] = roster.map((r) => ({
    userId: stableUuid(r.email),
    roles: [{ role: r.role, agencyId: r.agencyId }],
    speciality: r.speciality,
    from: r.from,
    to: r.to,
  }));
  const byHome = new Map<string, CitizenAccount[]>();
  for (const c of citizens) byHome.set(c.homeUnitId, [...(byHome.get(c.homeUnitId) ?? []), c]);
  return { staff: new Staff([...demo, ...historicMembers]), citizens: byHome, created };
}
