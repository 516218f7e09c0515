import { cleanText } from './clean-text.ts';

export interface ParsedQuantity {
  originals: number;
  copies: number;
}

// One or two digits only: longer numbers in this dump are a form number or a year glued onto the count
// by the flattening scraper ("031 bản chính" = "…20.03" + "1 bản chính", "20241 bản chính" = "…/2024" + "1").
const PART = /^(\d{1,2}) ?bản (chính|sao)$/;

/**
 * Parses the catalog's "Số lượng" cell: "1 bản chính", "0 bản chính,1 bản sao", "01 bản sao".
 * Returns null for any other shape so the caller can flag it rather than guess.
 */
export function parseQuantity(raw: string | null | undefined): ParsedQuantity | null {
  const text = cleanText(raw)?.toLowerCase();
  if (!text) return null;
  let originals: number | null = null;
  let copies: number | null = null;
  for (const part of text.split(/\s*[,;]\s*/)) {
    const match = PART.exec(part);
    if (!match) return null;
    const count = Number(match[1]);
    if (match[2] === 'chính') {
      if (originals !== null) return null;
      originals = count;
    } else {
      if (copies !== null) return null;
      copies = count;
    }
  }
  return { originals: originals ?? 0, copies: copies ?? 0 };
}
