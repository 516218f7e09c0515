import type { ArticleStatus } from './schema.ts';

/**
 * Whether the public sees an article at `now`: published and its publication time reached. The server asks the
 * same question in SQL with the database clock (`publish_at <= now()`); this is the rule, for the editor's labels.
 */
export function isVisible(a: { status: ArticleStatus; publishAt: Date | null }, now: Date): boolean {
  return a.status === 'published' && a.publishAt !== null && a.publishAt.getTime() <= now.getTime();
}

export type PublicationState = 'draft' | 'scheduled' | 'published' | 'unpublished';

export function publicationState(
  a: { status: ArticleStatus; publishAt: Date | null },
  now: Date,
): PublicationState {
  if (a.status === 'published') return isVisible(a, now) ? 'published' : 'scheduled';
  return a.status;
}
