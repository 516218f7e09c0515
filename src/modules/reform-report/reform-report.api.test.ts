import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReformReports } from '../../seed/seed-reform-reports.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { officialDocuments } from '../documents/schema.ts';
import { readPdf } from '../forms/pdf-text.testing.ts';
import type { ReportFigures } from './report-figures.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';
const WARD_HEAD = 'truongphong.vithanh@demo.motcua.vn';
const WARD_SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const WARD_DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_WARD = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';
const URL = '/api/office/reform-reports';
const YEAR = 2025;

interface View {
  id: string;
  status: string;
  version: number;
  late: boolean;
  deadline: string;
  figures: ReportFigures;
  figuresAt: string;
  areas: { id: string; code: string; title: string; text: string }[];
  reviewComment: string | null;
  events: { action: string; actorName: string }[];
  can: { edit: boolean; submit: boolean; review: boolean };
}

describe.each(testDatabaseKinds())('yearly reform reports on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const agency: Record<string, { id: string; unitId: string }> = {};

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.request({ method, url, cookie: cookies[who], ...(payload ? { payload } : {}) });
  const ok = async <T = View>(method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const r = await call(method, url, who, payload);
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as T;
  };

  beforeAll(async () => {
    for (const who of [REFORM, ADMIN, WARD_HEAD, WARD_SPECIALIST, WARD_DESK, OTHER_WARD, CITIZEN])
      cookies[who] = await t.login(who);
    const list = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
      unitId: string;
    }[];
    for (const slug of ['cantho-phuong-vi-thanh-ubnd', 'cantho-phuong-vi-tan-ttpvhcc']) {
      const a = list.find((x) => x.slug === slug);
      if (!a) throw new Error(`no agency ${slug}`);
      agency[slug] = a;
    }
  });

  /** Agency-to-agency documents of the ward in 2025: `electronic` of `total` sent electronically. */
  async function addDocuments(total: number, electronic: number) {
    const a = agency['cantho-phuong-vi-thanh-ubnd'] as { id: string; unitId: string };
    await t.database.db.insert(officialDocuments).values(
      Array.from({ length: total }, (_, i) => ({
        ownerUnitId: a.unitId,
        agencyId: a.id,
        direction: 'outgoing' as const,
        number: `T${i}-${Date.now() % 100000}`,
        symbol: 'BC-UBND',
        issuedOn: '2025-06-15',
        summary: 'Báo cáo kiểm tra',
        counterpartKind: 'agency' as const,
        counterpartName: 'Phòng Nội vụ',
        electronic: i < electronic,
        digitallySigned: i < electronic,
        status: 'done' as const,
        source: 'test',
      })),
    );
  }

  let report: View;

  it('rejects bad input with Vietnamese messages and changes nothing', async () => {
    const bad = await call('POST', URL, WARD_HEAD, { agencyId: 'x', year: 1990 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mã cơ quan không hợp lệ.');
    expect(bad.body).toContain('Năm không hợp lệ (từ 2000).');
    const noPlan = await call('POST', URL, WARD_HEAD, {
      agencyId: agency['cantho-phuong-vi-thanh-ubnd']?.id,
      year: 2040,
    });
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.body).toContain('Chưa có kế hoạch CCHC nào cho năm 2040.');
    const list = await ok<{ items: unknown[] }>('GET', `${URL}?year=${YEAR}`, REFORM);
    expect(list.items).toHaveLength(0);
  });

  it("keeps a ward's report to its own officers", async () => {
    const payload = { agencyId: agency['cantho-phuong-vi-thanh-ubnd']?.id, year: YEAR };
    expect((await call('POST', URL, OTHER_WARD, payload)).statusCode).toBe(403);
    expect((await call('POST', URL, CITIZEN, payload)).statusCode).toBe(403);
    expect((await call('POST', URL, REFORM, payload)).statusCode).toBe(403);
  });

  it('creates the report with the figures the system knows, then refreshes them while in draft', async () => {
    const list = await ok<{ canStart: { id: string }[]; deadline: string }>(
      'GET',
      `${URL}?year=${YEAR}`,
      WARD_HEAD,
    );
    expect(list.deadline).toBe('2025-10-30');
    expect(list.canStart.map((a) => a.id)).toContain(agency['cantho-phuong-vi-thanh-ubnd']?.id);
    await addDocuments(4, 3);
    report = await ok('POST', URL, WARD_SPECIALIST, {
      agencyId: agency['cantho-phuong-vi-thanh-ubnd']?.id,
      year: YEAR,
    });
    expect(report.status).toBe('draft');
    expect(report.areas.map((a) => a.code)).toEqual([
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
      'III.7',
    ]);
    const before = report.figures.documentsElectronic;
    expect(before.denominator).toBeGreaterThanOrEqual(4);
    expect(before.numerator).toBeGreaterThanOrEqual(3);
    expect(Object.keys(report.figures).sort()).toEqual(
      [
        'digitisation',
        'documentsElectronic',
        'feedbackHandled',
        'feedbackReceived',
        'online',
        'onTime',
        'received',
        'resolved',
        'satisfaction',
        'staffTrained',
      ].sort(),
    );
    // Not submitted and 30/10/2025 has passed.
    expect(report.late).toBe(true);
    expect(report.can).toEqual({ edit: true, submit: false, review: false });
    const again = await call('POST', URL, WARD_HEAD, {
      agencyId: agency['cantho-phuong-vi-thanh-ubnd']?.id,
      year: YEAR,
    });
    expect(again.statusCode).toBe(409);

    await addDocuments(2, 2);
    const refreshed = await ok('POST', `${URL}/${report.id}/refresh-figures`, WARD_SPECIALIST, {
      version: report.version,
    });
    expect(refreshed.figures.documentsElectronic).toMatchObject({
      numerator: before.numerator + 2,
      denominator: before.denominator + 2,
    });
    report = refreshed;
  });

  it('edits the text with optimistic concurrency and checks the areas belong to the plan', async () => {
    const texts = Object.fromEntries(
      report.areas.map((a) => [a.id, `Kết quả ${a.code} của phường Vị Thanh.`]),
    );
    const edited = await ok('PUT', `${URL}/${report.id}`, WARD_SPECIALIST, {
      version: report.version,
      areaTexts: texts,
      summary: 'Hoàn thành cơ bản các nhiệm vụ CCHC năm 2025.',
      difficulties: 'Thiếu máy quét tài liệu.',
      proposals: 'Bổ sung máy quét cho bộ phận một cửa.',
    });
    expect(edited.areas.every((a) => a.text.startsWith('Kết quả'))).toBe(true);
    const stale = await call('PUT', `${URL}/${report.id}`, WARD_SPECIALIST, {
      version: report.version,
      summary: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('vui lòng tải lại');
    const foreign = await call('PUT', `${URL}/${report.id}`, WARD_SPECIALIST, {
      version: edited.version,
      areaTexts: { '00000000-0000-4000-8000-000000000000': 'x' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('Lĩnh vực không thuộc kế hoạch của báo cáo.');
    expect(
      (await call('PUT', `${URL}/${report.id}`, OTHER_WARD, { version: edited.version })).statusCode,
    ).toBe(403);
    report = edited;
  });

  it('lets only heads and leaders submit, and only a complete report', async () => {
    const desk = await call('POST', `${URL}/${report.id}/submit`, WARD_SPECIALIST, {
      version: report.version,
    });
    expect(desk.statusCode).toBe(403);
    expect(desk.body).toContain('Chỉ trưởng phòng hoặc lãnh đạo');
    const first = report.areas[0] as View['areas'][number];
    const blanked = await ok('PUT', `${URL}/${report.id}`, WARD_HEAD, {
      version: report.version,
      areaTexts: { [first.id]: '  ' },
    });
    const incomplete = await call('POST', `${URL}/${report.id}/submit`, WARD_HEAD, {
      version: blanked.version,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields[0].message).toBe(
      `Vui lòng nhập kết quả thực hiện lĩnh vực "${first.code}. ${first.title}".`,
    );
    const fixed = await ok('PUT', `${URL}/${report.id}`, WARD_HEAD, {
      version: blanked.version,
      areaTexts: { [first.id]: 'Đã ban hành kế hoạch CCHC năm 2025.' },
    });
    report = await ok('POST', `${URL}/${report.id}/submit`, WARD_HEAD, { version: fixed.version });
    expect(report.status).toBe('submitted');
    expect(report.late).toBe(true);
    const frozen = await call('POST', `${URL}/${report.id}/refresh-figures`, WARD_HEAD, {
      version: report.version,
    });
    expect(frozen.statusCode).toBe(409);
    const edit = await call('PUT', `${URL}/${report.id}`, WARD_HEAD, {
      version: report.version,
      summary: 'x',
    });
    expect(edit.statusCode).toBe(409);
  });

  it('the reform office returns it with comments, the ward resubmits, the office accepts', async () => {
    expect(
      (await call('POST', `${URL}/${report.id}/accept`, WARD_HEAD, { version: report.version })).statusCode,
    ).toBe(403);
    const noComment = await call('POST', `${URL}/${report.id}/return`, REFORM, {
      version: report.version,
      comment: '',
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('Vui lòng nhập ý kiến khi trả lại báo cáo');
    const returned = await ok('POST', `${URL}/${report.id}/return`, REFORM, {
      version: report.version,
      comment: 'Bổ sung số liệu tập huấn cán bộ.',
    });
    expect(returned.status).toBe('returned');
    expect(returned.reviewComment).toBe('Bổ sung số liệu tập huấn cán bộ.');
    const seen = await ok('GET', `${URL}/${report.id}`, WARD_HEAD);
    expect(seen.can).toEqual({ edit: true, submit: true, review: false });
    const resubmitted = await ok('POST', `${URL}/${report.id}/submit`, WARD_HEAD, { version: seen.version });
    expect(resubmitted.status).toBe('resubmitted');
    const accepted = await ok('POST', `${URL}/${report.id}/accept`, REFORM, { version: resubmitted.version });
    expect(accepted.status).toBe('accepted');
    expect(accepted.events.map((e) => e.action)).toEqual([
      'created',
      'figures_refreshed',
      'edited',
      'edited',
      'edited',
      'submitted',
      'returned',
      'resubmitted',
      'accepted',
    ]);
    const twice = await call('POST', `${URL}/${report.id}/accept`, REFORM, { version: accepted.version });
    expect(twice.statusCode).toBe(409);
    report = accepted;
  });

  it('lists reports by reader: all for the reform office, own for a ward, none for another ward', async () => {
    const all = await ok<{ items: { id: string; status: string }[] }>('GET', `${URL}?year=${YEAR}`, REFORM);
    expect(all.items).toEqual([expect.objectContaining({ id: report.id, status: 'accepted' })]);
    const other = await ok<{ items: unknown[] }>('GET', `${URL}?year=${YEAR}`, OTHER_WARD);
    expect(other.items).toHaveLength(0);
    expect((await call('GET', `${URL}/${report.id}`, OTHER_WARD)).statusCode).toBe(403);
  });

  it("consolidates the accepted reports into DOCX and PDF with every agency's figures", async () => {
    // A second ward's report, accepted by an administrator.
    const vitan = await ok('POST', URL, ADMIN, {
      agencyId: agency['cantho-phuong-vi-tan-ttpvhcc']?.id,
      year: YEAR,
    });
    const filled = await ok('PUT', `${URL}/${vitan.id}`, ADMIN, {
      version: vitan.version,
      summary: 'Trung tâm hoàn thành nhiệm vụ.',
      areaTexts: Object.fromEntries(vitan.areas.map((a) => [a.id, `Vị Tân: ${a.code}`])),
    });
    const sent = await ok('POST', `${URL}/${vitan.id}/submit`, ADMIN, { version: filled.version });
    await ok('POST', `${URL}/${vitan.id}/accept`, ADMIN, { version: sent.version });

    expect((await call('GET', `${URL}/consolidated?year=${YEAR}`, WARD_HEAD)).statusCode).toBe(403);
    const c = await ok<{ reports: { agencyName: string; figures: ReportFigures }[]; totals: ReportFigures }>(
      'GET',
      `${URL}/consolidated?year=${YEAR}`,
      REFORM,
    );
    expect(c.reports).toHaveLength(2);
    const sum = (k: 'received' | 'resolved') => c.reports.reduce((s, r) => s + r.figures[k], 0);
    expect(c.totals.received).toBe(sum('received'));
    expect(c.totals.documentsElectronic.denominator).toBe(
      c.reports.reduce((s, r) => s + r.figures.documentsElectronic.denominator, 0),
    );

    const docx = await call(
      'GET',
      `${URL}/consolidated/file?year=${YEAR}&document=report&format=docx`,
      REFORM,
    );
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const pdf = await call('GET', `${URL}/consolidated/file?year=${YEAR}&document=report&format=pdf`, REFORM);
    expect(pdf.statusCode).toBe(200);
    const pdfText = (await readPdf(pdf.rawPayload)).text;
    for (const r of c.reports) {
      expect(xml).toContain(r.agencyName);
      expect(pdfText).toContain(r.agencyName);
      const docs = r.figures.documentsElectronic.value;
      if (docs !== null) {
        expect(xml).toContain(`>${docs.toLocaleString('vi-VN')}<`);
        expect(pdfText).toContain(docs.toLocaleString('vi-VN'));
      }
      expect(xml).toContain(`>${r.figures.received.toLocaleString('vi-VN')}<`);
    }
    expect(xml).toContain('Toàn thành phố');
    expect(xml).toContain('Kết quả III.2 của phường Vị Thanh.');
    expect(pdfText).toContain('Toàn thành phố');

    const review = await call(
      'GET',
      `${URL}/consolidated/file?year=${YEAR}&document=review&format=docx`,
      REFORM,
    );
    const reviewXml =
      (await (await JSZip.loadAsync(review.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(reviewXml).toContain('SƠ KẾT');
    expect(reviewXml).toContain('Bổ sung máy quét cho bộ phận một cửa.');
    const reviewPdf = await call(
      'GET',
      `${URL}/consolidated/file?year=${YEAR}&document=review&format=pdf`,
      REFORM,
    );
    expect((await readPdf(reviewPdf.rawPayload)).text).toContain('KẾT QUẢ SO VỚI MỤC TIÊU');

    const badFormat = await call(
      'GET',
      `${URL}/consolidated/file?year=${YEAR}&document=report&format=odt`,
      REFORM,
    );
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.body).toContain('Định dạng phải là');
  });

  it('seeds accepted 2024 reports for three wards of the time, once', async () => {
    const list = await ok<{ items: { agencyName: string; status: string; late: boolean }[] }>(
      'GET',
      `${URL}?year=2024`,
      REFORM,
    );
    expect(list.items.map((r) => [r.agencyName, r.status, r.late])).toEqual([
      ['UBND Phường I', 'accepted', false],
      ['UBND Phường III', 'accepted', false],
      ['UBND Xã Vị Tân', 'accepted', true],
    ]);
    expect(await seedReformReports(t.database.db)).toBe(
      'Báo cáo CCHC năm 2024: thêm 0 báo cáo đã chấp nhận.',
    );
  });
});
