// Duplicate detection by similar text (pure). pg_trgm is loaded on both databases, but trigram similarity of
// whole paragraphs says little; instead the folded words of title and content are compared as word pairs
// (2-shingles) with the Jaccard index, after an index narrowed the candidates to items sharing a word.
import { foldText } from '../../platform/text/normalize.ts';

/** Words too common in feedback to say anything about its subject (folded). */
const stopWords = new Set(
  (
    'va la cua co cho cac nhung mot duoc da dang se khong toi chung ma thi voi de tai trong ngay nay do ' +
    've nhu khi neu vi bi tu den len ra vao con hay hoac cung rat nhieu it hon nen can phai theo tren duoi ' +
    'sau truoc ong ba anh chi em xin kinh gui de nghi kien nghi phan anh viec nguoi dan'
  ).split(' '),
);

/** The meaningful folded words of a text, in order (stop words and one-letter tokens dropped). */
export function contentWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .map((w) => w.replace(/\./g, ''))
    .filter((w) => w.length > 1 && !stopWords.has(w));
}

/** Distinct words, stored with each item for the GIN-indexed candidate search (at most 200). */
export function termsOf(text: string): string[] {
  return [...new Set(contentWords(text))].slice(0, 200);
}

/** Adjacent word pairs; a one-word text is its own single shingle. */
export function shingles(words: readonly string[]): Set<string> {
  if (words.length === 1) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * How alike two texts are, 0–1: the larger of the word-pair Jaccard (order matters: "chậm trả kết quả") and
 * a damped word-set Jaccard (the same complaint worded in another order).
 */
export function textSimilarity(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const pairs = jaccard(shingles(wa), shingles(wb));
  const words = jaccard(new Set(wa), new Set(wb));
  return Math.max(pairs, words * 0.8);
}

/** At or above this, an item is shown as "có thể trùng". */
export const DUPLICATE_THRESHOLD = 0.35;
