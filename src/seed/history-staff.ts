// Who acts on the generated dossiers: the demo officers where they serve (phường Vị Thanh, the Vị Tân desk, since
// 1 July 2025) and, everywhere else, historic officers generated here as inactive accounts. Some posts change
// hands during the plan (the 2021 commune elections, routine rotation), so old dossiers show several names.
import type { Role } from '../modules/auth/schema.ts';
import type { Actor, RoleAssignment } from '../modules/dossier/lifecycle/actions.ts';
import type { AgencyInfo } from './history-context.ts';
import { fullNameOf } from './history-people.ts';
import { Rng } from './history-random.ts';
import type { FieldGroup } from './history-texts.ts';

/** Which dossiers a committee specialist takes: civil status and certification, land, or everything else. */
export type Speciality = 'civil' | 'land' | 'general';

export const specialityOf = (group: FieldGroup): Speciality =>
  group === 'civil' ? 'civil' : group === 'land' ? 'land' : 'general';

export interface StaffMember {
  userId: string;
  roles: RoleAssignment[];
  speciality: Speciality | null;
  /** ISO dates the member served between (inclusive); null = open. */
  from: string | null;
  to: string | null;
}

export interface RosterEntry {
  email: string;
  fullName: string;
  role: Role;
  agencyId: string;
  speciality: Speciality | null;
  from: string | null;
  to: string | null;
}

interface Post {
  role: Role;
  speciality?: Speciality;
  /** The first holder leaves after this day; a second one serves from the next day. */
  handOverAfter?: string;
}

const COMMITTEE_POSTS: Post[] = [
  { role: 'specialist', speciality: 'civil', handOverAfter: '2022-12-31' },
  { role: 'specialist', speciality: 'land' },
  { role: 'specialist', speciality: 'general' },
  { role: 'head_of_office' },
  { role: 'signing_leader', handOverAfter: '2021-06-30' },
  { role: 'signing_leader' },
  { role: 'clerk' },
];
const POLICE_POSTS: Post[] = [
  { role: 'specialist' },
  { role: 'specialist' },
  { role: 'head_of_office' },
  { role: 'signing_leader' },
  { role: 'clerk' },
];
const desks = (n: number, handOverAfter?: string): Post[] =>
  Array.from({ length: n }, (_, i) => ({
    role: 'desk_officer',
    ...(i === 0 && handOverAfter ? { handOverAfter } : {}),
  }));

/** Posts of the agencies that act on ward-level dossiers, by slug. */
function postsOf(slug: string): Post[] {
  if (/^vithanh-.+-mot-cua$/.test(slug)) return desks(2, '2023-06-30');
  if (slug === 'vithanh-ttpvhcc') return desks(3);
  if (slug === 'vithanh-tn-mt' || slug === 'vithanh-qldt')
    return [{ role: 'specialist' }, { role: 'specialist' }];
  if (/^cantho-.+-ttpvhcc$/.test(slug)) return desks(2);
  if (/^cantho-.+-kinh-te$/.test(slug)) return [{ role: 'specialist' }];
  if (/^(vithanh|cantho)-.+-ubnd$/.test(slug) && slug !== 'vithanh-ubnd') return COMMITTEE_POSTS;
  if (/^(vithanh|cantho)-.+-cong-an$/.test(slug) && slug !== 'vithanh-cong-an') return POLICE_POSTS;
  return [];
}

const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The historic officers: every post of every acting agency that no demo account fills. Names come from a fixed
 * stream, so the roster is the same whatever the history's seed.
 */
export function historicRoster(
  agencies: Iterable<AgencyInfo>,
  covered: Set<string>,
  takenNames: Iterable<string> = [],
): RosterEntry[] {
  const rng = new Rng(20210101, 1);
  const out: RosterEntry[] = [];
  // Namesakes are real, but two officers of one name on a dossier's history would read as one person.
  const names = new Set(takenNames);
  const uniqueName = () => {
    let name = fullNameOf(rng, rng.chance(0.5) ? 'female' : 'male');
    while (names.has(name)) name = fullNameOf(rng, rng.chance(0.5) ? 'female' : 'male');
    names.add(name);
    return name;
  };
  for (const agency of agencies) {
    let n = 0;
    const hire = (post: Post, from: string | null, to: string | null) => {
      n += 1;
      out.push({
        email: `lichsu.${agency.slug}.${n}@demo.motcua.vn`,
        fullName: uniqueName(),
        role: post.role,
        agencyId: agency.id,
        speciality: post.speciality ?? null,
        from,
        to,
      });
    };
    for (const post of postsOf(agency.slug)) {
      if (covered.has(`${agency.id}|${post.role}`)) continue;
      if (post.handOverAfter) {
        hire(post, null, post.handOverAfter);
        hire(post, nextDay(post.handOverAfter), null);
      } else hire(post, null, null);
    }
  }
  return out;
}

/** Picks the officer who acts: serving on that day, of the right speciality when the post has several. */
export class Staff {
  private readonly byPost = new Map<string, StaffMember[]>();

  constructor(members: readonly StaffMember[]) {
    for (const m of members) {
      for (const r of m.roles) {
        if (!r.agencyId) continue;
        const key = `${r.agencyId}|${r.role}`;
        this.byPost.set(key, [...(this.byPost.get(key) ?? []), m]);
      }
    }
  }

  has(agencyId: string, role: Role): boolean {
    return this.byPost.has(`${agencyId}|${role}`);
  }

  actor(agencyId: string, role: Role, isoDay: string, rng: Rng, speciality?: Speciality): Actor {
    const all = this.byPost.get(`${agencyId}|${role}`) ?? [];
    const serving = all.filter((m) => (!m.from || m.from <= isoDay) && (!m.to || isoDay <= m.to));
    const pool = serving.length ? serving : all;
    const specialists = speciality ? pool.filter((m) => m.speciality === speciality) : [];
    const member = rng.pick(specialists.length ? specialists : pool);
    return { kind: 'officer', userId: member.userId, roles: member.roles };
  }
}
