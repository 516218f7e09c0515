import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { consolidate, figuresTable } from './consolidation.ts';
import { documentXml, renderDocx } from './docx.ts';
import { emptyFigures, figureRate, isLate, type ReportFigures, sumFigures } from './report-figures.ts';

const figures = (over: Partial<ReportFigures>): ReportFigures => ({ ...emptyFigures(), ...over });

describe('sumFigures', () => {
  it('sums counts and rate parts and recomputes each rate from the sums', () => {
    const a = figures({
      received: 100,
      resolved: 90,
      onTime: figureRate(90, 90),
      satisfaction: figureRate(1, 2),
    });
    const b = figures({
      received: 10,
      resolved: 10,
      onTime: figureRate(5, 10),
      satisfaction: figureRate(0, 0),
    });
    const total = sumFigures([a, b]);
    expect(total.received).toBe(110);
    expect(total.resolved).toBe(100);
    // 95 of 100 — not the 75 an average of 100 % and 50 % would give.
    expect(total.onTime).toEqual({ numerator: 95, denominator: 100, value: 95 });
    expect(total.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(total.online).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('rounds rates to two decimals', () => {
    expect(figureRate(1, 3).value).toBe(33.33);
  });
});

describe('consolidate', () => {
  const areas = [
    { id: 'a1', code: 'III.1', title: 'Công tác chỉ đạo, điều hành CCHC' },
    { id: 'a2', code: 'III.2', title: 'Cải cách thể chế' },
  ];
  const report = (agencyName: string, f: Partial<ReportFigures>, texts: Record<string, string>) => ({
    agencyName,
    figures: figures(f),
    areaTexts: texts,
    summary: `Tổng kết của ${agencyName}`,
    difficulties: '',
    proposals: '',
    late: false,
  });
  const c = consolidate({
    year: 2025,
    planTitle: 'Kế hoạch',
    areas,
    accepted: [
      report('UBND phường Vị Tân', { received: 5, online: figureRate(4, 5) }, { a1: 'Vị Tân đã kiểm tra.' }),
      report(
        'UBND phường Vị Thanh',
        { received: 15, online: figureRate(11, 15) },
        { a1: 'Vị Thanh họp.', a2: ' ' },
      ),
    ],
    pending: ['UBND xã Vị Tân'],
    targets: [
      { code: '6b', title: 'Hồ sơ trực tuyến', op: '>=', targetValue: 80, figure: 'online' },
      { code: '4', title: 'ISO', op: null, targetValue: null, figure: null },
    ],
  });

  it('tabulates every agency and the totals last', () => {
    const table = figuresTable(c);
    expect(table.rows.map((r) => r[0])).toEqual([
      'UBND phường Vị Tân',
      'UBND phường Vị Thanh',
      'Toàn thành phố',
    ]);
    expect(table.rows.at(-1)?.slice(1, 5)).toEqual(['20', '0', '—', '75']);
    expect(table.header).toHaveLength(table.rows[0]?.length ?? 0);
  });

  it('assembles the text of each area, leaving blank entries out', () => {
    expect(c.areas[0]?.entries.map((e) => e.agencyName)).toEqual([
      'UBND phường Vị Tân',
      'UBND phường Vị Thanh',
    ]);
    expect(c.areas[1]?.entries).toEqual([]);
  });

  it('judges the targets the figures measure against the totals', () => {
    expect(c.targets[0]).toMatchObject({ actual: 75, met: false });
    expect(c.targets[1]).toMatchObject({ actual: null, met: null });
  });
});

describe('isLate', () => {
  it('compares the first submission, or today when not submitted, with 30 October', () => {
    expect(isLate(2025, '2025-10-30', '2025-12-01')).toBe(false);
    expect(isLate(2025, '2025-10-31', '2025-12-01')).toBe(true);
    expect(isLate(2025, null, '2025-10-30')).toBe(false);
    expect(isLate(2025, null, '2025-10-31')).toBe(true);
  });
});

describe('docx writer', () => {
  it('writes a package Word opens: content types, relationships, styles and the body', async () => {
    const bytes = await renderDocx(
      'Báo cáo',
      [
        { kind: 'heading', level: 1, text: 'BÁO CÁO <năm> & "tổng hợp"' },
        { kind: 'paragraph', text: 'Dòng một\nDòng hai', bold: true },
        { kind: 'table', header: ['Cơ quan', 'Số'], rows: [['Phường Vị Thanh', '1.234']] },
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/styles.xml',
      ].sort(),
    );
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('BÁO CÁO &lt;năm&gt; &amp; &quot;tổng hợp&quot;');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('Dòng một</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:br/>');
    expect(xml.match(/<w:tr>/g)).toHaveLength(2);
    expect(xml).toContain('<w:t xml:space="preserve">Phường Vị Thanh</w:t>');
    // Well-formed: every opened element is closed.
    expect(xml.match(/<w:tbl>/g)?.length).toBe(xml.match(/<\/w:tbl>/g)?.length);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:styleId="Heading1"');
  });

  it('drops characters XML cannot carry', () => {
    expect(documentXml([{ kind: 'paragraph', text: 'a\u0001b' }])).toContain('>ab<');
  });
});
