// A round's results for the office: response counts and rates, each question's distribution, and the index
// per element and per agency (survey-index.ts), limited to the agencies the officer may see.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencyUnits, roundForOfficer, roundView } from './rounds.ts';
import { surveyAnswers, surveyResponses, surveySampleMembers } from './schema.ts';
import { surveyIndex } from './survey-index.ts';
import { KIND_LABELS } from './survey-model.ts';
import { loadTemplate } from './templates.ts';

const TEXTS_PER_QUESTION = 10;

export async function roundResults(db: Db, principal: Principal, roundId: string, now = new Date()) {
  const { round, visible } = await roundForOfficer(db, principal, roundId);
  const template = await loadTemplate(db, round.templateId);
  const units = [...new Set([...(await agencyUnits(db, visible)).values()].map((u) => u.unitId))];
  const scope = and(
    inArray(surveyAnswers.ownerUnitId, units),
    eq(surveyAnswers.roundId, round.id),
    inArray(surveyAnswers.agencyId, visible),
  );

  const responses = await db
    .select({
      agencyId: surveyResponses.agencyId,
      channel: surveyResponses.channel,
      sampled: sql<boolean>`${surveyResponses.sampleDossierId} is not null`,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .where(
      and(
        inArray(surveyResponses.ownerUnitId, units),
        eq(surveyResponses.roundId, round.id),
        inArray(surveyResponses.agencyId, visible),
      ),
    )
    .groupBy(
      surveyResponses.agencyId,
      surveyResponses.channel,
      sql`${surveyResponses.sampleDossierId} is not null`,
    );
  const sample = await db
    .select({ agencyId: surveySampleMembers.agencyId, n: sql<number>`count(*)::int` })
    .from(surveySampleMembers)
    .where(
      and(
        inArray(surveySampleMembers.ownerUnitId, units),
        eq(surveySampleMembers.roundId, round.id),
        inArray(surveySampleMembers.agencyId, visible),
      ),
    )
    .groupBy(surveySampleMembers.agencyId);
  const levelCounts = await db
    .select({
      questionKey: surveyAnswers.questionKey,
      level: surveyAnswers.level,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyAnswers)
    .where(and(scope, isNotNull(surveyAnswers.level)))
    .groupBy(surveyAnswers.questionKey, surveyAnswers.level);
  const choice = sql<string>`jsonb_array_elements_text(${surveyAnswers.choices})`;
  const choiceCounts = await db
    .select({ questionKey: surveyAnswers.questionKey, choice, n: sql<number>`count(*)::int` })
    .from(surveyAnswers)
    .where(and(scope, isNotNull(surveyAnswers.choices)))
    .groupBy(surveyAnswers.questionKey, choice);
  const textCounts = await db
    .select({ questionKey: surveyAnswers.questionKey, n: sql<number>`count(*)::int` })
    .from(surveyAnswers)
    .where(and(scope, sql`coalesce(${surveyAnswers.text}, '') <> ''`))
    .groupBy(surveyAnswers.questionKey);
  const latestTexts = await db
    .select({ questionKey: surveyAnswers.questionKey, text: surveyAnswers.text })
    .from(surveyAnswers)
    .where(and(scope, sql`coalesce(${surveyAnswers.text}, '') <> ''`))
    .orderBy(desc(surveyAnswers.submittedAt))
    .limit(500);

  const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);
  const sampleSize = sum(sample);
  const sampledResponses = sum(responses.filter((r) => r.sampled));
  const names = await agencyUnits(db, visible);
  const counted = (key: string) => {
    const levels = new Map(levelCounts.filter((c) => c.questionKey === key).map((c) => [c.level, c.n]));
    const choices = new Map(choiceCounts.filter((c) => c.questionKey === key).map((c) => [c.choice, c.n]));
    return { levels, choices, texts: textCounts.find((t) => t.questionKey === key)?.n ?? 0 };
  };

  const questions = template.content.sections.flatMap((section) =>
    section.questions.map((q) => {
      const c = counted(q.key);
      const distribution =
        q.scale.type === 'likert'
          ? q.scale.labels.map((label, i) => ({ key: String(i + 1), label, count: c.levels.get(i + 1) ?? 0 }))
          : q.scale.type === 'text'
            ? []
            : q.scale.options.map((o) => ({ key: o.key, label: o.label, count: c.choices.get(o.key) ?? 0 }));
      const answered =
        q.scale.type === 'text'
          ? c.texts
          : q.scale.type === 'likert'
            ? sum([...c.levels.values()].map((n) => ({ n })))
            : null;
      return {
        key: q.key,
        text: q.text,
        kind: q.kind,
        kindLabel: KIND_LABELS[q.kind],
        sectionTitle: section.title,
        element: section.element,
        scaleType: q.scale.type,
        answered,
        distribution,
        texts:
          q.scale.type === 'text'
            ? latestTexts
                .filter((t) => t.questionKey === q.key)
                .slice(0, TEXTS_PER_QUESTION)
                .map((t) => t.text ?? '')
            : [],
      };
    }),
  );

  return {
    round: await roundView(db, round, now),
    counts: {
      responses: sum(responses),
      online: sum(responses.filter((r) => r.channel === 'online')),
      paper: sum(responses.filter((r) => r.channel === 'paper')),
      sampleSize,
      sampledResponses,
      /** Responses from the sample ÷ sample size (null without a sample). */
      responseRate: sampleSize > 0 ? sampledResponses / sampleSize : null,
      byAgency: visible.map((id) => {
        const own = responses.filter((r) => r.agencyId === id);
        const size = sample.find((s) => s.agencyId === id)?.n ?? 0;
        const fromSample = sum(own.filter((r) => r.sampled));
        return {
          agencyId: id,
          agencyName: names.get(id)?.name ?? '',
          responses: sum(own),
          sampleSize: size,
          sampledResponses: fromSample,
          responseRate: size > 0 ? fromSample / size : null,
        };
      }),
    },
    questions,
    index: await surveyIndex(db, { roundId: round.id, agencyIds: visible }),
  };
}
