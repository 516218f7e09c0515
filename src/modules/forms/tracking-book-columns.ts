import { formatDate, formatTime, resultChannelLabel, vnWallClock } from './format.ts';
import type { TrackingColumn, TrackingRow } from './forms.types.ts';

// The columns of the tracking book, shared by the PDF and the spreadsheet. They follow the 2018 form as far
// as it is known (rules.md §1.2, rules-2 §2.2: the exact list is UNCONFIRMED, so callers pick the set).

type Cell = string | number | Date | null;

export interface TrackingColumnDef {
  header: string;
  /** Relative width in the PDF; characters in Excel. */
  pdfWidth: number;
  xlsxWidth: number;
  align?: 'left' | 'center' | 'right';
  pdf: (row: TrackingRow, index: number) => string;
  /** Dates go to Excel as real dates, in Vietnam wall-clock time. */
  xlsx: (row: TrackingRow, index: number) => Cell;
  xlsxFormat?: string;
}

/** A date-time on two lines in the narrow PDF columns. */
const stamp = (d: Date | undefined) => (d ? `${formatTime(d)}\n${formatDate(d)}` : '');
const excelDate = (d: Date | undefined) => (d ? vnWallClock(d) : null);
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';

export const TRACKING_COLUMNS: Record<TrackingColumn, TrackingColumnDef> = {
  sequence: {
    header: 'TT',
    pdfWidth: 3.5,
    xlsxWidth: 7,
    align: 'center',
    pdf: (row, i) => String(row.sequence ?? i + 1),
    xlsx: (row, i) => row.sequence ?? i + 1,
  },
  dossierCode: {
    header: 'Mã hồ sơ',
    pdfWidth: 16,
    xlsxWidth: 28,
    pdf: (row) => row.dossierCode,
    xlsx: (row) => row.dossierCode,
  },
  procedure: {
    header: 'Tên thủ tục hành chính',
    pdfWidth: 11,
    xlsxWidth: 45,
    pdf: (row) => row.procedureName,
    xlsx: (row) => row.procedureName,
  },
  setCount: {
    header: 'Số lượng hồ sơ (bộ)',
    pdfWidth: 4.5,
    xlsxWidth: 10,
    align: 'center',
    pdf: (row) => String(row.setCount),
    xlsx: (row) => row.setCount,
  },
  applicant: {
    header: 'Tên cá nhân, tổ chức',
    pdfWidth: 8,
    xlsxWidth: 25,
    pdf: (row) => row.applicantName,
    xlsx: (row) => row.applicantName,
  },
  contact: {
    header: 'Địa chỉ, số điện thoại',
    pdfWidth: 9,
    xlsxWidth: 35,
    pdf: (row) => [row.applicantAddress, row.applicantPhone].filter(Boolean).join('\n'),
    xlsx: (row) => [row.applicantAddress, row.applicantPhone].filter(Boolean).join(' - ') || null,
  },
  leadAgency: {
    header: 'Cơ quan chủ trì giải quyết',
    pdfWidth: 8,
    xlsxWidth: 25,
    pdf: (row) => row.leadAgency ?? '',
    xlsx: (row) => row.leadAgency ?? null,
  },
  receivedAt: {
    header: 'Nhận hồ sơ',
    pdfWidth: 6,
    xlsxWidth: 17,
    align: 'center',
    pdf: (row) => stamp(row.receivedAt),
    xlsx: (row) => excelDate(row.receivedAt),
    xlsxFormat: DATE_FORMAT,
  },
  appointmentAt: {
    header: 'Hẹn trả kết quả',
    pdfWidth: 6,
    xlsxWidth: 17,
    align: 'center',
    pdf: (row) => stamp(row.appointmentAt),
    xlsx: (row) => excelDate(row.appointmentAt),
    xlsxFormat: DATE_FORMAT,
  },
  transferredAt: {
    header: 'Chuyển hồ sơ đến cơ quan giải quyết',
    pdfWidth: 6.5,
    xlsxWidth: 17,
    align: 'center',
    pdf: (row) => stamp(row.transferredAt),
    xlsx: (row) => excelDate(row.transferredAt),
    xlsxFormat: DATE_FORMAT,
  },
  resultReceivedAt: {
    header: 'Nhận kết quả từ cơ quan giải quyết',
    pdfWidth: 6.5,
    xlsxWidth: 17,
    align: 'center',
    pdf: (row) => stamp(row.resultReceivedAt),
    xlsx: (row) => excelDate(row.resultReceivedAt),
    xlsxFormat: DATE_FORMAT,
  },
  returnedAt: {
    header: 'Trả kết quả',
    pdfWidth: 6,
    xlsxWidth: 17,
    align: 'center',
    pdf: (row) => stamp(row.returnedAt),
    xlsx: (row) => excelDate(row.returnedAt),
    xlsxFormat: DATE_FORMAT,
  },
  resultChannel: {
    header: 'Phương thức nhận kết quả',
    pdfWidth: 7,
    xlsxWidth: 25,
    pdf: (row) => (row.resultChannel ? resultChannelLabel(row.resultChannel) : ''),
    xlsx: (row) => (row.resultChannel ? resultChannelLabel(row.resultChannel) : null),
  },
  signature: {
    header: 'Ký nhận',
    pdfWidth: 5,
    xlsxWidth: 12,
    pdf: () => '',
    xlsx: () => null,
  },
  note: {
    header: 'Ghi chú',
    pdfWidth: 5,
    xlsxWidth: 20,
    pdf: (row) => row.note ?? '',
    xlsx: (row) => row.note ?? null,
  },
};
