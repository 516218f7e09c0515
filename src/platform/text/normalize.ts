/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, punctuation to spaces.
 * Done in code (not SQL unaccent) so PGlite and PostgreSQL index and query exactly the same strings.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(?=\s|$)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Distinct search tokens of a query, longest first (the most selective filter first). */
export function searchTokens(query: string, maxTokens = 8): string[] {
  const tokens = [...new Set(foldText(query).split(' ').filter(Boolean))];
  return tokens.sort((a, b) => b.length - a.length).slice(0, maxTokens);
}
