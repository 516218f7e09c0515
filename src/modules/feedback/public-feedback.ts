// The portal's published feedback: only items published by the rules (feedback-rules.ts isPublishable), and
// never the sender's name or contacts; the edited public versions replace the originals when present.
import { and, count, desc, eq, isNotNull, like, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import { searchTokens } from '../../platform/text/normalize.ts';
import { agencies } from '../org/schema.ts';
import { SUBJECT_KIND_LABELS } from './feedback-rules.ts';
import { type FeedbackSubjectKind, feedbackItems } from './schema.ts';

export interface PublishedQuery {
  q?: string | undefined;
  kind?: FeedbackSubjectKind | undefined;
  agencyId?: string | undefined;
  page: number;
  pageSize: number;
}

const f = feedbackItems;
const publicColumns = {
  code: f.code,
  subjectKind: f.subjectKind,
  procedureCode: f.procedureCode,
  procedureName: f.procedureName,
  title: f.title,
  content: f.content,
  publicContent: f.publicContent,
  answer: f.answer,
  publicAnswer: f.publicAnswer,
  agencyName: agencies.name,
  createdAt: f.createdAt,
  answeredAt: f.answeredAt,
  publishedAt: f.publishedAt,
};
type PublicRow = { [K in keyof typeof publicColumns]: unknown } & {
  code: string;
  subjectKind: FeedbackSubjectKind;
  procedureCode: string | null;
  procedureName: string | null;
  title: string;
  content: string;
  publicContent: string | null;
  answer: string | null;
  publicAnswer: string | null;
  agencyName: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  publishedAt: Date | null;
};

const excerpt = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function toPublic(r: PublicRow, full: boolean) {
  const content = r.publicContent ?? r.content;
  const answer = r.publicAnswer ?? r.answer ?? '';
  return {
    code: r.code,
    subjectKind: r.subjectKind,
    subjectKindLabel: SUBJECT_KIND_LABELS[r.subjectKind],
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    title: r.title,
    content: full ? content : excerpt(content, 240),
    answer: full ? answer : excerpt(answer, 320),
    agencyName: r.agencyName,
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
  };
}

export async function listPublishedFeedback(db: Db, query: PublishedQuery) {
  const filters: (SQL | undefined)[] = [
    isNotNull(f.publishedAt),
    query.kind ? eq(f.subjectKind, query.kind) : undefined,
    query.agencyId ? eq(f.assignedAgencyId, query.agencyId) : undefined,
    ...searchTokens(query.q ?? '').map((t) => like(f.searchText, `%${t}%`)),
  ];
  const where = and(...filters);
  const rows = (await db
    .select(publicColumns)
    .from(f)
    .leftJoin(agencies, eq(agencies.id, f.assignedAgencyId))
    .where(where)
    .orderBy(desc(f.publishedAt), desc(f.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as PublicRow[];
  const [total] = await db.select({ n: count() }).from(f).where(where);
  return { items: rows.map((r) => toPublic(r, false)), total: Number(total?.n ?? 0) };
}

export async function viewPublishedFeedback(db: Db, code: string) {
  const [row] = (await db
    .select(publicColumns)
    .from(f)
    .leftJoin(agencies, eq(agencies.id, f.assignedAgencyId))
    .where(and(eq(f.code, code.trim().toUpperCase()), isNotNull(f.publishedAt)))
    .limit(1)) as PublicRow[];
  if (!row) throw notFound('Không tìm thấy phản ánh, kiến nghị đã công khai với mã này.');
  return toPublic(row, true);
}
