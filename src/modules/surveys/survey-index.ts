// The satisfaction index read from the database, for the results page and the dashboards: answers of Likert
// satisfaction questions counted per level in SQL (indexed by owner unit, round, agency), then the pure formula
// of index-formula.ts with each round's template settings.
import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { agencies } from '../org/schema.ts';
import {
  computeIndex,
  formulaText,
  type IndexResult,
  type QuestionTally,
  tallyQuestion,
} from './index-formula.ts';
import { surveyAnswers, surveyResponses, surveyRounds, surveyTemplates } from './schema.ts';
import {
  DEFAULT_INDEX_SETTINGS,
  type Element,
  type IndexSettings,
  type TemplateContent,
} from './survey-model.ts';

export interface SurveyIndexFilter {
  roundId?: string | undefined;
  agencyIds?: readonly string[] | undefined;
  /** Answers given from this instant (inclusive) … */
  from?: Date | undefined;
  /** … to this instant (exclusive). */
  to?: Date | undefined;
}

export interface AgencyIndex extends IndexResult {
  agencyId: string;
  agencyName: string;
  responses: number;
}

export interface SurveyIndex extends IndexResult {
  responses: number;
  byAgency: AgencyIndex[];
  /** The settings used to combine questions and elements (those of the latest round's template). */
  settings: IndexSettings;
  formula: string[];
}

interface LikertMeta {
  element: Element;
  points: number;
}

/** The Likert satisfaction questions of a template that feed the index, by key. */
function indexQuestions(content: TemplateContent): Map<string, LikertMeta> {
  const out = new Map<string, LikertMeta>();
  for (const section of content.sections) {
    if (!section.element) continue;
    for (const q of section.questions) {
      if (q.kind === 'satisfaction' && q.scale.type === 'likert')
        out.set(q.key, { element: section.element, points: q.scale.labels.length });
    }
  }
  return out;
}

export async function surveyIndex(db: DbOrTx, filter: SurveyIndexFilter = {}): Promise<SurveyIndex> {
  const rounds = await db
    .select({
      id: surveyRounds.id,
      agencyIds: surveyRounds.agencyIds,
      createdAt: surveyRounds.createdAt,
      content: surveyTemplates.content,
    })
    .from(surveyRounds)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyRounds.templateId))
    .where(filter.roundId ? eq(surveyRounds.id, filter.roundId) : undefined)
    .orderBy(desc(surveyRounds.createdAt));
  const wanted = filter.agencyIds ? new Set(filter.agencyIds) : null;
  const relevant = rounds.filter((r) => !wanted || r.agencyIds.some((a) => wanted.has(a)));
  const agencyIds = [
    ...new Set(relevant.flatMap((r) => r.agencyIds).filter((a) => !wanted || wanted.has(a))),
  ];
  const settings = relevant[0]?.content.indexSettings ?? DEFAULT_INDEX_SETTINGS;
  const likertLabels = relevant[0]?.content.sections
    .flatMap((s) => s.questions)
    .find((q) => q.kind === 'satisfaction' && q.scale.type === 'likert')?.scale;
  const formula = formulaText(settings, likertLabels?.type === 'likert' ? likertLabels.labels : undefined);
  const empty = computeIndex([], settings);
  if (relevant.length === 0 || agencyIds.length === 0)
    return { ...empty, responses: 0, byAgency: [], settings, formula };

  const names = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.id, agencyIds));
  const unitIds = [...new Set(names.map((n) => n.unitId))];
  const roundIds = relevant.map((r) => r.id);
  const when = (column: typeof surveyAnswers.submittedAt | typeof surveyResponses.submittedAt) => [
    filter.from ? gte(column, filter.from) : undefined,
    filter.to ? lt(column, filter.to) : undefined,
  ];

  const counts = await db
    .select({
      roundId: surveyAnswers.roundId,
      agencyId: surveyAnswers.agencyId,
      questionKey: surveyAnswers.questionKey,
      level: surveyAnswers.level,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyAnswers)
    .where(
      and(
        inArray(surveyAnswers.ownerUnitId, unitIds),
        inArray(surveyAnswers.roundId, roundIds),
        inArray(surveyAnswers.agencyId, agencyIds),
        isNotNull(surveyAnswers.level),
        ...when(surveyAnswers.submittedAt),
      ),
    )
    .groupBy(surveyAnswers.roundId, surveyAnswers.agencyId, surveyAnswers.questionKey, surveyAnswers.level);
  const responseCounts = await db
    .select({ agencyId: surveyResponses.agencyId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(
      and(
        inArray(surveyResponses.ownerUnitId, unitIds),
        inArray(surveyResponses.roundId, roundIds),
        inArray(surveyResponses.agencyId, agencyIds),
        ...when(surveyResponses.submittedAt),
      ),
    )
    .groupBy(surveyResponses.agencyId);

  const metaByRound = new Map(
    relevant.map((r) => [r.id, { meta: indexQuestions(r.content), settings: r.content.indexSettings }]),
  );
  // Level counts per item: (round, question) for the whole, (agency, round, question) per agency.
  type Item = { element: Element; points: number; settings: IndexSettings; levels: Map<number, number> };
  const whole = new Map<string, Item>();
  const perAgency = new Map<string, Map<string, Item>>();
  const add = (
    items: Map<string, Item>,
    key: string,
    base: Omit<Item, 'levels'>,
    level: number,
    n: number,
  ) => {
    let item = items.get(key);
    if (!item) {
      item = { ...base, levels: new Map() };
      items.set(key, item);
    }
    item.levels.set(level, (item.levels.get(level) ?? 0) + n);
  };
  for (const c of counts) {
    const round = metaByRound.get(c.roundId);
    const meta = round?.meta.get(c.questionKey);
    if (!round || !meta || c.level === null) continue;
    const base = { element: meta.element, points: meta.points, settings: round.settings };
    const key = `${c.roundId}:${c.questionKey}`;
    add(whole, key, base, c.level, c.n);
    let own = perAgency.get(c.agencyId);
    if (!own) {
      own = new Map();
      perAgency.set(c.agencyId, own);
    }
    add(own, key, base, c.level, c.n);
  }
  const tallies = (items: Map<string, Item>): QuestionTally[] =>
    [...items.values()].map((i) =>
      tallyQuestion({ element: i.element, points: i.points, countsByLevel: i.levels }, i.settings),
    );
  const responsesOf = new Map(responseCounts.map((r) => [r.agencyId, r.n]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    ...computeIndex(tallies(whole), settings),
    responses: responseCounts.reduce((s, r) => s + r.n, 0),
    byAgency: agencyIds
      .map((id) => ({
        agencyId: id,
        agencyName: nameOf.get(id) ?? '',
        responses: responsesOf.get(id) ?? 0,
        ...computeIndex(tallies(perAgency.get(id) ?? new Map()), settings),
      }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')),
    settings,
    formula,
  };
}
