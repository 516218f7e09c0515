import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { dossierEvaluations, evaluationSettings } from './schema.ts';

const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';
const HEAD = 'truongphong.vithanh@demo.motcua.vn';
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';

type View = {
  evaluable: boolean;
  notEvaluableReason: string | null;
  version: number;
  canSelfScore: boolean;
  canAppraise: boolean;
  suggestedTotal: number;
  indicators: {
    key: string;
    label: string;
    suggestion: { points: number | null; source: string; reason: string } | null;
    selfScore: number | null;
    appraisedScore: number | null;
    appraisedNote: string | null;
  }[];
  evaluation: {
    selfTotal: number | null;
    appraisedTotal: number | null;
    finalTotal: number;
    grade: { key: string; label: string };
    appraisedByName: string | null;
  } | null;
};
type List = {
  total: number;
  items: { dossierId: string; finalTotal: number; grade: string; gradeLabel: string; status: string }[];
  summary: {
    rows: {
      agencyId: string;
      evaluated: number;
      byGrade: Record<string, number>;
      averageFinal: number | null;
    }[];
    totals: { evaluated: number; byGrade: Record<string, number>; ratings: { forms: number } };
  };
};

const scores = (points: number, overrides: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => [k, points])),
  ...overrides,
});

describe.each(testDatabaseKinds())('dossier evaluation on %s', (kind) => {
  const t = useTestApp(kind);
  const picked = { returned: '', open: '', other: '' };
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

  const { intake, toReturned } = dossierWalk(t);

  beforeAll(async () => {
    const desk = await t.login(DESK);
    picked.returned = (await toReturned(desk)).id;
    picked.other = (await toReturned(desk)).id;
    picked.open = (await intake(desk)).id;
  }, 90_000);

  const view = async (cookie: string, id: string) =>
    t.request({ method: 'GET', url: `/api/office/dossiers/${id}/evaluation`, cookie });
  const save = (cookie: string, id: string, what: 'self-score' | 'appraisal', payload: object) =>
    t.request({ method: 'PUT', url: `/api/office/dossiers/${id}/evaluation/${what}`, cookie, payload });
  const stored = async (id: string) =>
    t.database.db
      .select()
      .from(dossierEvaluations)
      .where(eq(dossierEvaluations.dossierId, id))
      .then((rows) => rows[0]);

  it('suggests indicators 1–5 from the records of a returned dossier and prefills 6 and 9', async () => {
    const head = await t.login(HEAD);
    const r = await view(head, picked.returned);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as View;
    expect(v).toMatchObject({
      evaluable: true,
      version: 0,
      canSelfScore: true,
      canAppraise: false,
      evaluation: null,
    });
    const byKey = Object.fromEntries(v.indicators.map((i) => [i.key, i.suggestion]));
    // Walked through within minutes: early on the legal clock and for every agency; no supplement; a paper
    // dossier at the ward's public service centre, appraised by the ward's committee.
    expect(byKey['1']).toMatchObject({ points: 2, source: 'computed' });
    expect(byKey['2']).toMatchObject({ points: 2, source: 'computed' });
    expect(byKey['3']).toMatchObject({ points: 2, source: 'computed' });
    expect(byKey['4']).toMatchObject({
      points: 1,
      reason: 'Chỉ liên hệ 1 nơi: Trung tâm Phục vụ hành chính công phường Vị Thanh.',
    });
    expect(byKey['5']).toMatchObject({ points: 1, source: 'computed' });
    expect(byKey['6']?.source).toBe('prefilled');
    expect(byKey['7']).toMatchObject({ points: null, source: 'scorer' });
    expect(byKey['8']).toMatchObject({ points: null, source: 'scorer' });
    expect(byKey['9']?.source).toBe('prefilled');
  });

  it('cannot evaluate an open dossier', async () => {
    const head = await t.login(HEAD);
    const v = (await view(head, picked.open)).json() as View;
    expect(v.evaluable).toBe(false);
    expect(v.notEvaluableReason).toContain('Chỉ đánh giá được hồ sơ đã giải quyết xong');
    const r = await save(head, picked.open, 'self-score', { version: 0, scores: scores(2) });
    expect(r.statusCode, r.body).toBe(422);
    expect(await stored(picked.open)).toBeUndefined();
  });

  it('refuses bad scores in Vietnamese and changes nothing', async () => {
    const head = await t.login(HEAD);
    const cases: [object, string][] = [
      [{ version: 0, scores: scores(2, { '3': 3 }) }, 'Điểm mỗi tiêu chí chỉ được là 0, 1 hoặc 2.'],
      [
        { version: 0, scores: scores(2, { '10': 1 }) },
        'Không có tiêu chí 10; chỉ có các tiêu chí từ 1 đến 9.',
      ],
      [{ version: 0, scores: { ...scores(1), '7': undefined } }, 'Vui lòng chấm điểm tiêu chí này.'],
      [{ version: 0, scores: scores(1), notes: { '0': 'x' } }, 'Không có tiêu chí 0'],
    ];
    for (const [payload, message] of cases) {
      const r = await save(head, picked.returned, 'self-score', payload);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toContain(message);
    }
    expect(await stored(picked.returned)).toBeUndefined();
  });

  it('lets only the head or leader of the dossier’s agencies self-score, and needs the self-score before appraisal', async () => {
    const specialist = await t.login(SPECIALIST);
    const desk = await t.login(DESK);
    const otherDesk = await t.login(OTHER_DESK);
    const reform = await t.login(REFORM);
    const body = { version: 0, scores: scores(2) };
    expect((await save(specialist, picked.returned, 'self-score', body)).statusCode).toBe(403);
    expect((await save(desk, picked.returned, 'self-score', body)).statusCode).toBe(403);
    expect((await save(reform, picked.returned, 'self-score', body)).statusCode).toBe(403);
    expect((await save(otherDesk, picked.returned, 'self-score', body)).statusCode).toBe(404);
    const early = await save(reform, picked.returned, 'appraisal', body);
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json().error.message).toBe('Cơ quan chưa tự chấm điểm hồ sơ này nên chưa thể thẩm định.');
    expect(await stored(picked.returned)).toBeUndefined();
  });

  it('stores the self-score, refuses a stale version, and lets only the reform office appraise', async () => {
    const head = await t.login(HEAD);
    const reform = await t.login(REFORM);
    const specialist = await t.login(SPECIALIST);
    const self = await save(head, picked.returned, 'self-score', {
      version: 0,
      scores: scores(2, { '4': 1, '5': 1 }),
      notes: { '7': 'Không có phản ánh', '8': '  ' },
    });
    expect(self.statusCode, self.body).toBe(200);
    const afterSelf = self.json() as View;
    expect(afterSelf.version).toBe(1);
    expect(afterSelf.evaluation).toMatchObject({
      selfTotal: 16,
      finalTotal: 16,
      grade: { key: 'excellent', label: 'Xuất sắc' },
    });
    const row = await stored(picked.returned);
    expect(row?.selfNotes).toEqual({ '7': 'Không có phản ánh' });
    expect(row?.suggestions).toHaveLength(9);

    const stale = await save(head, picked.returned, 'self-score', { version: 0, scores: scores(0) });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.message).toContain('vừa được người khác cập nhật');
    expect((await stored(picked.returned))?.selfTotal).toBe(16);

    expect(
      (await save(head, picked.returned, 'appraisal', { version: 1, scores: scores(1) })).statusCode,
    ).toBe(403);
    expect(
      (await save(specialist, picked.returned, 'appraisal', { version: 1, scores: scores(1) })).statusCode,
    ).toBe(403);
    const reformView = (await (await view(reform, picked.returned)).json()) as View;
    expect(reformView).toMatchObject({ canAppraise: true, canSelfScore: false, version: 1 });

    const appraisal = await save(reform, picked.returned, 'appraisal', {
      version: 1,
      scores: scores(1, { '1': 2, '2': 2, '3': 2, '6': 2 }),
      notes: { '5': 'Thẩm định tại UBND phường' },
    });
    expect(appraisal.statusCode, appraisal.body).toBe(200);
    const v = appraisal.json() as View;
    expect(v.version).toBe(2);
    expect(v.evaluation).toMatchObject({
      selfTotal: 16,
      appraisedTotal: 13,
      finalTotal: 13,
      grade: { key: 'good', label: 'Tốt' },
    });
    expect(v.evaluation?.appraisedByName).toBeTruthy();
    expect(v.indicators.find((i) => i.key === '5')?.appraisedNote).toBe('Thẩm định tại UBND phường');

    const staleAppraisal = await save(reform, picked.returned, 'appraisal', {
      version: 1,
      scores: scores(0),
    });
    expect(staleAppraisal.statusCode).toBe(409);
    const locked = await save(head, picked.returned, 'self-score', { version: 2, scores: scores(2) });
    expect(locked.statusCode).toBe(422);
    expect((await stored(picked.returned))?.appraisedTotal).toBe(13);
  });

  it('lists the evaluations of the period with a summary whose totals equal the list', async () => {
    const head = await t.login(HEAD);
    const reform = await t.login(REFORM);
    const admin = await t.login(ADMIN);
    const otherDesk = await t.login(OTHER_DESK);
    const second = await save(head, picked.other, 'self-score', { version: 0, scores: scores(1) });
    expect(second.statusCode, second.body).toBe(200);
    for (const who of [reform, admin, head]) {
      const r = await t.request({
        method: 'GET',
        url: `/api/office/evaluations?period=year&year=${year}`,
        cookie: who,
      });
      expect(r.statusCode, r.body).toBe(200);
      const list = r.json() as List;
      const mine = list.items.filter((i) => i.dossierId === picked.returned || i.dossierId === picked.other);
      expect(mine.map((i) => [i.finalTotal, i.gradeLabel, i.status]).sort()).toEqual([
        [13, 'Tốt', 'appraised'],
        [9, 'Khá', 'self_scored'],
      ]);
      expect(list.total).toBe(list.items.length);
      expect(list.summary.totals.evaluated).toBe(list.items.length);
      expect(list.summary.rows.reduce((s, row) => s + row.evaluated, 0)).toBe(list.items.length);
      for (const [grade, n] of Object.entries(list.summary.totals.byGrade)) {
        expect(list.items.filter((i) => i.grade === grade)).toHaveLength(n);
      }
    }
    const none = (
      await t.request({
        method: 'GET',
        url: `/api/office/evaluations?period=year&year=${year}`,
        cookie: otherDesk,
      })
    ).json() as List;
    expect(none.items.filter((i) => i.dossierId === picked.returned)).toEqual([]);
    const bad = await t.request({
      method: 'GET',
      url: '/api/office/evaluations?period=quarter&year=2026',
      cookie: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Vui lòng chọn quý báo cáo.');
    const xlsx = await t.request({
      method: 'GET',
      url: `/api/office/evaluations?period=year&year=${year}&format=xlsx`,
      cookie: admin,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lets an administrator change the grade bands, re-grading stored evaluations', async () => {
    const admin = await t.login(ADMIN);
    const head = await t.login(HEAD);
    const current = await t.request({ method: 'GET', url: '/api/admin/evaluation-settings', cookie: admin });
    expect(current.statusCode).toBe(200);
    const settings = current.json() as {
      bands: { key: string; label: string; min: number }[];
      rules: Record<string, number>;
    };
    expect(settings.bands.map((b) => b.min)).toEqual([15, 12, 9, 6, 0]);
    expect(
      (await t.request({ method: 'GET', url: '/api/admin/evaluation-settings', cookie: head })).statusCode,
    ).toBe(403);

    const bad = await t.request({
      method: 'PUT',
      url: '/api/admin/evaluation-settings',
      cookie: admin,
      payload: {
        ...settings,
        bands: [
          { key: 'good', label: 'Tốt', min: 12 },
          { key: 'ok', label: 'Đạt', min: 12 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Mức thấp nhất phải bắt đầu từ 0 điểm');

    const strict = {
      ...settings,
      bands: settings.bands.map((b) => (b.key === 'good' ? { ...b, min: 14 } : b)),
      rules: { ...settings.rules, deskOnlyContactPoints: 2 },
    };
    const saved = await t.request({
      method: 'PUT',
      url: '/api/admin/evaluation-settings',
      cookie: admin,
      payload: strict,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // 13 is no longer "Tốt" (14+) but "Khá".
    expect((await stored(picked.returned))?.grade).toBe('fair');
    const v = (await (await view(head, picked.returned)).json()) as View;
    expect(v.indicators.find((i) => i.key === '4')?.suggestion?.points).toBe(2);
    // Restore the defaults for the other tests of this file's database.
    await t.database.db.delete(evaluationSettings).where(and(eq(evaluationSettings.id, 1)));
  });
});
