import type { ArticleFile, ArticleKind, ArticleSummary } from '../../portal/news/newsTypes';

export type PublicationState = 'draft' | 'scheduled' | 'published' | 'unpublished';

export const stateLabels: Record<PublicationState, { label: string; color: string }> = {
  draft: { label: 'Bản nháp', color: 'default' },
  scheduled: { label: 'Hẹn giờ đăng', color: 'blue' },
  published: { label: 'Đã đăng', color: 'green' },
  unpublished: { label: 'Đã gỡ', color: 'orange' },
};

export interface EditorRow extends ArticleSummary {
  state: PublicationState;
  version: number;
  updatedAt: string;
}

export interface EditorArticle extends EditorRow {
  bodyHtml: string;
  attachments: ArticleFile[];
  procedures: { code: string; name: string }[];
  categoryId: string | null;
  procedureCodes: string[];
  revisions: { version: number; title: string; savedByName: string; savedAt: string }[];
}

export interface ArticleDraft {
  kind: ArticleKind;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  categoryId: string | null;
  attachments: ArticleFile[];
  procedureCodes: string[];
}
