import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// DejaVu Serif Condensed, shipped by the `dejavu-fonts-ttf` package: a serif face close to the Times of
// Vietnamese administrative documents, with every Vietnamese glyph precomposed. Never a system font, never
// a download. Each face is parsed once per process with fontkit (pdfkit's own font engine, which pdfkit
// 0.20 accepts as a font source): parsing the TTFs for every document was a third of the generation time.

const require = createRequire(import.meta.url);
// fontkit ships no types; pdfkit only needs an object with its layout API, so the parsed font passes as-is.
const fontkit = require('fontkit') as { create(data: Buffer): unknown };

const faces = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
  boldItalic: 'DejaVuSerifCondensed-BoldItalic.ttf',
} as const;

export type FontFace = keyof typeof faces;

let parsed: Record<FontFace, PDFKit.Mixins.PDFFontSource> | undefined;

/** The four faces, parsed on first use. */
export function fonts(): Record<FontFace, PDFKit.Mixins.PDFFontSource> {
  if (!parsed) {
    const load = (file: string) => {
      const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as {
        characterSet: number[];
        glyphForCodePoint(codePoint: number): unknown;
      };
      // Resolve every glyph once, up front: fontkit caches glyphs lazily, and a base letter first met as a part
      // of an accented one (O in Ồ) was cached with the wrong code point, corrupting the text layer of every
      // later PDF of the process ("HOÀN" extracted as "H6ÀN").
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      return font as unknown as PDFKit.Mixins.PDFFontSource;
    };
    parsed = {
      regular: load(faces.regular),
      bold: load(faces.bold),
      italic: load(faces.italic),
      boldItalic: load(faces.boldItalic),
    };
  }
  return parsed;
}
