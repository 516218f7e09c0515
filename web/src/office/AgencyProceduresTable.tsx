import { Input, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isAdmin, useAuth } from '../auth';
import { OnlineModeTag } from '../components/OnlineModeTag';
import { foldVietnamese, formatProcessingTime } from '../format';
import type { ProcedureSummary } from '../types';

/** The agency's procedures; administrators open the editor, other officers the public page. */
export function AgencyProceduresTable({ procedures }: { procedures: ProcedureSummary[] }) {
  const { user } = useAuth();
  const [filter, setFilter] = useState('');
  const folded = foldVietnamese(filter.trim());
  const shown = folded
    ? procedures.filter((p) => foldVietnamese(`${p.code} ${p.name} ${p.field}`).includes(folded))
    : procedures;
  const linkOf = (code: string) =>
    isAdmin(user) ? `/quan-tri/thu-tuc/${encodeURIComponent(code)}` : `/thu-tuc/${encodeURIComponent(code)}`;

  return (
    <>
      {procedures.length > 10 ? (
        <Input
          aria-label="Lọc thủ tục"
          placeholder="Lọc theo mã, tên hoặc lĩnh vực"
          allowClear
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          style={{ maxWidth: 420, marginBottom: 12 }}
        />
      ) : null}
      <Table<ProcedureSummary>
        rowKey="code"
        size="small"
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: 'Không có thủ tục nào.' }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 110 },
          {
            title: 'Tên thủ tục',
            dataIndex: 'name',
            render: (name: string, row) => (
              <div style={{ minWidth: 220, maxWidth: 520 }}>
                <Link to={linkOf(row.code)}>{name}</Link>
              </div>
            ),
          },
          { title: 'Lĩnh vực', dataIndex: 'field' },
          {
            title: 'Trực tuyến',
            dataIndex: 'onlineMode',
            render: (mode: ProcedureSummary['onlineMode']) => <OnlineModeTag mode={mode} />,
          },
          {
            title: 'Thời hạn',
            key: 'time',
            render: (_, row) => formatProcessingTime(row.processingTimeValue, row.processingTimeUnit),
          },
        ]}
      />
    </>
  );
}
