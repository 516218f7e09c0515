import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { withQuery } from '../../api';
import { filterByLabel, formatDate } from '../../format';
import { optionsOf } from '../../labels';
import { useApi } from '../../useApi';
import { ImportOfficials } from './ImportOfficials';
import { OfficialForm } from './OfficialForm';
import {
  categoryLabels,
  type DegreeLevel,
  degreeLabels,
  type Official,
  type StaffAgencies,
} from './staffTypes';

const statusOptions = [
  { value: 'serving', label: 'Đang công tác' },
  { value: 'left', label: 'Đã thôi việc' },
  { value: 'all', label: 'Tất cả' },
];
const trainedOptions = [
  { value: 'yes', label: 'Đã tập huấn phần mềm DVC' },
  { value: 'no', label: 'Chưa tập huấn phần mềm DVC' },
];

/** The officials register with filters, add/edit and the Excel import. */
export function OfficialsTab() {
  const agencies = useApi<StaffAgencies>('/api/office/staff/agencies');
  const [agencyId, setAgencyId] = useState<string>();
  const [status, setStatus] = useState('serving');
  const [q, setQ] = useState('');
  const [degreeLevel, setDegreeLevel] = useState<DegreeLevel>();
  const [trainedOnline, setTrainedOnline] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Official | null | undefined>(undefined);
  const list = useApi<{ total: number; items: Official[] }>(
    withQuery('/api/office/staff/officials', {
      agencyId,
      status,
      q,
      degreeLevel,
      trainedOnline,
      page,
      pageSize: 20,
    }),
  );
  const canManage = Boolean(agencies.data?.agencies.some((a) => a.canManage));
  const reset = () => setPage(1);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="Cơ quan, đơn vị"
          aria-label="Cơ quan, đơn vị"
          style={{ minWidth: 280 }}
          value={agencyId}
          onChange={(v) => {
            setAgencyId(v);
            reset();
          }}
          showSearch={{ filterOption: filterByLabel }}
          options={agencies.data?.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          aria-label="Tình trạng"
          value={status}
          onChange={(v) => {
            setStatus(v);
            reset();
          }}
          options={statusOptions}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder="Trình độ"
          aria-label="Trình độ"
          value={degreeLevel}
          onChange={(v) => {
            setDegreeLevel(v);
            reset();
          }}
          options={optionsOf(degreeLabels)}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder="Tập huấn phần mềm DVC"
          aria-label="Tập huấn phần mềm DVC"
          value={trainedOnline}
          onChange={(v) => {
            setTrainedOnline(v);
            reset();
          }}
          options={trainedOptions}
          style={{ width: 240 }}
        />
        <Input.Search
          allowClear
          placeholder="Tìm theo họ tên"
          aria-label="Tìm theo họ tên"
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v);
            reset();
          }}
        />
        {canManage ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              Thêm cán bộ
            </Button>
            <ImportOfficials onImported={list.reload} />
          </>
        ) : null}
      </Flex>
      {list.error ? (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Official>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => `${total} cán bộ`,
        }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Ngày sinh', dataIndex: 'birthDate', render: formatDate, width: 110 },
          { title: 'Cơ quan, đơn vị', dataIndex: 'agencyName' },
          { title: 'Chức vụ', dataIndex: 'position' },
          {
            title: 'Ngạch, loại',
            dataIndex: 'category',
            render: (v: Official['category']) => categoryLabels[v],
          },
          { title: 'Trình độ', dataIndex: 'degreeLevel', render: (v: DegreeLevel) => degreeLabels[v] },
          {
            title: 'Phần mềm DVC',
            dataIndex: 'trainedOnline',
            render: (v: boolean) =>
              v ? <Tag color="green">Đã tập huấn</Tag> : <Tag color="orange">Chưa tập huấn</Tag>,
          },
          {
            title: 'Công tác',
            key: 'period',
            render: (_, o) => `${formatDate(o.startDate)} – ${o.endDate ? formatDate(o.endDate) : 'nay'}`,
          },
          {
            title: '',
            key: 'actions',
            render: (_, o) =>
              o.canEdit ? (
                <Button size="small" onClick={() => setEditing(o)} aria-label={`Sửa ${o.fullName}`}>
                  Sửa
                </Button>
              ) : null,
          },
        ]}
      />
      {editing !== undefined && agencies.data ? (
        <OfficialForm
          official={editing}
          agencies={agencies.data.agencies}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
