import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { headerSchema } from '../forms/forms.types.ts';
import { headingBlock, paragraph, renderPdf, titleBlock } from '../forms/pdf.ts';
import { drawTable } from '../forms/pdf-table.ts';
import { reviewPlanView } from './review-plans.ts';
import { reviewItemView, statusLabel } from './review-records.ts';
import { SAVING_FORMULA } from './savings.ts';
import type { BurdenKind, ProposalKind, ReviewItemStatus } from './schema.ts';

// The review report of a plan as an Excel workbook: one row per procedure the reader sees, with the burdens,
// the proposals and their decisions, the dossiers of the last 12 months and the estimated saving.

export const burdenLabel: Record<BurdenKind, string> = {
  document: 'Giấy tờ',
  step: 'Bước thực hiện',
  visit: 'Số lần đi lại',
  time: 'Thời gian',
  cost: 'Chi phí',
};
export const proposalKindLabel: Record<ProposalKind, string> = {
  remove: 'Bãi bỏ',
  merge: 'Gộp thủ tục',
  shorten_time: 'Rút ngắn thời gian',
  make_online: 'Thực hiện trực tuyến',
  interlink: 'Liên thông',
};
export const itemStatusLabel: Record<ReviewItemStatus, string> = {
  planned: 'Chưa rà soát',
  in_progress: 'Đang rà soát',
  done: 'Đã rà soát',
};

async function reportData(db: Db, principal: Principal, planId: string, now: Date) {
  const plan = await reviewPlanView(db, principal, planId);
  const views: Awaited<ReturnType<typeof reviewItemView>>[] = [];
  for (const item of plan.items) views.push(await reviewItemView(db, principal, item.id, now));
  return { plan, views };
}

const proposalLine = (p: Awaited<ReturnType<typeof reviewItemView>>['proposals'][number]) =>
  `${proposalKindLabel[p.kind]}: ${p.description} — ${statusLabel[p.status]}` +
  (p.decisionNumber ? ` (QĐ ${p.decisionNumber}${p.decisionDate ? ` ngày ${p.decisionDate}` : ''})` : '');

const reportTitle = (year: number) => `BÁO CÁO KẾT QUẢ RÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NĂM ${year}`;

export async function reviewReportXlsx(db: Db, principal: Principal, planId: string, now = new Date()) {
  const { plan, views } = await reportData(db, principal, planId, now);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet('Rà soát TTHC', { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.getCell('A1').value = reportTitle(plan.year);
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = `${plan.title} — ${plan.unitName}`;
  sheet.getCell('A3').value =
    `${SAVING_FORMULA}. Giá trị 1 ngày công: ${plan.citizenDayValueVnd.toLocaleString('vi-VN')} đồng; ` +
    `chi phí 1 lần đi lại: ${plan.visitCostVnd.toLocaleString('vi-VN')} đồng.`;
  const headers = [
    ['STT', 6],
    ['Mã TTHC', 16],
    ['Tên thủ tục', 40],
    ['Cơ quan rà soát', 30],
    ['Người rà soát', 20],
    ['Thời hạn', 12],
    ['Tình trạng', 14],
    ['Gánh nặng phát hiện', 40],
    ['Đề xuất và quyết định', 50],
    ['Hồ sơ 12 tháng', 12],
    ['Ngày công tiết kiệm/năm (ước tính)', 16],
    ['Chi phí tiết kiệm/năm (ước tính, đồng)', 20],
    ['Chi phí tiết kiệm/năm (đã quyết định, đồng)', 20],
  ] as const;
  const header = sheet.getRow(4);
  headers.forEach(([title, width], i) => {
    header.getCell(i + 1).value = title;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  views.forEach((v, i) => {
    const row = sheet.addRow([
      i + 1,
      v.procedure?.code ?? '',
      v.procedure?.name ?? '',
      v.agency?.name ?? '',
      v.officerName ?? '',
      v.dueDate,
      itemStatusLabel[v.status],
      v.burdens.map((b) => `${burdenLabel[b.kind]}: ${b.description}`).join('\n'),
      v.proposals.map(proposalLine).join('\n'),
      v.volume.received,
      v.saving.estimated.daysPerYear,
      v.saving.estimated.vndPerYear,
      v.saving.decided.vndPerYear,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  const total = (pick: (v: (typeof views)[number]) => number) => views.reduce((s, v) => s + pick(v), 0);
  const sum = sheet.addRow([
    '',
    '',
    'Tổng cộng',
    '',
    '',
    '',
    '',
    '',
    '',
    total((v) => v.volume.received),
    total((v) => v.saving.estimated.daysPerYear),
    total((v) => v.saving.estimated.vndPerYear),
    total((v) => v.saving.decided.vndPerYear),
  ]);
  sum.font = { bold: true };
  for (const c of [12, 13]) sheet.getColumn(c).numFmt = '#,##0';
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), year: plan.year };
}

/** The same report as a landscape A4 PDF (the forms module's printer). */
export async function reviewReportPdf(db: Db, principal: Principal, planId: string, now = new Date()) {
  const { plan, views } = await reportData(db, principal, planId, now);
  const place = plan.unitName.replace(/^(Thành phố|Tỉnh|Phường|Xã|Thị trấn|Quận|Huyện)\s+/u, '');
  const header = headerSchema.parse({ agency: `UBND ${plan.unitName}`.toUpperCase(), place });
  const title = reportTitle(plan.year);
  const money = (n: number) => n.toLocaleString('vi-VN');
  const buffer = await renderPdf(
    { kind: 'report', title, profile: 'nd118-2025', header, generatedAt: now, layout: 'landscape' },
    (doc) => {
      headingBlock(doc, header, { date: now });
      titleBlock(doc, title, [plan.title]);
      paragraph(
        doc,
        `${SAVING_FORMULA}. Giá trị 1 ngày công: ${money(plan.citizenDayValueVnd)} đồng; chi phí 1 lần đi lại: ` +
          `${money(plan.visitCostVnd)} đồng.`,
        { face: 'italic', gapAfter: 4 },
      );
      drawTable(doc, {
        columns: [
          { header: 'STT', width: 0.4, align: 'center' },
          { header: 'Thủ tục', width: 2.4 },
          { header: 'Cơ quan rà soát', width: 1.6 },
          { header: 'Tình trạng', width: 0.8, align: 'center' },
          { header: 'Gánh nặng phát hiện', width: 2.4 },
          { header: 'Đề xuất và quyết định', width: 3 },
          { header: 'Hồ sơ 12 tháng', width: 0.8, align: 'right' },
          { header: 'Ngày công tiết kiệm/năm', width: 0.9, align: 'right' },
          { header: 'Tiết kiệm/năm (ước tính, đồng)', width: 1.2, align: 'right' },
          { header: 'Tiết kiệm/năm (đã quyết định, đồng)', width: 1.2, align: 'right' },
        ],
        rows: views.map((v, i) => [
          String(i + 1),
          `${v.procedure?.code ?? ''} — ${v.procedure?.name ?? ''}`,
          v.agency?.name ?? '',
          itemStatusLabel[v.status],
          v.burdens.map((b) => `${burdenLabel[b.kind]}: ${b.description}`).join('\n'),
          v.proposals.map(proposalLine).join('\n'),
          money(v.volume.received),
          money(v.saving.estimated.daysPerYear),
          money(v.saving.estimated.vndPerYear),
          money(v.saving.decided.vndPerYear),
        ]),
        fontSize: 7.5,
        headerFontSize: 7,
      });
    },
    title,
  );
  return { buffer, year: plan.year };
}
