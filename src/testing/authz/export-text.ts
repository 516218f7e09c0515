import ExcelJS from 'exceljs';

/** Every cell of every sheet of an Excel file, as one text (to look for rows that should not be there). */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push(String(cell.text ?? ''));
      }),
    ),
  );
  return cells.join('\n');
}
