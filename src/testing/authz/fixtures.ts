import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { dossierWalk, type WalkedDossier } from '../dossier-walk.ts';
import type { TestApp } from '../test-app.ts';
import { citizenB } from './principals.ts';

export const VI_THANH_WARD_DESK = 'cantho-phuong-vi-thanh-ttpvhcc';
export const VI_TAN_WARD_DESK = 'cantho-phuong-vi-tan-ttpvhcc';

/** The records of scope A (and one of unit B) the matrix aims at, made through the API as the officers would. */
export interface Fixtures {
  unitA: string;
  unitB: string;
  agencyA: string;
  agencyB: string;
  /** A walk-in dossier of the Vị Thanh desk, walked to its result. */
  dossierA: WalkedDossier & { resultFileId: string };
  /** A walk-in dossier of the Vị Tân desk. */
  dossierB: WalkedDossier;
  /** Citizen A's own online draft at the Vị Thanh desk. */
  onlineA: { id: string; version: number };
  feedbackA: { id: string; code: string };
  procedureId: string;
  /** The year of the demo reform plan (the plan period's data). */
  planYear: number;
  citizenAUserId: string;
}

export async function makeFixtures(
  t: TestApp,
  cookies: { deskA: string; deskOtherUnit: string; clerkA: string; citizenA: string },
): Promise<Fixtures> {
  const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
    id: string;
    slug: string;
    unitId: string;
  }[];
  const a = agencies.find((x) => x.slug === VI_THANH_WARD_DESK);
  const b = agencies.find((x) => x.slug === VI_TAN_WARD_DESK);
  if (!a || !b) throw new Error('demo desks missing');
  const walk = dossierWalk(t);
  const walked = await walk.toResult(cookies.deskA, a.id);
  const [result] = await rawRows<{ f: string }>(
    t.database.db,
    sql`select snapshot->'result'->>'fileId' as f from dossiers where id = ${walked.id}`,
  );
  const dossierB = await walk.intake(cookies.deskOtherUnit, b.id);
  const online = await t.request({
    method: 'POST',
    url: '/api/my/dossiers',
    cookie: cookies.citizenA,
    payload: { procedureCode: '1.001193', receivingAgencyId: a.id },
  });
  expect(online.statusCode, online.body).toBe(201);
  const [feedback] = await rawRows<{ id: string; code: string }>(
    t.database.db,
    sql`select id, code from feedback_items where owner_unit_id = ${a.unitId} order by published_at nulls first, code limit 1`,
  );
  if (!feedback) throw new Error('no feedback of unit A in the demo');
  const [procedure] = await rawRows<{ id: string }>(
    t.database.db,
    sql`select id from procedures where code = '1.001193'`,
  );
  const [plan] = await rawRows<{ year: number }>(
    t.database.db,
    sql`select least(to_year, 2025) as year from reform_plans order by to_year desc limit 1`,
  );
  const [citizen] = await rawRows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'congdan@demo.motcua.vn'`,
  );
  return {
    unitA: a.unitId,
    unitB: b.unitId,
    agencyA: a.id,
    agencyB: b.id,
    dossierA: { ...walked, resultFileId: result?.f ?? '' },
    dossierB,
    onlineA: online.json() as { id: string; version: number },
    feedbackA: feedback,
    procedureId: procedure?.id ?? '',
    citizenAUserId: citizen?.id ?? '',
    planYear: Number(plan?.year ?? 2025),
  };
}

export async function signUpCitizenB(t: TestApp): Promise<string> {
  const r = await t.request({ method: 'POST', url: '/api/auth/signup', payload: citizenB });
  expect([200, 201], r.body).toContain(r.statusCode);
  return t.login(citizenB.email, citizenB.password);
}
