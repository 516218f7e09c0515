/**
 * Cleans one scraped text value: NFC (the portal mixes composed and decomposed diacritics), no zero-width
 * characters, non-breaking spaces and runs of whitespace become one space, trimmed; empty → null.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** Cuts text to a column or schema limit, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
