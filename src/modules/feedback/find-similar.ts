// Candidates for "có thể trùng": items sharing a content word (GIN index on `terms`), scored in code.
import { and, arrayOverlaps, desc, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { feedbackItems } from './schema.ts';
import { DUPLICATE_THRESHOLD, termsOf, textSimilarity } from './similarity.ts';

/** How many recent candidates are scored: enough for a city's open items sharing a word. */
const CANDIDATES = 300;

export interface SimilarItem {
  id: string;
  code: string;
  title: string;
  status: string;
  published: boolean;
  score: number;
}

/** Open and answered items (never rejected or duplicates) whose title and content resemble the text. */
export async function findSimilar(
  db: Db,
  text: { title: string; content: string },
  options: { excludeId?: string; limit?: number } = {},
): Promise<SimilarItem[]> {
  const full = `${text.title} ${text.content}`;
  const terms = termsOf(full);
  if (terms.length === 0) return [];
  const rows = await db
    .select({
      id: feedbackItems.id,
      code: feedbackItems.code,
      title: feedbackItems.title,
      content: feedbackItems.content,
      status: feedbackItems.status,
      publishedAt: feedbackItems.publishedAt,
    })
    .from(feedbackItems)
    .where(
      and(
        arrayOverlaps(feedbackItems.terms, terms),
        inArray(feedbackItems.status, ['received', 'assigned', 'answered']),
        options.excludeId ? ne(feedbackItems.id, options.excludeId) : undefined,
      ),
    )
    .orderBy(desc(feedbackItems.createdAt))
    .limit(CANDIDATES);
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status,
      published: r.publishedAt !== null,
      score: Math.round(textSimilarity(full, `${r.title} ${r.content}`) * 100) / 100,
    }))
    .filter((r) => r.score >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit ?? 5);
}

/** What the public may see of a similar item: its title only when the item is published. */
export function publicSimilar(items: SimilarItem[]) {
  return items.map((i) => ({
    code: i.code,
    title: i.published ? i.title : null,
    published: i.published,
    score: i.score,
  }));
}
