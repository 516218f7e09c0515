// Indicators 6–9 are scored by people (rules-2.md §2.3: per unit, from forms, inspections and reports). These
// prefill a suggestion where the records say something (pure): 6 from the catalog, 7 from the dossier's rating,
// 9 from the procedure's online mode and the dossier's channel; 8 is left to the scorer.
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import type { Suggestion } from './indicators.ts';
import { statutoryLimit, timeClass } from './score-time.ts';

/** What the catalog says about the procedure's publication and online service. */
export interface ProcedureFacts {
  published: boolean;
  hasRequiredDocuments: boolean;
  hasProcessingTime: boolean;
  hasLegalBasis: boolean;
  hasFee: boolean;
  onlineMode: 'full' | 'partial' | 'none';
}

/** Indicator 6: published with its full information (documents, time, fee, legal basis) → 2; partly → 1. */
export function prefillPublicity(p: ProcedureFacts): Suggestion {
  const base = { indicator: '6' as const, source: 'prefilled' as const };
  if (!p.published) return { ...base, points: 0, reason: 'Thủ tục chưa được công khai trên Cổng thông tin.' };
  const missing = [
    p.hasRequiredDocuments ? null : 'thành phần hồ sơ',
    p.hasProcessingTime ? null : 'thời hạn giải quyết',
    p.hasFee ? null : 'phí, lệ phí',
    p.hasLegalBasis ? null : 'căn cứ pháp lý',
  ].filter((x): x is string => x !== null);
  if (missing.length > 0)
    return { ...base, points: 1, reason: `Đã công khai nhưng còn thiếu: ${missing.join(', ')}.` };
  return {
    ...base,
    points: 2,
    reason: 'Đã công khai điện tử đầy đủ thông tin. Người chấm xác nhận việc niêm yết tại Bộ phận Một cửa.',
  };
}

export interface RatingFacts {
  levelLabel: string;
  satisfied: boolean;
}

/**
 * Indicator 7 (attitude): art. 13 gives 2 for a result earlier than the limit with no complaint, 1 on time
 * with no complaint, 0 for a substantiated complaint. A rating is not a verified complaint, so a dissatisfied
 * rating suggests 1 and asks the scorer to check; without a rating the scorer decides.
 */
export function prefillAttitude(s: DossierSnapshot, rating: RatingFacts | null): Suggestion {
  const base = { indicator: '7' as const, source: 'prefilled' as const };
  if (!rating)
    return {
      ...base,
      source: 'scorer',
      points: null,
      reason: 'Người nộp chưa đánh giá hồ sơ; người chấm quyết định.',
    };
  if (!rating.satisfied)
    return {
      ...base,
      points: 1,
      reason: `Người nộp đánh giá «${rating.levelLabel}»: kiểm tra phản ánh; chỉ chấm 0 khi phản ánh được xác minh là đúng.`,
    };
  const limit = statutoryLimit(s);
  const early = Boolean(limit && s.decision && timeClass(s.decision.at, limit) === 'early');
  return {
    ...base,
    points: early ? 2 : 1,
    reason: `Người nộp đánh giá «${rating.levelLabel}»${early ? ' và hồ sơ được giải quyết trước hạn' : ''}.`,
  };
}

export function feedbackForScorer(): Suggestion {
  return {
    indicator: '8',
    source: 'scorer',
    points: null,
    reason: 'Người chấm đánh giá theo số phản ánh, kiến nghị và tỷ lệ xử lý đúng hạn của cơ quan.',
  };
}

/**
 * Indicator 9: the procedure offers no online service → 0; an online dossier resolved late → 0; an online
 * dossier resolved in time → 2; a paper dossier of a procedure offered online → 1 (the office's online shares
 * in art. 13 are unit figures the scorer confirms).
 */
export function prefillOnline(s: DossierSnapshot, p: ProcedureFacts): Suggestion {
  const base = { indicator: '9' as const, source: 'prefilled' as const };
  if (p.onlineMode === 'none')
    return { ...base, points: 0, reason: 'Thủ tục chưa được cung cấp dịch vụ công trực tuyến.' };
  const mode = p.onlineMode === 'full' ? 'toàn trình' : 'một phần';
  if (s.channel !== 'online')
    return {
      ...base,
      points: 1,
      reason: `Thủ tục có dịch vụ công trực tuyến ${mode}; hồ sơ nộp trực tiếp hoặc qua bưu chính.`,
    };
  const limit = statutoryLimit(s);
  const late = Boolean(limit && s.decision && timeClass(s.decision.at, limit) === 'late');
  return late
    ? { ...base, points: 0, reason: `Hồ sơ trực tuyến (${mode}) giải quyết quá hạn.` }
    : { ...base, points: 2, reason: `Hồ sơ trực tuyến (${mode}) giải quyết đúng hạn.` };
}
