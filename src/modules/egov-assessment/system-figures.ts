import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { exchangeShare } from '../documents/exchange-share.ts';
import { computeFigures, currentMonth } from '../kpi/figures.ts';
import { staffIndicators } from '../staff/staff-figures.ts';
import { vietnamDate } from '../staff/staff-indicators.ts';
import type { SystemSource } from './schema.ts';

// The figures the system already knows for a self-assessment, each through the owning module's exported
// function, over the assessment's calendar year (percentages 0–100; null when there is nothing to count):
// - procedures_online, dossiers_online: kpi `computeFigures` (the unit's catalogue; dossiers of the agency);
// - documents_electronic, documents_signed: documents `exchangeShare` (documents with other state agencies);
// - staff_trained: staff `staffIndicators` (officials trained on the online-service software, at year end or today).

export interface Subject {
  unitId: string;
  agencyId: string | null;
}

export type SystemFigures = Record<SystemSource, { value: number | null; detail: string }>;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

export async function systemFigures(
  db: Db,
  principal: Principal,
  subject: Subject,
  year: number,
  now = new Date(),
): Promise<SystemFigures> {
  const from = `${year}-01`;
  const today = vietnamDate(now);
  const thisYear = Number(today.slice(0, 4));
  const to = year < thisYear ? `${year}-12` : currentMonth(now);
  const asOf = year < thisYear ? `${year}-12-31` : today;
  const agencyId = subject.agencyId ?? undefined;
  const [figures, documents, staff] = await Promise.all([
    computeFigures(db, { unitId: subject.unitId, view: 'current', from, to, agencyId }, now),
    exchangeShare(db, principal, { from, to, agencyId }),
    staffIndicators(
      db,
      principal,
      agencyId ? { agencyId, view: 'current' } : { unitId: subject.unitId, view: 'current' },
      asOf,
    ),
  ]);
  const indicator = (key: 'procedures_online' | 'dossiers_online') => {
    const f = figures?.indicators.find((i) => i.key === key);
    return {
      value: f?.value ?? null,
      detail: f ? `${f.numerator}/${f.denominator} (${from} – ${to})` : 'chưa có dữ liệu',
    };
  };
  const trained = staff.total.find((f) => f.key === 'trained_online');
  return {
    procedures_online: indicator('procedures_online'),
    dossiers_online: indicator('dossiers_online'),
    documents_electronic: {
      value: percent(documents.overall.share),
      detail: `${documents.overall.electronic}/${documents.overall.total} văn bản`,
    },
    documents_signed: {
      value: percent(documents.signed.share),
      detail: `${documents.signed.signed}/${documents.signed.total} văn bản`,
    },
    staff_trained: {
      value: percent(trained?.share ?? null),
      detail: trained ? `${trained.counted}/${trained.serving} người (đến ${asOf})` : 'chưa có dữ liệu',
    },
  };
}

export const sourceLabel: Record<SystemSource, string> = {
  procedures_online: 'Tỷ lệ TTHC cung cấp trực tuyến (chỉ số CCHC)',
  dossiers_online: 'Tỷ lệ hồ sơ nộp trực tuyến (chỉ số CCHC)',
  documents_electronic: 'Tỷ lệ văn bản trao đổi điện tử (sổ văn bản)',
  documents_signed: 'Tỷ lệ văn bản ký số (sổ văn bản)',
  staff_trained: 'Tỷ lệ CBCCVC được tập huấn phần mềm dịch vụ công (cán bộ, đào tạo)',
};
