import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatOf, readXlsx, templateCsv, templateXlsx } from './register-files.ts';
import { markFileDuplicates, parseCsv, parseSheet, readDate } from './register-rows.ts';

const HEADER =
  'Loại (Đến/Đi),Số,Ký hiệu,Ngày văn bản,Trích yếu,Cơ quan gửi/nhận,Cơ quan nhà nước (Có/Không),Điện tử (Có/Không),Ký số (Có/Không),Hạn xử lý,Người xử lý,Trạng thái';

describe('CSV reading', () => {
  it('splits quoted cells, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });
  it('takes ; as the delimiter when the header uses it (Excel in a Vietnamese locale)', () => {
    expect(parseCsv('Số;Ký hiệu\n12;UBND')).toEqual([
      ['Số', 'Ký hiệu'],
      ['12', 'UBND'],
    ]);
  });
  it('reads Vietnamese and ISO dates, refuses others', () => {
    expect(readDate('5/3/2025')).toBe('2025-03-05');
    expect(readDate('2025-03-05')).toBe('2025-03-05');
    expect(readDate(new Date('2025-03-05T00:00:00Z'))).toBe('2025-03-05');
    expect(readDate('')).toBeUndefined();
    expect(readDate('March 5')).toBeNull();
  });
});

describe('register rows', () => {
  it('reads a template row into an entry', () => {
    const sheet = parseSheet(parseCsv(templateCsv()));
    expect(sheet.headerError).toBeUndefined();
    expect(sheet.rows).toEqual([
      {
        row: 2,
        ok: true,
        input: {
          direction: 'incoming',
          number: '125',
          symbol: 'UBND-VP',
          issuedOn: '2025-03-15',
          summary: 'V/v triển khai kế hoạch CCHC năm 2025',
          counterpartKind: 'agency',
          counterpartName: 'UBND thành phố Vị Thanh',
          electronic: true,
          digitallySigned: true,
          dueOn: '2025-03-25',
          handler: 'Lê Văn Hùng',
          status: 'done',
        },
      },
    ]);
  });

  it('gives each bad row its spreadsheet row number and a Vietnamese reason', () => {
    const csv = [
      HEADER,
      'Đi,1,UBND,01/02/2025,Báo cáo tháng 1,Sở Nội vụ,Có,Có,Có,,,',
      'Đến,2,UBND,31/02/2025,Giấy mời họp,Sở Nội vụ,Có,Có,Không,,,',
      '',
      'Đến,3,UBND,01/02/2025,Giấy mời họp,Sở Nội vụ,Có,Không,Có,,,',
      'Gửi,4,UBND,01/02/2025,Giấy mời họp,Sở Nội vụ,Có,Có,Có,,,',
      'Đến,5,UBND,01/02/2025,Giấy mời họp,Ông Nguyễn Văn A,Không,Không,Không,01/01/2025,,',
      'Đến,6,UBND,01/02/2025,Giấy mời,Sở Nội vụ,Có,Có,Có,,,Xong',
    ].join('\n');
    const { rows } = parseSheet(parseCsv(csv));
    expect(rows.map((r) => [r.row, r.ok ? 'ok' : r.reason])).toEqual([
      [2, 'ok'],
      [3, 'Ngày văn bản không tồn tại.'],
      [5, 'Văn bản giấy không thể có chữ ký số.'],
      [6, 'Cột «Loại» phải là «Đến» hoặc «Đi».'],
      [7, 'Hạn xử lý không được trước ngày văn bản.'],
      [8, 'Trạng thái phải là «Chưa xử lý», «Đang xử lý» hoặc «Đã xử lý».'],
    ]);
  });

  it('names missing columns', () => {
    expect(parseSheet([['Số', 'Ký hiệu']]).headerError).toMatch(/thiếu cột «Loại \(Đến\/Đi\)»/);
  });

  it('rejects a repeated number/symbol/date within the file', () => {
    const { rows } = parseSheet(
      parseCsv(
        [
          HEADER,
          'Đi,1,UBND,01/02/2025,Báo cáo A,Sở Nội vụ,Có,Có,Có,,,',
          'Đi,1,UBND,01/02/2025,Báo cáo B,Sở Nội vụ,Có,Có,Có,,,',
        ].join('\n'),
      ),
    );
    expect(markFileDuplicates(rows).map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'ok',
      'Trùng với dòng 2 (cùng số, ký hiệu và ngày văn bản).',
    ]);
  });
});

describe('Excel reading', () => {
  it('reads the XLSX template and Excel dates and booleans', async () => {
    const template = await templateXlsx();
    expect(formatOf(template)).toBe('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as never);
    const sheet = book.worksheets[0];
    sheet?.addRow([
      'Đi',
      7,
      'UBND-VP',
      new Date('2025-04-02T00:00:00Z'),
      'Báo cáo quý',
      'Sở Nội vụ',
      'Có',
      true,
      'Không',
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { rows } = parseSheet(await readXlsx(bytes));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      row: 3,
      ok: true,
      input: {
        direction: 'outgoing',
        number: '7',
        issuedOn: '2025-04-02',
        electronic: true,
        digitallySigned: false,
      },
    });
  });
  it('tells CSV from XLSX by content', () => {
    expect(formatOf(Buffer.from(templateCsv()))).toBe('csv');
    expect(formatOf(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toBeNull();
  });
});
