import { formatCount, formatPercent } from './kpiFormat';
import type { RankingRow } from './kpiTypes';

/** A ranking as a plain, accessible table (scrolls sideways inside its box on narrow phones). */
export function RankingTable({
  rows,
  caption,
  nameHeader,
}: {
  rows: RankingRow[];
  caption: string;
  nameHeader: string;
}) {
  if (rows.length === 0) return <p className="kpi-note">Chưa có dữ liệu trong kỳ này.</p>;
  return (
    // Focusable so keyboard users can scroll the table sideways on a phone.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="kpi-table-wrap" tabIndex={0} aria-label={caption}>
      <table className="kpi-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">{nameHeader}</th>
            <th scope="col">Đúng hạn</th>
            <th scope="col">Hài lòng</th>
            <th scope="col">Trực tuyến</th>
            <th scope="col">Tiếp nhận</th>
            <th scope="col">Đã giải quyết</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <th scope="row">{r.name}</th>
              <td>{formatPercent(r.onTime)}</td>
              <td>{formatPercent(r.satisfaction)}</td>
              <td>{formatPercent(r.online)}</td>
              <td>{formatCount(r.received)}</td>
              <td>{formatCount(r.resolved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
