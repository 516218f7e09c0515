import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import type { JsonSchema } from '../fuzz/hostile.ts';
import type { Fixtures } from './fixtures.ts';

export interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Which table a path parameter names, by the path segment before it: the record of scope A (phường Vị Thanh) is
 * preferred, so that every caller outside scope A is aimed at a record that is not theirs.
 */
const segmentTables: Record<string, [table: string, column: string]> = {
  years: ['reform_index_years', 'id'],
  meetings: ['meetings', 'id'],
  'reform-plans': ['reform_plans', 'id'],
  'survey-rounds': ['survey_rounds', 'id'],
  'reform-reports': ['reform_reports', 'id'],
  'reform-tasks': ['reform_tasks', 'id'],
  'procedure-reviews': ['procedure_review_plans', 'id'],
  'egov-assessments': ['egov_assessments', 'id'],
  positions: ['job_positions', 'id'],
  news: ['news_articles', 'id'],
  courses: ['staff_training_courses', 'id'],
  lines: ['reform_budget_lines', 'id'],
  items: ['procedure_review_items', 'id'],
  clients: ['interop_clients', 'id'],
  targets: ['reform_targets', 'id'],
  'survey-templates': ['survey_templates', 'id'],
  officials: ['staff_officials', 'id'],
  participants: ['staff_officials', 'id'],
  holders: ['staff_officials', 'id'],
  nodes: ['reform_index_nodes', 'id'],
  scores: ['reform_index_nodes', 'id'],
  criteria: ['egov_criteria', 'id'],
  versions: ['meeting_document_versions', 'id'],
  tasks: ['meeting_tasks', 'id'],
  agenda: ['meeting_agenda_items', 'id'],
  subscriptions: ['interop_subscriptions', 'id'],
  schedule: ['official_schedule_entries', 'id'],
  proposals: ['procedure_review_proposals', 'id'],
  'procedure-flags': ['procedure_flags', 'id'],
  plans: ['legal_review_plans', 'id'],
  notifications: ['notifications', 'id'],
  audits: ['iso_audits', 'id'],
  articles: ['news_articles', 'slug'],
  topics: ['staff_training_topics', 'key'],
  'reform-index': ['reform_index_years', 'year'],
};

export type Targets = Record<string, string>;

/** The value of every mapped segment, read once after the fixtures are made. */
export async function loadTargets(db: Db, f: Fixtures): Promise<Targets> {
  const targets: Targets = {};
  for (const [segment, [table, column]] of Object.entries(segmentTables)) {
    const columns = (
      await rawRows<{ c: string }>(
        db,
        sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
      )
    ).map((r) => r.c);
    // Unit A first, then agency A (a unit holds several agencies, and which of them owns the record decides who
    // may read it: without this a random id could aim the check at another agency of unit A in some runs).
    const preferences = [
      columns.includes('owner_unit_id') ? `(owner_unit_id = '${f.unitA}') desc` : null,
      columns.includes('agency_id') ? `(agency_id = '${f.agencyA}') desc` : null,
    ].filter(Boolean);
    const order = `order by ${[...preferences, '1'].join(', ')}`;
    const [row] = await rawRows<{ v: string }>(
      db,
      sql.raw(`select "${column}"::text as v from "${table}" ${order} limit 1`),
    );
    targets[segment] = row?.v ?? randomUUID();
  }
  return targets;
}

/** The route's path with every parameter filled with a record of scope A. */
export function pathValues(path: string, f: Fixtures, targets: Targets): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      const before = segments[i - 1] ?? '';
      if (before === 'dossiers') {
        if (path.startsWith('/api/my/')) return f.onlineA.id;
        return name === 'code' ? f.dossierA.code : f.dossierA.id;
      }
      if (before === 'feedback') return f.feedbackA.id;
      if (before === 'published') return f.feedbackA.code;
      if (name === 'code') return '1.001193';
      if (before === 'procedures') return f.procedureId;
      if (name === 'agencyId' || before === 'agencies') return f.agencyA;
      if (name === 'ownerUnitId') return f.unitA;
      if (name === 'year') return String(f.planYear);
      if (name === 'kind') return 'receipt';
      if (name === 'action') return 'propose';
      if (before === 'deliveries' || (name === 'id' && segments[i - 2] === 'deliveries')) return '1';
      if (name === 'userId') return f.citizenAUserId;
      if (name === 'token') return 'khong-co-that-0123456789';
      if (/fileId$/i.test(name)) return f.dossierA.resultFileId;
      const target = targets[before];
      if (target) return target;
      return randomUUID();
    })
    .join('/');
}

/** Required query parameters (and any naming a unit or agency) with values of scope A. */
export function queryString(op: OpenApiOperation | undefined, f: Fixtures): string {
  const pairs = (op?.parameters ?? [])
    .filter((p, _, all) => {
      if (p.in !== 'query') return false;
      if (p.required || ['agencyId', 'agency', 'period', 'year', 'month'].includes(p.name)) return true;
      // A unit when the route takes no agency (reports take one or the other).
      return (
        ['unitId', 'unit'].includes(p.name) &&
        !all.some((q) => q.in === 'query' && ['agencyId', 'agency'].includes(q.name))
      );
    })
    .map((p) => {
      const value = valueFor(p.schema ?? {}, p.name, f);
      return `${encodeURIComponent(p.name)}=${encodeURIComponent(String(value))}`;
    });
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** A small body that passes the route's validation, so that its guard is reached (ids name scope A's records). */
export function minimalBody(op: OpenApiOperation | undefined, f: Fixtures): unknown {
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  return valueFor(schema, '', f);
}

function valueFor(schema: JsonSchema, key: string, f: Fixtures): unknown {
  const s = schema as JsonSchema & {
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    allOf?: JsonSchema[];
    const?: unknown;
    items?: JsonSchema;
    minItems?: number;
    properties?: Record<string, JsonSchema>;
    required?: string[];
    format?: string;
    pattern?: string;
  };
  if (s.const !== undefined) return s.const;
  if (s.pattern && /^\^?\[0-9a-f\]\{64\}/i.test(s.pattern.replace('\\d', '0-9')))
    return f.dossierA.resultFileId;
  if (/fileId$/i.test(key)) return f.dossierA.resultFileId;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    if (re.test('2026-03') && !re.test('2026-03-16')) return key === 'to' ? '2026-12' : '2026-01';
    // Codes and keys with their own shapes: the first plausible value that fits.
    const fits = [
      'kiem_tra',
      'KT-01',
      '1.001193',
      'https://he-thong.authz.motcua.test/nhan',
      '0912345678',
    ].find((v) => re.test(v));
    if (fits) return fits;
  }
  if (/url$/i.test(key)) return 'https://he-thong.authz.motcua.test/nhan';
  if (key === 'year') return f.planYear;
  if (key === 'metrics') return 'ratings';
  if (key === 'agency') return f.agencyA;
  if (key === 'unit') return f.unitA;
  if (s.enum?.length) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return valueFor(alternatives[0] as JsonSchema, key, f);
  if (s.allOf?.length) return valueFor(s.allOf[0] as JsonSchema, key, f);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) {
        out[name] = valueFor(s.properties?.[name] ?? {}, name, f);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => valueFor(s.items ?? {}, key, f));
    case 'integer':
    case 'number': {
      if (key === 'from') return f.planYear - 1;
      if (key === 'to') return f.planYear;
      if (/version/i.test(key)) return 1;
      if (/year/i.test(key)) return f.planYear;
      return Math.max(Number(s.minimum ?? 1), Math.min(Number(s.maximum ?? 1), 1));
    }
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'uuid' || /Id$/.test(key)) {
        if (/agency/i.test(key)) return f.agencyA;
        if (/unit/i.test(key)) return f.unitA;
        if (/dossier/i.test(key)) return f.dossierA.id;
        return randomUUID();
      }
      if (s.format === 'date-time')
        return key === 'to' ? '2026-12-31T17:00:00+07:00' : '2026-01-05T08:00:00+07:00';
      if (key === 'from') return '2026-01-01';
      if (key === 'to') return '2026-12-31';
      if (/month|period/i.test(key) && s.pattern?.includes('\\d{2}$')) return '2026-03';
      if (s.format === 'date' || /date|On$/i.test(key)) return '2026-03-16';
      if (s.format === 'date-time') return '2026-03-16T08:00:00+07:00';
      if (s.format === 'email') return 'thu@authz.motcua.test';
      if (/phone/i.test(key)) return '0912345678';
      const min = Number(s.minLength ?? 1);
      const text = 'Nội dung kiểm tra phân quyền truy cập dữ liệu';
      return text
        .repeat(Math.ceil(min / text.length))
        .slice(0, Math.max(min, Math.min(text.length, Number(s.maxLength ?? text.length))));
    }
    default:
      if (key === 'from') return '2026-01-01';
      if (key === 'to') return '2026-12-31';
      return {};
  }
}
