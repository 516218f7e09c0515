import { type Doc, ensureSpace, frame, setFont, textHeight } from './pdf.ts';

// A ruled table that breaks across pages and repeats its header row on each one. Row heights are
// measured before drawing, so a row is never split and pdfkit never opens a page by itself.

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the table's width in these proportions. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  fontSize?: number;
  headerFontSize?: number;
}

const PADDING = 2;

interface Layout {
  x: number[];
  widths: number[];
  size: number;
  headerSize: number;
}

function rowHeight(doc: Doc, cells: string[], layout: Layout, header: boolean): number {
  let height = 0;
  cells.forEach((cell, i) => {
    const width = (layout.widths[i] ?? 0) - 2 * PADDING;
    const h = textHeight(doc, cell || ' ', {
      width,
      face: header ? 'bold' : 'regular',
      size: header ? layout.headerSize : layout.size,
    });
    height = Math.max(height, h);
  });
  return height + 2 * PADDING;
}

function drawRow(
  doc: Doc,
  cells: string[],
  columns: TableColumn[],
  layout: Layout,
  y: number,
  header: boolean,
): number {
  const height = rowHeight(doc, cells, layout, header);
  cells.forEach((cell, i) => {
    const x = layout.x[i] ?? 0;
    const width = layout.widths[i] ?? 0;
    doc.lineWidth(0.5).rect(x, y, width, height).stroke();
    const face = header ? 'bold' : 'regular';
    const size = header ? layout.headerSize : layout.size;
    // Header labels sit in the middle of their cell; data rows read from the top.
    const offset = header
      ? (height - 2 * PADDING - textHeight(doc, cell, { width: width - 2 * PADDING, face, size })) / 2
      : 0;
    setFont(doc, face, size);
    doc.text(cell, x + PADDING, y + PADDING + offset, {
      width: width - 2 * PADDING,
      height: height - PADDING,
      align: header ? 'center' : (columns[i]?.align ?? 'left'),
      lineGap: 1.5,
    });
  });
  return y + height;
}

export function drawTable(doc: Doc, spec: TableSpec): void {
  const f = frame(doc);
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * f.width);
  const x: number[] = [];
  widths.reduce((left, w) => {
    x.push(left);
    return left + w;
  }, f.left);
  const layout: Layout = {
    x,
    widths,
    size: spec.fontSize ?? 8,
    headerSize: spec.headerFontSize ?? spec.fontSize ?? 8,
  };
  const headers = spec.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, layout, true);
  const firstRow = spec.rows[0];
  const firstHeight = firstRow ? rowHeight(doc, firstRow, layout, false) : 0;

  let y = ensureSpace(doc, headerHeight + firstHeight);
  y = drawRow(doc, headers, spec.columns, layout, y, true);
  for (const row of spec.rows) {
    const height = rowHeight(doc, row, layout, false);
    if (y + height > frame(doc).bottom) {
      doc.addPage();
      y = drawRow(doc, headers, spec.columns, layout, frame(doc).top, true);
    }
    y = drawRow(doc, row, spec.columns, layout, y, false);
  }
  doc.x = f.left;
  doc.y = y + 6;
}
