import { formatFee, formatProcessingTime } from '../../format';
import { channelLabels, labelOf } from '../../labels';
import type { SubmissionChannel } from '../../types';

const timeOf = (row: SubmissionChannel) =>
  formatProcessingTime(row.processingTimeValue, row.processingTimeUnit, row.processingTimeText);

/**
 * The catalog's "Cách thức thực hiện": time and fee per way of submitting. A plain table (antd's Table
 * would more than double this page's download); on phones the rows stack (see .channels-table in styles.css).
 */
export function ChannelsTable({ channels }: { channels: SubmissionChannel[] }) {
  return (
    <table className="channels-table">
      <thead>
        <tr>
          <th scope="col">Hình thức nộp</th>
          <th scope="col">Thời hạn giải quyết</th>
          <th scope="col">Phí, lệ phí</th>
          <th scope="col">Mô tả</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity and never reorder.
          <tr key={index}>
            <th scope="row">{labelOf(channelLabels, row.channel)}</th>
            <td data-label="Thời hạn giải quyết">{timeOf(row)}</td>
            <td data-label="Phí, lệ phí">{formatFee(row.feeText, row.feeAmountVnd)}</td>
            <td data-label="Mô tả">{row.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
