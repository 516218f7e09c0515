import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test-app.ts';
import { testDatabaseKinds } from '../test-db.ts';
import { xlsxText } from './export-text.ts';
import { type Fixtures, makeFixtures, signUpCitizenB } from './fixtures.ts';
import { principalEmails } from './principals.ts';

/**
 * Direct-object access (issue 8 §3): guessed and foreign ids and codes get the same refusal as ids that do not
 * exist, the public look-up needs its second factor and does not tell which codes exist, files of a dossier are
 * served only within its scope, and exports carry only the caller's own rows.
 */
describe.each(testDatabaseKinds())('direct-object access on %s', (kind) => {
  const t = useTestApp(kind);
  const c: Record<string, string> = {};
  let f: Fixtures;

  beforeAll(async () => {
    for (const [name, email] of Object.entries(principalEmails)) c[name] = await t.login(email);
    c.citizenB = await signUpCitizenB(t);
    f = await makeFixtures(t, {
      deskA: c.deskA as string,
      deskOtherUnit: c.deskOtherUnit as string,
      clerkA: c.clerkA as string,
      citizenA: c.citizenA as string,
    });
  }, 120_000);

  const get = (url: string, who?: string, remoteAddress?: string) =>
    t.request({
      method: 'GET',
      url,
      ...(who ? { cookie: c[who] as string } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  it('answers a foreign dossier id exactly as an id that does not exist', async () => {
    const office = ['', '/forms/receipt', '/payment', '/notifications', '/evaluation'];
    const cases: [who: string, foreign: string][] = [
      ['deskA', f.dossierB.id],
      ['deskOtherUnit', f.dossierA.id],
      ['otherAgencyA', f.dossierA.id],
    ];
    for (const [who, foreign] of cases) {
      for (const suffix of office) {
        const guessed = await get(`/api/office/dossiers/${randomUUID()}${suffix}`, who);
        const theirs = await get(`/api/office/dossiers/${foreign}${suffix}`, who);
        expect([403, 404], `${who} ${suffix}`).toContain(theirs.statusCode);
        // Every refusal here is the generic one: the answer does not tell a foreign id from a made-up one.
        expect(theirs.statusCode, `${who} ${suffix} foreign vs guessed`).toBe(guessed.statusCode);
        expect(theirs.json().error.message).toBe(guessed.json().error.message);
        expect(theirs.body).not.toContain(f.dossierA.code);
        expect(theirs.body).not.toContain(f.dossierB.code);
      }
    }
    for (const suffix of ['', '/payment', '/rating', '/forms/receipt']) {
      const guessed = await get(`/api/my/dossiers/${randomUUID()}${suffix}`, 'citizenB');
      for (const foreign of [f.onlineA.id, f.dossierA.id, f.dossierB.id]) {
        const theirs = await get(`/api/my/dossiers/${foreign}${suffix}`, 'citizenB');
        expect(theirs.statusCode, `citizen B ${suffix}`).toBe(404);
        expect(theirs.json().error.message).toBe(guessed.json().error.message);
      }
    }
  });

  it('needs the second factor on the public look-up and does not reveal which codes exist', async () => {
    let n = 0;
    const address = () => `203.0.113.${(n++ % 250) + 1}`;
    const noCheck = await get(`/api/dossiers/lookup?code=${f.dossierA.code}`, undefined, address());
    expect(noCheck.statusCode).toBe(400);
    expect(noCheck.body).not.toContain('result_issued');
    const wrongCheck = await get(
      `/api/dossiers/lookup?code=${f.dossierA.code}&check=0000`,
      undefined,
      address(),
    );
    expect(wrongCheck.statusCode).toBe(404);
    // Sequential and made-up codes around a real one answer exactly as the real code with a wrong check.
    const sequence = Number(f.dossierA.code.match(/(\d+)$/)?.[1]);
    const prefix = f.dossierA.code.replace(/\d+$/, '');
    const width = f.dossierA.code.length - prefix.length;
    for (const delta of [1, 2, -1, 100]) {
      const guessed = `${prefix}${String(sequence + delta).padStart(width, '0')}`;
      const r = await get(`/api/dossiers/lookup?code=${guessed}&check=5678`, undefined, address());
      expect(r.statusCode, guessed).toBe(404);
      expect(r.json()).toEqual(wrongCheck.json());
    }
    const other = await get(`/api/dossiers/lookup?code=${f.dossierB.code}&check=1234`, undefined, address());
    expect(other.json()).toEqual(wrongCheck.json());
    // With the factor (the last four digits of the applicant's phone): status only, no personal data.
    const right = await get(`/api/dossiers/lookup?code=${f.dossierA.code}&check=5678`, undefined, address());
    expect(right.statusCode, right.body).toBe(200);
    expect(right.body).not.toContain('0912345678');
    expect(right.body).not.toContain('093190001234');
    expect(right.body).not.toContain('Nguyễn Thị Hoa');
    expect(right.body).not.toContain(f.dossierA.id);
    // The look-up is throttled per client: guessing from one address soon stops working.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await get(`/api/dossiers/lookup?code=${prefix}${i}&check=0000`, undefined, '198.51.100.7');
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('serves a dossier file only within the dossier scope, on every file route', async () => {
    const file = f.dossierA.resultFileId;
    expect(file).toMatch(/^[0-9a-f]{64}$/);
    expect((await get(`/api/office/files/${file}`, 'clerkA')).statusCode).toBe(200);
    for (const who of ['deskOtherUnit', 'otherAgencyA', 'reformCity']) {
      const r = await get(`/api/office/files/${file}`, who);
      expect(r.statusCode, who).toBe(404);
    }
    for (const who of ['citizenB', 'deskOtherUnit', 'otherAgencyA']) {
      const r = await get(`/api/my/files/${file}`, who);
      expect([403, 404], who).toContain(r.statusCode);
    }
    expect((await get(`/api/office/files/${file}`)).statusCode).toBe(401);
    expect((await get(`/api/news/files/${file}`)).statusCode).toBe(404);
    const attachment = await get(`/api/office/feedback/${f.feedbackA.id}/attachments/${file}`, 'admin');
    expect(attachment.statusCode).toBe(404);
  });

  it('keeps other units out of the tracking book, the procedure-handling report and the indicator exports', async () => {
    const book = `/api/office/tracking-book?agencyId=${f.agencyA}&from=2026-01-01&to=2026-12-31&format=xlsx`;
    expect((await get(book, 'deskOtherUnit')).statusCode).toBe(403);
    expect((await get(book, 'otherAgencyA')).statusCode).toBe(403);
    const own = await get(book, 'deskA');
    expect(own.statusCode, own.body).toBe(200);
    const ownRows = await xlsxText(own.rawPayload);
    expect(ownRows).toContain(f.dossierA.code);
    expect(ownRows).not.toContain(f.dossierB.code);

    const report = `/api/office/reports/procedure-handling?agencyId=${f.agencyA}&period=year&year=2026`;
    const foreignAgency = await get(report, 'deskOtherUnit');
    expect(foreignAgency.statusCode, foreignAgency.body).toBe(403);
    const unitReport = `/api/office/reports/procedure-handling?unitId=${f.unitA}&period=year&year=2026`;
    const foreignUnit = await get(unitReport, 'deskOtherUnit');
    expect([403, 404], foreignUnit.body).toContain(foreignUnit.statusCode);

    // The indicator drill-down of unit B asked for by an officer of unit A: refused, or without B's dossiers.
    const drill = `/api/office/kpi/dossiers?from=2026-01&to=2026-12&metrics=receivedOffline&unit=${f.unitB}&format=xlsx`;
    const theirs = await get(drill, 'deskOtherUnit');
    expect(await xlsxText(theirs.rawPayload)).toContain(f.dossierB.code);
    const foreign = await get(drill, 'deskA');
    if (foreign.statusCode === 200) expect(await xlsxText(foreign.rawPayload)).not.toContain(f.dossierB.code);
    else expect([403, 404], foreign.body).toContain(foreign.statusCode);
    const unscoped = await get(drill.replace(`&unit=${f.unitB}`, ''), 'deskA');
    if (unscoped.statusCode === 200)
      expect(await xlsxText(unscoped.rawPayload)).not.toContain(f.dossierB.code);
  });

  it('answers a stranger who asks to pay or refund a dossier fee with "not found", before any gateway question', async () => {
    // No payment gateway is configured in the tests: the owner hears so, a stranger only that there is no such dossier.
    const pay = (who?: string, id = f.onlineA.id) =>
      t.request({
        method: 'POST',
        url: `/api/my/dossiers/${id}/payment`,
        ...(who ? { cookie: c[who] as string } : {}),
      });
    expect((await pay()).statusCode).toBe(401);
    for (const who of ['citizenB', 'deskA', 'admin']) {
      const r = await pay(who);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(404);
    }
    expect((await pay('citizenA')).json().error.message).toMatch(/chưa được cấu hình/);
    const refund = (who: string) =>
      t.request({
        method: 'POST',
        url: `/api/office/dossiers/${f.dossierA.id}/payment/refund`,
        cookie: c[who] as string,
        payload: { reason: 'Hoàn tiền thử nghiệm phân quyền' },
      });
    for (const who of ['otherAgencyA', 'deskOtherUnit']) {
      const r = await refund(who);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(404);
    }
    expect((await refund('deskA')).statusCode).toBe(403);
  });

  it("exports a survey round's answers only for the desks the officer works in", async () => {
    const rounds = (await get('/api/office/survey-rounds', 'deskA')).json() as { items?: { id: string }[] };
    const list = Array.isArray(rounds) ? (rounds as { id: string }[]) : (rounds.items ?? []);
    const round = list[0];
    expect(round).toBeDefined();
    const all = await xlsxText(
      (await get(`/api/office/survey-rounds/${round?.id}/export.xlsx`, 'admin')).rawPayload,
    );
    expect(all).toMatch(/Vị Tân/);
    const allResults = (await get(`/api/office/survey-rounds/${round?.id}/results`, 'admin')).json() as {
      counts: { responses: number };
    };
    for (const [who, own, other] of [
      ['deskA', /Vị Thanh/, /Vị Tân|Hỏa Lựu/],
      ['deskOtherUnit', /Vị Tân/, /Vị Thanh|Hỏa Lựu/],
    ] as const) {
      const r = await get(`/api/office/survey-rounds/${round?.id}/export.xlsx`, who);
      expect(r.statusCode, r.body).toBe(200);
      const text = await xlsxText(r.rawPayload);
      expect(text).toMatch(own);
      expect(text).not.toMatch(other);
      // The round itself names its desks; its figures are only the officer's desk's.
      const results = (await get(`/api/office/survey-rounds/${round?.id}/results`, who)).json() as {
        counts: { responses: number; byAgency: { agencyName: string }[] };
      };
      const byAgency = results.counts.byAgency.map((a) => a.agencyName).join('\n');
      expect(byAgency).toMatch(own);
      expect(byAgency).not.toMatch(other);
      expect(results.counts.responses).toBeLessThan(allResults.counts.responses);
    }
    // An officer of a desk outside the round sees nothing of it.
    expect([403, 404]).toContain(
      (await get(`/api/office/survey-rounds/${round?.id}/results`, 'otherAgencyA')).statusCode,
    );
  });
});
