import { Empty, Form, Pagination, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { flagAttributeLabels, labelOf } from '../../labels';
import type { ProcedureFlag } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { FlagCard } from './FlagCard';

const pageSize = 20;

export default function FlagsReviewPage() {
  const { data, error, loading, reload, setData } = useApi<ProcedureFlag[]>(
    '/api/admin/procedure-flags?status=open',
  );
  const [params, setParams] = useSearchParams();
  const attribute = params.get('loai') ?? '';
  const [page, setPage] = useState(1);

  const flags = data ?? [];
  const counts = new Map<string, number>();
  for (const flag of flags) counts.set(flag.attribute, (counts.get(flag.attribute) ?? 0) + 1);
  const options = [
    { value: '', label: `Tất cả (${flags.length})` },
    ...[...counts.entries()].map(([value, count]) => ({
      value,
      label: `${labelOf(flagAttributeLabels, value)} (${count})`,
    })),
  ];
  const shown = attribute ? flags.filter((flag) => flag.attribute === attribute) : flags;
  const lastPage = Math.max(1, Math.ceil(shown.length / pageSize));
  const current = Math.min(page, lastPage);
  const pageItems = shown.slice((current - 1) * pageSize, current * pageSize);

  const choose = (value: string) => {
    setPage(1);
    setParams(value ? { loai: value } : {});
  };

  return (
    <>
      <PageHeader title="Dữ liệu cần xác nhận" />
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <Form.Item
            label="Loại dữ liệu"
            htmlFor="flag-attribute"
            style={{ maxWidth: 420 }}
            layout="vertical"
          >
            <Select id="flag-attribute" value={attribute} options={options} onChange={choose} />
          </Form.Item>
          {shown.length === 0 ? (
            <Empty description="Không còn dữ liệu nào cần xác nhận." />
          ) : (
            <>
              <p role="status" aria-live="polite" style={{ color: '#595959' }}>
                {shown.length} mục cần xác nhận
              </p>
              {pageItems.map((flag) => (
                <FlagCard
                  key={flag.id}
                  flag={flag}
                  onResolved={(id) => setData((all) => all?.filter((item) => item.id !== id))}
                />
              ))}
              {shown.length > pageSize ? (
                <Pagination
                  align="center"
                  current={current}
                  pageSize={pageSize}
                  total={shown.length}
                  showSizeChanger={false}
                  onChange={(next) => {
                    setPage(next);
                    window.scrollTo({ top: 0 });
                  }}
                />
              ) : null}
            </>
          )}
        </>
      ) : null}
    </>
  );
}
