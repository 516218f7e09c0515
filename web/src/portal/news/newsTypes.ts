export type ArticleKind = 'news' | 'guide' | 'announcement';

export const kindLabels: Record<ArticleKind, string> = {
  news: 'Tin tức',
  guide: 'Hướng dẫn',
  announcement: 'Thông báo',
};

export interface Category {
  id: string;
  slug: string;
  name: string;
}

export interface ArticleSummary {
  id: string;
  kind: ArticleKind;
  slug: string;
  title: string;
  summary: string;
  category: Category | null;
  publishAt: string | null;
}

export interface ArticleFile {
  fileId: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export interface PublicArticle extends ArticleSummary {
  bodyHtml: string;
  attachments: ArticleFile[];
  procedures: { code: string; name: string }[];
}
