import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { users } from '../auth/schema.ts';
import { dossiers } from '../dossier/schema.ts';
import { dossierRatings, ratingSettings } from './schema.ts';

type View = {
  dossierCode: string | null;
  procedureName: string;
  agencyName: string;
  canRate: boolean;
  levels: { key: string; label: string; satisfied: boolean }[];
  rating: {
    level: string;
    levelLabel: string;
    comment: string | null;
    channel: string;
    ratedAt: string;
    updatedAt: string;
    changeableUntil: string;
  } | null;
};

const CITIZEN = 'congdan@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';

describe.each(testDatabaseKinds())('dossier ratings on %s', (kind) => {
  const t = useTestApp(kind);
  /** Walk-in dossiers of the Vị Thanh desk, two driven to their result, handed to the demo citizen. */
  const picked = { resultIssued: '', inProgress: '', returnedCode: '' };

  const { act, intake, toResult } = dossierWalk(t);

  beforeAll(async () => {
    const db = t.database.db;
    const [citizen] = await db.select({ id: users.id }).from(users).where(eq(users.email, CITIZEN));
    if (!citizen) throw new Error('demo citizen missing');
    const desk = await t.login(DESK);
    const resultIssued = await toResult(desk);
    const inProgress = await intake(desk);
    const returned = await act(desk, await toResult(desk), { type: 'return_result', channel: 'counter' });
    picked.resultIssued = resultIssued.id;
    picked.inProgress = inProgress.id;
    picked.returnedCode = returned.code;
    await db
      .update(dossiers)
      .set({ applicantUserId: citizen.id })
      .where(inArray(dossiers.id, [resultIssued.id, inProgress.id]));
  }, 60_000);

  const my = (cookie: string, id: string, level?: string, comment?: string) =>
    t.request({
      method: level ? 'PUT' : 'GET',
      url: `/api/my/dossiers/${id}/rating`,
      cookie,
      ...(level ? { payload: { level, ...(comment ? { comment } : {}) } } : {}),
    });
  let token = '';

  it('refuses a rating before the result is returned, and another user’s dossier', async () => {
    const citizen = await t.login(CITIZEN);
    expect(((await my(citizen, picked.inProgress)).json() as View).canRate).toBe(false);
    const early = await my(citizen, picked.inProgress, 'satisfied');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/chưa trả kết quả/);
    const stranger = await my(await t.login(DESK), picked.resultIssued, 'satisfied');
    expect(stranger.statusCode).toBe(404);
    expect((await my('', picked.resultIssued)).statusCode).toBe(401);
  });

  it('puts a signed rating link in the “returned” notification, usable without signing in', async () => {
    const desk = await t.login(DESK);
    const office = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${picked.resultIssued}`, cookie: desk })
    ).json();
    const returned = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${picked.resultIssued}/actions`,
      cookie: desk,
      payload: { version: office.version, action: { type: 'return_result', channel: 'counter' } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const citizen = await t.login(CITIZEN);
    const inbox = (await t.request({ method: 'GET', url: '/api/my/notifications', cookie: citizen })).json();
    const message = inbox.items.find(
      (n: { kind: string; dossierId: string }) =>
        n.kind === 'returned' && n.dossierId === picked.resultIssued,
    );
    const link = /http:\/\/localhost:3000\/danh-gia\/(\S+)/.exec(message?.body ?? '');
    expect(link, message?.body).not.toBeNull();
    token = link?.[1] ?? '';
    const page = await t.request({ method: 'GET', url: `/api/ratings/by-link/${token}` });
    expect(page.statusCode, page.body).toBe(200);
    const view = page.json() as View;
    expect(view).toMatchObject({ canRate: true, rating: null });
    expect(view.levels.map((l) => l.label)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(Object.keys(view).sort()).toEqual(
      ['agencyName', 'canRate', 'dossierCode', 'levels', 'procedureCode', 'procedureName', 'rating'].sort(),
    );
    // The secret was generated once and kept in the database.
    const [settings] = await t.database.db.select().from(ratingSettings);
    expect(settings?.linkSecret.length).toBeGreaterThanOrEqual(32);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.request({ method: 'GET', url: `/api/ratings/by-link/${forged}` })).statusCode).toBe(404);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/ratings/by-link/${forged}`,
          payload: { level: 'satisfied' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('rates after return, changes within 7 days (portal, then link) and refuses after', async () => {
    const citizen = await t.login(CITIZEN);
    const first = await my(citizen, picked.resultIssued, 'satisfied', 'Cán bộ hướng dẫn tận tình.');
    expect(first.statusCode, first.body).toBe(200);
    const rated = (first.json() as View).rating;
    expect(rated).toMatchObject({ level: 'satisfied', levelLabel: 'Hài lòng', channel: 'portal' });
    expect(new Date(rated?.changeableUntil ?? 0).getTime() - new Date(rated?.ratedAt ?? 0).getTime()).toBe(
      7 * 24 * 3600 * 1000,
    );
    expect((await my(citizen, picked.resultIssued, 'so_so')).statusCode).toBe(400);
    const changed = await t.request({
      method: 'PUT',
      url: `/api/ratings/by-link/${token}`,
      payload: { level: 'unsatisfied' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as View).rating).toMatchObject({
      level: 'unsatisfied',
      channel: 'link',
      comment: null,
      ratedAt: rated?.ratedAt,
    });
    const rows = await t.database.db
      .select()
      .from(dossierRatings)
      .where(eq(dossierRatings.dossierId, picked.resultIssued));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfied: false });

    await t.database.db
      .update(dossierRatings)
      .set({ ratedAt: sql`now() - interval '8 days'` })
      .where(eq(dossierRatings.dossierId, picked.resultIssued));
    const late = await my(citizen, picked.resultIssued, 'very_satisfied');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/quá 7 ngày/);
    expect(((await my(citizen, picked.resultIssued)).json() as View).canRate).toBe(false);
  });

  it('takes a rating on the counter tablet of the receiving desk only', async () => {
    const desk = await t.login(DESK);
    const code = picked.returnedCode;
    const found = await t.request({ method: 'GET', url: `/api/office/ratings?code=${code}`, cookie: desk });
    expect(found.statusCode, found.body).toBe(200);
    expect((found.json() as View).dossierCode).toBe(code);
    const rated = await t.request({
      method: 'POST',
      url: '/api/office/ratings',
      cookie: desk,
      payload: { code, level: 'very_satisfied' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect((rated.json() as View).rating).toMatchObject({ level: 'very_satisfied', channel: 'counter' });
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/office/ratings',
      cookie: await t.login(OTHER_DESK),
      payload: { code, level: 'satisfied' },
    });
    expect(elsewhere.statusCode).toBe(404);
    const citizen = await t.request({
      method: 'POST',
      url: '/api/office/ratings',
      cookie: await t.login(CITIZEN),
      payload: { code, level: 'satisfied' },
    });
    expect(citizen.statusCode).toBe(403);
  });

  it('lets the administrator change the scale', async () => {
    const admin = await t.login(ADMIN);
    const scale = await t.request({ method: 'GET', url: '/api/admin/rating-scale', cookie: admin });
    expect(scale.json().levels).toHaveLength(3);
    const levels = [
      { key: 'very_satisfied', label: 'Rất hài lòng', satisfied: true },
      { key: 'satisfied', label: 'Hài lòng', satisfied: true },
      { key: 'neutral', label: 'Bình thường', satisfied: false },
      { key: 'unsatisfied', label: 'Không hài lòng', satisfied: false },
    ];
    const saved = await t.request({
      method: 'PUT',
      url: '/api/admin/rating-scale',
      cookie: admin,
      payload: { levels },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().levels).toEqual(levels);
    const allHappy = levels.map((l) => ({ ...l, satisfied: true }));
    const bad = await t.request({
      method: 'PUT',
      url: '/api/admin/rating-scale',
      cookie: admin,
      payload: { levels: allHappy },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/không hài lòng/);
    const desk = await t.login(DESK);
    expect(
      (await t.request({ method: 'PUT', url: '/api/admin/rating-scale', cookie: desk, payload: { levels } }))
        .statusCode,
    ).toBe(403);
    const page = (await t.request({ method: 'GET', url: `/api/ratings/by-link/${token}` })).json() as View;
    expect(page.levels.map((l) => l.label)).toContain('Bình thường');
  });
});
