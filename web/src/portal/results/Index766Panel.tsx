import type { ReactNode } from 'react';
import { formatCount, formatPercent, formatPoints } from './kpiFormat';
import type { ComponentScore, Index766 } from './kpiTypes';

const points = (value: number | null, max: number) =>
  value === null ? 'Chưa có dữ liệu' : `${formatPoints(value)}/${formatPoints(max)} điểm`;

/** How a component's points come from its rate, in words. */
function conversion(c: ComponentScore): string {
  return c.threshold === null
    ? `điểm = ${formatPoints(c.max)} × tỷ lệ`
    : `đủ ${formatPoints(c.max)} điểm khi tỷ lệ từ ${formatPoints(c.threshold)}%`;
}

/**
 * The Decision 766/QĐ-TTg index: the total out of the points measured, and each group with its indicators
 * (rate, points, formula) behind an expander. `renderRate` lets the back office make the counts drillable.
 */
export function Index766Panel({
  index,
  renderRate,
}: {
  index: Index766;
  renderRate?: (component: ComponentScore) => ReactNode;
}) {
  return (
    <div className="kpi-766">
      <p className="kpi-766-total">
        Tổng điểm:{' '}
        <strong data-testid="kpi-766-total">
          {index.total === null
            ? 'Chưa có dữ liệu'
            : `${formatPoints(index.total)}/${formatPoints(index.outOf)}`}
        </strong>
        {index.total !== null && index.outOf < index.max ? (
          <span className="kpi-note">
            {' '}
            (trên {formatPoints(index.outOf)} điểm đo được trong tổng số {formatPoints(index.max)} điểm; các
            chỉ số hệ thống chưa có dữ liệu không được tính)
          </span>
        ) : null}
      </p>
      <ul className="kpi-766-groups">
        {index.groups.map((g) => {
          const share = g.points === null || g.max === 0 ? 0 : Math.min(100, (g.points / g.max) * 100);
          return (
            <li key={g.key}>
              <div className="kpi-766-row">
                <span className="kpi-766-label">{g.label}</span>
                <span className="kpi-766-points">
                  {points(g.points, g.max)}
                  {g.points !== null && g.outOf < g.max ? (
                    <span className="kpi-note"> (đo được {formatPoints(g.outOf)} điểm)</span>
                  ) : null}
                </span>
              </div>
              <div className="kpi-bar" aria-hidden="true">
                <span style={{ width: `${share}%` }} />
              </div>
              <details className="kpi-formula">
                <summary>Chỉ số thành phần</summary>
                <ul>
                  {g.components.map((c) => (
                    <li key={c.key}>
                      {c.label}: <strong>{points(c.points, c.max)}</strong>
                      {c.rate ? (
                        <>
                          {' '}
                          — tỷ lệ {formatPercent(c.rate.value)}{' '}
                          {renderRate ? (
                            renderRate(c)
                          ) : (
                            <span className="kpi-note">
                              ({formatCount(c.rate.numerator)}/{formatCount(c.rate.denominator)})
                            </span>
                          )}
                        </>
                      ) : c.points === null ? (
                        <span className="kpi-note"> — hệ thống chưa có số liệu</span>
                      ) : (
                        <span className="kpi-note"> — không phát sinh trong kỳ, tính đủ điểm</span>
                      )}
                      <br />
                      <span className="kpi-note">
                        Cách tính: {c.formula}; {conversion(c)}.
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
