import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type FontFace, fonts } from './fonts.ts';
import { dateLine } from './format.ts';
import type { FormHeader, FormKind, RuleProfile } from './forms.types.ts';
import { formTitle, legalBasisLine, paperSize, requireFormNumber } from './profiles.ts';

// Shared layout of the one-stop forms: page set-up, the two-column heading of a Vietnamese administrative
// document (agency left, national name and motto right, both centred), titles, labelled lines, signature
// blocks, the QR code and page numbers. Everything is drawn at explicit positions so pdfkit never breaks
// pages on its own; callers reserve space with ensureSpace().

export type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
const LINE_GAP = 1.5;
export const BODY_SIZE = 8.5;

export interface DocumentSpec {
  /** A one-stop form, or 'report': a periodic report on A4 (its title given in `title`). */
  kind: FormKind | 'report';
  /** The document title in the file's metadata; defaults to the form's title. */
  title?: string;
  profile: RuleProfile;
  header: FormHeader;
  generatedAt: Date;
  layout?: 'portrait' | 'landscape';
}

function createDocument(spec: DocumentSpec): Doc {
  const size = spec.kind === 'report' ? 'A4' : paperSize(spec.kind);
  const margins =
    size === 'A5'
      ? { top: 10 * MM, bottom: 12 * MM, left: 18 * MM, right: 12 * MM }
      : { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 12 * MM };
  const doc = new PDFDocument({
    size,
    layout: spec.layout ?? 'portrait',
    margins,
    // The typings say string, but pdfkit takes any font source; this keeps Helvetica out of the file.
    font: fonts().regular as string,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    // A fixed date makes the file ID (an MD5 of this info) and so the whole file reproducible.
    info: {
      Title: spec.title ?? (spec.kind === 'report' ? 'Báo cáo' : formTitle(spec.profile, spec.kind)),
      Author: spec.header.agency,
      Creator: 'Motcua',
      Producer: 'Motcua',
      CreationDate: spec.generatedAt,
      ModDate: spec.generatedAt,
    },
  });
  for (const [face, font] of Object.entries(fonts())) doc.registerFont(face, font);
  doc.font('regular').fontSize(BODY_SIZE);
  return doc;
}

/** Creates the document, lets `draw` fill it, numbers the pages and returns the bytes. */
export async function renderPdf(
  spec: DocumentSpec,
  draw: (doc: Doc) => void | Promise<void>,
  footer?: string,
): Promise<Buffer> {
  const doc = createDocument(spec);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    await draw(doc);
    numberPages(doc, footer);
  } finally {
    doc.end();
  }
  return done;
}

export interface Frame {
  left: number;
  right: number;
  width: number;
  top: number;
  bottom: number;
}

export function frame(doc: Doc): Frame {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  };
}

export function setFont(doc: Doc, face: FontFace, size = BODY_SIZE): Doc {
  return doc.font(face).fontSize(size);
}

/** Starts a new page when fewer than `height` points are left; returns the y to draw at. */
export function ensureSpace(doc: Doc, height: number): number {
  if (doc.y + height > frame(doc).bottom) {
    doc.addPage();
    doc.y = frame(doc).top;
  }
  return doc.y;
}

interface TextBox {
  x: number;
  width: number;
  face?: FontFace;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** Draws text in a box at (x, y) and returns the y below it. */
export function textAt(doc: Doc, text: string, y: number, box: TextBox): number {
  setFont(doc, box.face ?? 'regular', box.size);
  doc.text(text, box.x, y, { width: box.width, align: box.align ?? 'left', lineGap: LINE_GAP });
  return doc.y;
}

export function textHeight(doc: Doc, text: string, box: Omit<TextBox, 'x'>): number {
  setFont(doc, box.face ?? 'regular', box.size);
  return doc.heightOfString(text, { width: box.width, lineGap: LINE_GAP });
}

/** A short centred rule under a heading line, as in the national-motto block. */
function centredRule(doc: Doc, centreX: number, y: number, length: number): void {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

/** "Mẫu số 01" and the issuing circular, top right. */
export function formMark(
  doc: Doc,
  spec: { profile: RuleProfile; kind: FormKind; legalBasis?: string },
): void {
  const f = frame(doc);
  const box = { x: f.left, width: f.width, align: 'right' as const };
  const number = `Mẫu số ${requireFormNumber(spec.profile, spec.kind)}`;
  let y = textAt(doc, number, f.top, { ...box, face: 'bold', size: 8 });
  y = textAt(doc, spec.legalBasis ?? legalBasisLine(spec.profile), y, { ...box, face: 'italic', size: 6.5 });
  doc.y = y + 4;
}

/**
 * The heading block: governing body and agency on the left, national name and motto on the right, each
 * centred in its column with a short rule below; then "Số: …" and the dated place line on one row.
 */
export function headingBlock(
  doc: Doc,
  header: FormHeader,
  opts: { documentNumber?: string; date?: Date } = {},
): void {
  const f = frame(doc);
  const leftWidth = f.width * 0.42;
  const rightWidth = f.width - leftWidth;
  const leftX = f.left;
  const rightX = f.left + leftWidth;
  const size = doc.page.width > 500 ? 10 : 8.5;
  const top = doc.y;

  let leftY = top;
  if (header.parentAgency) {
    leftY = textAt(doc, header.parentAgency.toUpperCase(), leftY, {
      x: leftX,
      width: leftWidth,
      size,
      align: 'center',
    });
  }
  leftY = textAt(doc, header.agency.toUpperCase(), leftY, {
    x: leftX,
    width: leftWidth,
    face: 'bold',
    size,
    align: 'center',
  });
  centredRule(doc, leftX + leftWidth / 2, leftY + 1.5, leftWidth * 0.35);

  let rightY = textAt(doc, header.nationalName.toUpperCase(), top, {
    x: rightX,
    width: rightWidth,
    face: 'bold',
    size,
    align: 'center',
  });
  rightY = textAt(doc, header.motto, rightY, {
    x: rightX,
    width: rightWidth,
    face: 'bold',
    size: size + 0.5,
    align: 'center',
  });
  setFont(doc, 'bold', size + 0.5);
  centredRule(doc, rightX + rightWidth / 2, rightY + 1.5, doc.widthOfString(header.motto));

  const rowY = Math.max(leftY, rightY) + 7;
  let bottom = rowY;
  if (opts.documentNumber) {
    bottom = Math.max(
      bottom,
      textAt(doc, `Số: ${opts.documentNumber}`, rowY, { x: leftX, width: leftWidth, size, align: 'center' }),
    );
  }
  if (opts.date) {
    bottom = Math.max(
      bottom,
      textAt(doc, dateLine(header.place, opts.date), rowY, {
        x: rightX,
        width: rightWidth,
        face: 'italic',
        size,
        align: 'center',
      }),
    );
  }
  doc.x = f.left;
  doc.y = bottom + 8;
}

/** The bold centred title and optional lines under it (e.g. "Mã hồ sơ: …"). */
export function titleBlock(doc: Doc, title: string, sublines: string[] = []): void {
  const f = frame(doc);
  // Shrink a long title (the 2025 apology) a little rather than leave one word on a second line.
  const preferred = doc.page.width > 500 ? 13 : 10.5;
  setFont(doc, 'bold', preferred);
  const size = Math.max(9, Math.min(preferred, (preferred * f.width) / (doc.widthOfString(title) + 1)));
  let y = textAt(doc, title, doc.y, { x: f.left, width: f.width, face: 'bold', size, align: 'center' });
  for (const line of sublines) {
    y = textAt(doc, line, y + 1, { x: f.left, width: f.width, size: BODY_SIZE, align: 'center' });
  }
  doc.x = f.left;
  doc.y = y + 6;
}

/** A label and its value; several on one line, as "Số điện thoại: … Email: …" on the 2018 forms. */
export type Field = readonly [label: string, value: string | undefined];
export type FieldLine = Field | readonly Field[];

const QR_SIZE = 58;

/** Renders a URL as a PNG QR code (pure JS, no canvas). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
}

/**
 * "Label: value" lines. With a QR code, the lines are narrowed and the code stands at their right, with a
 * caption, as on the e-receipts of the provincial systems.
 */
export function fieldLines(doc: Doc, lines: FieldLine[], qr?: Buffer): void {
  const f = frame(doc);
  const width = qr ? f.width - QR_SIZE - 8 : f.width;
  const top = ensureSpace(doc, qr ? QR_SIZE + 10 : 14);
  let y = top;
  for (const line of lines) {
    const pairs = (isField(line) ? [line] : line).filter(([, value]) => value !== undefined);
    if (pairs.length > 0) y = labelled(doc, pairs, y, { x: f.left, width });
  }
  if (qr) {
    const x = f.right - QR_SIZE;
    doc.image(qr, x, top, { width: QR_SIZE, height: QR_SIZE });
    const captionY = textAt(doc, 'Quét mã để tra cứu', top + QR_SIZE + 1, {
      x: x - 6,
      width: QR_SIZE + 12,
      face: 'italic',
      size: 6,
      align: 'center',
    });
    y = Math.max(y, captionY);
  }
  doc.x = f.left;
  doc.y = y + 2;
}

function isField(line: FieldLine): line is Field {
  return typeof line[0] === 'string';
}

/** One paragraph of "Label: value" pairs, values in bold; returns the y below it. */
function labelled(doc: Doc, pairs: readonly Field[], y: number, box: TextBox): number {
  doc.y = y;
  ensureSpace(doc, 12);
  const options = { width: box.width, lineGap: LINE_GAP };
  pairs.forEach(([label, value], i) => {
    const last = i === pairs.length - 1;
    setFont(doc, 'regular', box.size);
    const prefix = i === 0 ? '' : '    ';
    if (i === 0) doc.text(`${label}: `, box.x, doc.y, { ...options, continued: true });
    else doc.text(`${prefix}${label}: `, { ...options, continued: true });
    setFont(doc, 'bold', box.size);
    doc.text(value || '…', { ...options, continued: !last });
  });
  return doc.y;
}

/** A paragraph over the full width, flowing onto a new page if needed. */
export function paragraph(
  doc: Doc,
  text: string,
  opts: { face?: FontFace; indent?: number; gapAfter?: number; align?: TextBox['align'] } = {},
): void {
  const f = frame(doc);
  const height = textHeight(doc, text, { width: f.width - (opts.indent ?? 0), face: opts.face });
  ensureSpace(doc, Math.min(height, 40));
  const y = textAt(doc, text, doc.y, {
    x: f.left + (opts.indent ?? 0),
    width: f.width - (opts.indent ?? 0),
    face: opts.face,
    align: opts.align ?? 'justify',
  });
  doc.x = f.left;
  doc.y = y + (opts.gapAfter ?? 2);
}

/** A bulleted or numbered list of paragraphs, indented. */
export function list(doc: Doc, items: string[], marker: (i: number) => string = () => '-'): void {
  items.forEach((item, i) => {
    paragraph(doc, `${marker(i)} ${item}`, { indent: 10, gapAfter: 1 });
  });
}

export interface SignatureBlock {
  /** Lines above the heading, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
  authority?: string[];
  heading: string;
  note?: string;
  name?: string;
}

const SIGNING_SPACE = 34;

function signatureHeight(doc: Doc, block: SignatureBlock, width: number): number {
  const lines = [...(block.authority ?? []), block.heading];
  let h = lines.reduce((sum, line) => sum + textHeight(doc, line, { width, face: 'bold' }), 0);
  if (block.note) h += textHeight(doc, block.note, { width, face: 'italic', size: 7.5 });
  h += SIGNING_SPACE;
  if (block.name) h += textHeight(doc, block.name, { width, face: 'bold' });
  return h;
}

function drawSignature(doc: Doc, block: SignatureBlock, x: number, y: number, width: number): number {
  const box = { x, width, align: 'center' as const };
  for (const line of block.authority ?? []) y = textAt(doc, line, y, { ...box, face: 'bold' });
  y = textAt(doc, block.heading, y, { ...box, face: 'bold' });
  if (block.note) y = textAt(doc, block.note, y, { ...box, face: 'italic', size: 7.5 });
  y += SIGNING_SPACE;
  if (block.name) y = textAt(doc, block.name, y, { ...box, face: 'bold' });
  return y;
}

/** "Nơi nhận:" list, bottom left of a letter. */
export interface Recipients {
  recipients: string[];
}

/**
 * The closing row: a signature (or the "Nơi nhận" list) on the left and a signature on the right, each in
 * 45% of the width; the right one alone when there is no left one. Kept together on one page.
 */
export function signatureRow(doc: Doc, right: SignatureBlock, left?: SignatureBlock | Recipients): void {
  const f = frame(doc);
  const colWidth = f.width * 0.45;
  const rightX = f.right - colWidth;
  let height = signatureHeight(doc, right, colWidth);
  if (left && 'heading' in left) height = Math.max(height, signatureHeight(doc, left, colWidth));
  const top = ensureSpace(doc, height + 8) + 8;

  let bottom = drawSignature(doc, right, rightX, top, colWidth);
  if (left && 'heading' in left) {
    bottom = Math.max(bottom, drawSignature(doc, left, f.left, top, colWidth));
  } else if (left) {
    let y = textAt(doc, 'Nơi nhận:', top, { x: f.left, width: colWidth, face: 'boldItalic', size: 8 });
    for (const line of left.recipients) {
      y = textAt(doc, `- ${line}`, y, { x: f.left, width: colWidth, size: 7.5 });
    }
    bottom = Math.max(bottom, y);
  }
  doc.x = f.left;
  doc.y = bottom + 4;
}

/** "Trang i/n" (and a short note such as the dossier code) in the bottom margin, when there are pages to number. */
function numberPages(doc: Doc, footer?: string): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const f = frame(doc);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    const label = `${footer ? `${footer} - ` : ''}Trang ${i + 1}/${range.count}`;
    textAt(doc, label, doc.page.height - bottomMargin / 2 - 4, {
      x: f.left,
      width: f.width,
      face: 'italic',
      size: 7,
      align: 'center',
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
