import { formatDate } from '../forms/format.ts';
import { headerSchema } from '../forms/forms.types.ts';
import { frame, headingBlock, paragraph, renderPdf, titleBlock } from '../forms/pdf.ts';
import { drawTable } from '../forms/pdf-table.ts';
import { type Consolidation, figuresTable } from './consolidation.ts';
import { type Block, renderDocx } from './docx.ts';
import { figureColumns, reportDeadline, reviewDeadline } from './report-figures.ts';

// The two documents of the yearly cycle, each as DOCX and PDF from the same blocks: the city's consolidated
// reform report (every accepted report's figures and text per task area) and the 30 November review (the
// year's totals against the plan's targets, who reported, difficulties and proposals).

export type DocumentKind = 'report' | 'review';

export function documentTitle(kind: DocumentKind, year: number): string {
  return kind === 'report'
    ? `BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${year}`
    : `BÁO CÁO SƠ KẾT, ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const widths = [18, ...figureColumns.map(() => 7)];

function reportBlocks(c: Consolidation): Block[] {
  const table = figuresTable(c);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      italic: true,
      align: 'center',
      text: `Thực hiện ${c.planTitle}; tổng hợp từ ${c.reports.length} báo cáo của các cơ quan, đơn vị đã được chấp nhận (hạn gửi ${dmy(reportDeadline(c.year))}).`,
    },
    { kind: 'heading', level: 2, text: 'I. SỐ LIỆU KẾT QUẢ THỰC HIỆN' },
    { kind: 'table', header: table.header, rows: table.rows, widths },
    { kind: 'heading', level: 2, text: 'II. KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC' },
  ];
  for (const area of c.areas) {
    blocks.push({ kind: 'heading', level: 3, text: `${area.code}. ${area.title}` });
    if (area.entries.length === 0)
      blocks.push({ kind: 'paragraph', italic: true, text: 'Chưa có nội dung báo cáo.' });
    for (const e of area.entries)
      blocks.push({ kind: 'paragraph', align: 'both', text: `- ${e.agencyName}: ${e.text}` });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'III. ĐÁNH GIÁ CHUNG CỦA CÁC CƠ QUAN, ĐƠN VỊ' });
  for (const r of c.reports)
    blocks.push({ kind: 'paragraph', align: 'both', text: `- ${r.agencyName}: ${r.summary}` });
  return blocks;
}

function reviewBlocks(c: Consolidation): Block[] {
  const late = c.reports.filter((r) => r.late).map((r) => r.agencyName);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      italic: true,
      align: 'center',
      text: `Sơ kết năm ${c.year} (hạn ${dmy(reviewDeadline(c.year))}) — ${c.planTitle}.`,
    },
    { kind: 'heading', level: 2, text: 'I. TÌNH HÌNH BÁO CÁO' },
    {
      kind: 'paragraph',
      text: `Đã chấp nhận ${c.reports.length} báo cáo; gửi trễ hạn: ${late.length > 0 ? late.join(', ') : 'không có'}; chưa hoàn thành: ${c.pending.length > 0 ? c.pending.join(', ') : 'không có'}.`,
    },
    { kind: 'heading', level: 2, text: 'II. KẾT QUẢ SO VỚI MỤC TIÊU CỦA KẾ HOẠCH' },
    {
      kind: 'table',
      header: ['Mục tiêu', 'Chỉ tiêu', 'Kết quả năm', 'Đánh giá'],
      widths: [50, 12, 12, 14],
      rows: c.targets.map((t) => [
        `(${t.code}) ${t.title}`,
        t.targetValue === null
          ? '—'
          : `${t.op === '>' ? 'trên' : 'từ'} ${t.targetValue.toLocaleString('vi-VN')}%`,
        t.actual === null ? (t.figure ? '—' : 'Theo báo cáo') : `${t.actual.toLocaleString('vi-VN')}%`,
        t.met === null ? 'Chưa đánh giá' : t.met ? 'Đạt' : 'Chưa đạt',
      ]),
    },
    { kind: 'heading', level: 2, text: 'III. SỐ LIỆU TOÀN THÀNH PHỐ' },
    {
      kind: 'table',
      header: ['Chỉ số', 'Toàn thành phố'],
      widths: [60, 28],
      rows: figuresTable(c)
        .header.slice(1)
        .map((label, i) => [label, figuresTable(c).rows.at(-1)?.[i + 1] ?? '']),
    },
    { kind: 'heading', level: 2, text: 'IV. TỒN TẠI, HẠN CHẾ' },
  ];
  for (const r of c.reports.filter((x) => x.difficulties.trim()))
    blocks.push({ kind: 'paragraph', align: 'both', text: `- ${r.agencyName}: ${r.difficulties.trim()}` });
  blocks.push({ kind: 'heading', level: 2, text: 'V. KIẾN NGHỊ, ĐỀ XUẤT' });
  for (const r of c.reports.filter((x) => x.proposals.trim()))
    blocks.push({ kind: 'paragraph', align: 'both', text: `- ${r.agencyName}: ${r.proposals.trim()}` });
  return blocks;
}

export function documentBlocks(kind: DocumentKind, c: Consolidation): Block[] {
  return kind === 'report' ? reportBlocks(c) : reviewBlocks(c);
}

export interface Issuer {
  agency: string;
  parentAgency?: string;
  place: string;
}

export async function consolidatedDocx(kind: DocumentKind, c: Consolidation, at: Date): Promise<Buffer> {
  const title = documentTitle(kind, c.year);
  return renderDocx(title, [{ kind: 'heading', level: 1, text: title }, ...documentBlocks(kind, c)], at);
}

export async function consolidatedPdf(
  kind: DocumentKind,
  c: Consolidation,
  issuer: Issuer,
  at: Date,
): Promise<Buffer> {
  const header = headerSchema.parse(issuer);
  const title = documentTitle(kind, c.year);
  return renderPdf(
    { kind: 'report', title, profile: 'nd118-2025', header, generatedAt: at, layout: 'landscape' },
    (doc) => {
      headingBlock(doc, header, { date: at });
      titleBlock(doc, title);
      for (const b of documentBlocks(kind, c)) {
        if (b.kind === 'heading') paragraph(doc, b.text, { face: 'bold', gapAfter: 3 });
        else if (b.kind === 'paragraph')
          paragraph(doc, b.text, {
            ...(b.italic ? { face: 'italic' as const } : {}),
            align: b.align === 'both' ? 'justify' : (b.align ?? 'left'),
          });
        else {
          drawTable(doc, {
            columns: b.header.map((h, i) => ({
              header: h,
              width: b.widths?.[i] ?? 1,
              align: i === 0 ? ('left' as const) : ('center' as const),
            })),
            rows: b.rows,
            fontSize: 7.5,
            headerFontSize: 7,
          });
          doc.y += 4;
        }
      }
      paragraph(doc, `Số liệu do hệ thống tổng hợp ngày ${formatDate(at)}.`, { face: 'italic' });
      doc.x = frame(doc).left;
    },
    title,
  );
}
