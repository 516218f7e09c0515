import JSZip from 'jszip';

// A small OOXML (WordprocessingML) writer: headings, paragraphs and tables — what the consolidated report
// needs, nothing more. The output opens in Word and LibreOffice; A4 portrait, Times New Roman (Vietnamese
// administrative documents, Decree 30/2020).

export type Align = 'left' | 'center' | 'right' | 'both';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean; align?: Align }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] };

const escapeXml = (s: string) =>
  // Characters XML 1.0 forbids are dropped; the five specials escaped.
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Text runs; line breaks in the text become <w:br/>. */
function runs(text: string, props: string): string {
  return text
    .split('\n')
    .map(
      (line, i) =>
        `${i > 0 ? `<w:r>${props}<w:br/></w:r>` : ''}<w:r>${props}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`,
    )
    .join('');
}

function paragraphXml(
  text: string,
  opts: { style?: string; bold?: boolean; italic?: boolean; align?: Align },
) {
  const pPr = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '',
    opts.align ? `<w:jc w:val="${opts.align}"/>` : '',
  ].join('');
  const rPr =
    opts.bold || opts.italic
      ? `<w:rPr>${opts.bold ? '<w:b/>' : ''}${opts.italic ? '<w:i/>' : ''}</w:rPr>`
      : '';
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(text, rPr)}</w:p>`;
}

/** Usable width of an A4 page with 3 cm / 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 9071;

function tableXml(header: string[], rows: string[][], widths?: number[]): string {
  const weights = widths ?? header.map(() => 1);
  const sum = weights.reduce((s, w) => s + w, 0);
  const twips = weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, i: number, head: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${twips[i] ?? 0}" w:type="dxa"/></w:tcPr>${paragraphXml(text, {
      bold: head,
      align: head || i > 0 ? 'center' : 'left',
    })}</w:tc>`;
  const row = (cells: string[], head: boolean) =>
    `<w:tr>${head ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c, i) => cell(c, i, head)).join('')}</w:tr>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return [
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>',
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join(''),
    '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
    twips.map((w) => `<w:gridCol w:w="${w}"/>`).join(''),
    '</w:tblGrid>',
    row(header, true),
    rows.map((r) => row(r, false)).join(''),
    // Word requires a paragraph after a table at the end of a cell or body.
    '</w:tbl><w:p/>',
  ].join('');
}

export function documentXml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if (b.kind === 'heading') return paragraphXml(b.text, { style: `Heading${b.level}` });
      if (b.kind === 'paragraph') return paragraphXml(b.text, b);
      return tableXml(b.header, b.rows, b.widths);
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const heading = (level: number, size: number) =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${level === 1 ? '<w:jc w:val="center"/>' : ''}<w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${heading(1, 28)}${heading(2, 26)}${heading(3, 26)}</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function coreXml(title: string, at: Date): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Motcua</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** The .docx bytes of the blocks. A fixed date keeps the file reproducible. */
export async function renderDocx(title: string, blocks: Block[], at: Date): Promise<Buffer> {
  const zip = new JSZip();
  const date = at;
  zip.file('[Content_Types].xml', CONTENT_TYPES, { date, createFolders: false });
  zip.file('_rels/.rels', ROOT_RELS, { date, createFolders: false });
  zip.file('docProps/core.xml', coreXml(title, at), { date, createFolders: false });
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS, { date, createFolders: false });
  zip.file('word/styles.xml', STYLES, { date, createFolders: false });
  zip.file('word/document.xml', documentXml(blocks), { date, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
