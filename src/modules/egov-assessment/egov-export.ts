import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { gapOverview } from './assessments.ts';

// The year's gap list as an Excel workbook (input to next year's IT investment plan): one row per criterion
// below target, per agency and for the unit as a whole, with each subject's score.

const fmt = (n: number | null) => (n === null ? 'Chưa có' : n);

export async function gapsXlsx(db: Db, principal: Principal, year: number) {
  const overview = await gapOverview(db, principal, year);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet('Tồn tại, hạn chế', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value =
    `DANH SÁCH TIÊU CHÍ CHƯA ĐẠT — TỰ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ NĂM ${year} ` +
    `(căn cứ xây dựng kế hoạch đầu tư ứng dụng CNTT năm ${year + 1})`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const headers: [string, number][] = [
    ['Cơ quan, đơn vị', 40],
    ['Điểm tự đánh giá', 12],
    ['Số TT', 8],
    ['Nhóm', 24],
    ['Tiêu chí', 50],
    ['Đơn vị tính', 10],
    ['Chỉ tiêu', 10],
    ['Đạt được', 10],
    ['Còn thiếu', 10],
    ['Thiếu so với chỉ tiêu (%)', 14],
    ['Trọng số', 9],
  ];
  const header = sheet.getRow(3);
  headers.forEach(([title, width], i) => {
    header.getCell(i + 1).value = title;
    sheet.getColumn(i + 1).width = width;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const s of overview.subjects) {
    if (s.gaps.length === 0) sheet.addRow([s.subjectName, fmt(s.score), '', '', 'Đạt tất cả tiêu chí']);
    for (const g of s.gaps)
      sheet.addRow([
        s.subjectName,
        fmt(s.score),
        g.code,
        g.groupName,
        g.title,
        g.unit,
        g.kind === 'yes_no' ? 'Có' : g.target,
        g.kind === 'yes_no' ? (g.value === null ? 'Chưa có' : g.value >= 1 ? 'Có' : 'Không') : fmt(g.value),
        g.kind === 'yes_no' ? '' : g.shortfall,
        g.shortfallPercent,
        g.weight,
      ]).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
