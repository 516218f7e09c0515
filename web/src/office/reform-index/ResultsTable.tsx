import { Table, type TableColumnsType, Tag } from 'antd';
import { points, type ResultRow, type Results } from './reformIndexTypes';

/** The ranking of a year with grades, the change from last year and the proposed rewards. */
export function ResultsTable({ results }: { results: Results }) {
  const columns: TableColumnsType<ResultRow> = [
    { title: 'Hạng', dataIndex: 'rank', width: 70 },
    { title: 'Cơ quan', dataIndex: 'agencyName' },
    { title: 'Tự chấm', dataIndex: 'selfTotal', responsive: ['md'], render: (v: number) => points(v) },
    { title: 'Điểm thẩm định', dataIndex: 'total', render: (v: number) => <strong>{points(v)}</strong> },
    { title: 'Xếp loại', dataIndex: 'grade', render: (g: string | null) => g ?? '—' },
    {
      title: `So với năm ${results.year - 1}`,
      key: 'change',
      responsive: ['md'],
      render: (_, r) =>
        r.change === null
          ? '—'
          : `${points(r.previousTotal)} (${r.change >= 0 ? '+' : ''}${points(r.change)})`,
    },
    {
      title: 'Khen thưởng',
      key: 'reward',
      render: (_, r) => (r.proposedReward ? <Tag color="gold">Đề nghị khen thưởng</Tag> : null),
    },
  ];
  return (
    <Table
      rowKey="agencyId"
      columns={columns}
      dataSource={results.items}
      pagination={false}
      caption={`Tổng điểm tối đa ${points(results.maxTotal)}; ${results.rewards.length} đơn vị được đề nghị khen thưởng.`}
    />
  );
}
