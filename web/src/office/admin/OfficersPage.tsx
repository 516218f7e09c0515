import { Card } from 'antd';
import { ErrorState } from '../../components/ErrorState';
import type { Officer } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { CreateOfficerForm } from './CreateOfficerForm';
import { OfficerIdentityLinks } from './OfficerIdentityLinks';
import { OfficersTable } from './OfficersTable';

export default function OfficersPage() {
  const { data, error, loading, reload, setData } = useApi<Officer[]>('/api/admin/users');
  return (
    <>
      <PageHeader title="Cán bộ" />
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      <OfficersTable officers={data ?? []} loading={loading} />
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>Tạo tài khoản cán bộ</h2>}
        style={{ marginTop: 24 }}
        size="small"
      >
        <CreateOfficerForm onCreated={(officer) => setData((all) => [officer, ...(all ?? [])])} />
      </Card>
      <OfficerIdentityLinks officers={data ?? []} />
    </>
  );
}
