import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Reform news and guides (plan IV.2, VI.4): articles the culture and information office publishes on the portal —
// news, guides and announcements — with categories, images and attachments from the file store, the procedures a
// guide explains, a publication time (possibly in the future) and every saved revision. City-wide and small: no
// owner unit.

export const articleKinds = ['news', 'guide', 'announcement'] as const;
export type ArticleKind = (typeof articleKinds)[number];
export const articleStatuses = ['draft', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface ArticleFile {
  fileId: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export const newsCategories = pgTable('news_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: varchar('slug', { length: 80 }).notNull().unique(),
  name: text('name').notNull(),
});

export const newsArticles = pgTable(
  'news_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 12 }).$type<ArticleKind>().notNull(),
    slug: varchar('slug', { length: 120 }).notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Sanitised on the server (sanitize-body.ts) before it is stored. */
    bodyHtml: text('body_html').notNull(),
    categoryId: uuid('category_id').references(() => newsCategories.id),
    /** Attachments listed under the body; images live in the body as <img src="/api/news/files/<id>">. */
    attachments: jsonb('attachments').$type<ArticleFile[]>().notNull().default([]),
    /** National catalog codes of the procedures the article explains (shown under "Hướng dẫn"). */
    procedureCodes: jsonb('procedure_codes').$type<string[]>().notNull().default([]),
    status: varchar('status', { length: 12 }).$type<ArticleStatus>().notNull().default('draft'),
    /** When a published article becomes visible (the database clock decides). */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('news_articles_visible_idx').on(t.status, t.publishAt)],
);

/** Every saved state of an article, including the first. */
export const newsRevisions = pgTable(
  'news_revisions',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => newsArticles.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    savedBy: uuid('saved_by'),
    savedByName: text('saved_by_name').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** Files uploaded through the editor (images and attachments); the public may fetch only these. */
export const newsFiles = pgTable('news_files', {
  fileId: varchar('file_id', { length: 64 }).primaryKey(),
  name: text('name').notNull(),
  mime: varchar('mime', { length: 40 }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});
