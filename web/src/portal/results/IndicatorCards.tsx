import type { ReactNode } from 'react';
import { formatCount, formatPercent, metText, targetText } from './kpiFormat';
import type { IndicatorFigure, IndicatorKey } from './kpiTypes';

/** What the numerator and the denominator of each indicator count, in words. */
export const PART_LABELS: Record<IndicatorKey, [string, string]> = {
  satisfaction: ['lượt đánh giá hài lòng trở lên', 'lượt đánh giá'],
  on_time: ['hồ sơ trước hạn, đúng hạn', 'hồ sơ đã giải quyết'],
  procedures_online: ['thủ tục có dịch vụ trực tuyến', 'thủ tục'],
  dossiers_online: ['hồ sơ tiếp nhận trực tuyến', 'hồ sơ tiếp nhận'],
  components_digitised: ['hồ sơ có thành phần số hóa', 'hồ sơ tiếp nhận'],
  results_digitised: ['kết quả có tệp điện tử', 'kết quả ban hành'],
};

export type Part = 'numerator' | 'denominator';

function status(figure: IndicatorFigure): { className: string; text: string; icon: string } {
  const text = metText(figure.met, figure.target !== null);
  if (figure.met === true) return { className: 'kpi-status met', text, icon: '✓' };
  if (figure.met === false) return { className: 'kpi-status unmet', text, icon: '✗' };
  return { className: 'kpi-status neutral', text, icon: '–' };
}

/**
 * The plan's indicators as cards: value, target, met or not (in words, with an icon and a colour), the counts
 * behind the rate and the formula. `renderCount` lets the back office turn the counts into drill-down buttons.
 */
export function IndicatorCards({
  indicators,
  headingLevel = 3,
  renderCount,
}: {
  indicators: IndicatorFigure[];
  headingLevel?: 2 | 3;
  renderCount?: (figure: IndicatorFigure, part: Part, text: string) => ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="kpi-cards">
      {indicators.map((figure) => {
        const s = status(figure);
        const [numLabel, denLabel] = PART_LABELS[figure.key];
        const count = (part: Part, label: string) => {
          const text = `${formatCount(figure[part])} ${label}`;
          return renderCount ? renderCount(figure, part, text) : text;
        };
        return (
          <li key={figure.key} className="kpi-card" data-indicator={figure.key}>
            <Heading className="kpi-card-title">{figure.label}</Heading>
            <p className="kpi-value" data-testid={`kpi-value-${figure.key}`}>
              {formatPercent(figure.value)}
            </p>
            <p className="kpi-target">
              Mục tiêu: <strong>{targetText(figure.target)}</strong>
            </p>
            <p className={s.className}>
              <span aria-hidden="true">{s.icon}</span> {s.text}
            </p>
            <p className="kpi-counts">
              {count('numerator', numLabel)} / {count('denominator', denLabel)}
            </p>
            <details className="kpi-formula">
              <summary>Cách tính</summary>
              <p>{figure.formula}</p>
              <p className="kpi-source">Căn cứ: {figure.source}</p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
