import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  type DayOff,
  deleteScheduleRow,
  formatCivilDay,
  holidayKindColors,
  holidayKindLabels,
  type ScheduleRow,
  scheduleTypeLabels,
  statutoryLabels,
} from './calendarTypes';
import { ScheduleEntryForm } from './ScheduleEntryForm';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

const dayOffColumns: TableProps<DayOff>['columns'] = [
  { key: 'date', title: 'Ngày', dataIndex: 'date', render: formatCivilDay, width: 170 },
  { key: 'name', title: 'Tên ngày', dataIndex: 'name' },
  {
    key: 'kind',
    title: 'Loại',
    dataIndex: 'kind',
    width: 170,
    render: (kind: DayOff['kind']) => (
      <Tag color={holidayKindColors[kind]}>{holidayKindLabels[kind] ?? kind}</Tag>
    ),
  },
  {
    key: 'instrument',
    title: 'Văn bản',
    dataIndex: 'instrument',
    render: (value: string | undefined, row) =>
      value ||
      (row.kind === 'extra_day_off' ? (
        '—'
      ) : (
        <Typography.Text type="secondary">Bộ luật Lao động 2019</Typography.Text>
      )),
  },
];

export default function CalendarAdminPage() {
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  const { message } = App.useApp();
  const holidays = useApi<DayOff[]>(`/api/calendar/holidays?year=${year}`);
  const schedule = useApi<ScheduleRow[]>(`/api/admin/calendar/schedule?year=${year}`);
  const [deleting, setDeleting] = useState<string | null>(null);

  const refresh = () => {
    holidays.reload();
    schedule.reload();
  };

  const remove = async (row: ScheduleRow) => {
    setDeleting(row.id);
    try {
      await deleteScheduleRow(row.id);
      message.success(`Đã xóa ngày ${formatCivilDay(row.date)} khỏi lịch chính thức.`);
      refresh();
    } catch (cause) {
      message.error(errorMessage(cause));
    } finally {
      setDeleting(null);
    }
  };

  const yearOptions = Array.from({ length: 11 }, (_, i) => currentYear - 5 + i)
    .concat(year < currentYear - 5 || year > currentYear + 5 ? [year] : [])
    .sort((a, b) => a - b)
    .map((value) => ({ value, label: `Năm ${value}` }));

  const scheduleColumns: TableProps<ScheduleRow>['columns'] = [
    { key: 'date', title: 'Ngày', dataIndex: 'date', render: formatCivilDay, width: 170 },
    {
      key: 'type',
      title: 'Loại',
      dataIndex: 'type',
      width: 160,
      render: (type: ScheduleRow['type']) => (
        <Tag color={type === 'day_off' ? 'red' : 'green'}>{scheduleTypeLabels[type] ?? type}</Tag>
      ),
    },
    {
      key: 'name',
      title: 'Tên ngày',
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          {name}
          {row.statutory ? (
            <div>
              <Typography.Text type="secondary">
                Thuộc kỳ nghỉ {statutoryLabels[row.statutory]}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { key: 'instrument', title: 'Số hiệu văn bản', dataIndex: 'instrument' },
    {
      key: 'actions',
      title: 'Thao tác',
      width: 90,
      render: (_, row) => (
        <Popconfirm
          title="Xóa ngày này khỏi lịch chính thức?"
          description="Hạn giải quyết của các hồ sơ đang xử lý sẽ được tính lại."
          okText="Xóa"
          cancelText="Hủy"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(row)}
        >
          <Button
            danger
            size="small"
            icon={<DeleteOutlined />}
            loading={deleting === row.id}
            aria-label={`Xóa ngày ${formatCivilDay(row.date)}`}
          >
            Xóa
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Lịch nghỉ lễ, Tết"
        extra={
          <Flex gap={4} align="center">
            <Button icon={<LeftOutlined />} aria-label="Năm trước" onClick={() => setYear((y) => y - 1)} />
            <Select
              aria-label="Chọn năm"
              value={year}
              options={yearOptions}
              onChange={setYear}
              style={{ width: 120 }}
            />
            <Button icon={<RightOutlined />} aria-label="Năm sau" onClick={() => setYear((y) => y + 1)} />
          </Flex>
        }
      >
        <Typography.Text type="secondary">
          Ngày nghỉ dùng để tính hạn giải quyết hồ sơ: ngày lễ, Tết theo Bộ luật Lao động và lịch nghỉ chính
          thức do cơ quan có thẩm quyền thông báo.
        </Typography.Text>
      </PageHeader>

      <Card title={heading(`Các ngày nghỉ năm ${year}`)} size="small">
        {holidays.error ? <ErrorState error={holidays.error} onRetry={holidays.reload} /> : null}
        <Table<DayOff>
          aria-label={`Các ngày nghỉ năm ${year}`}
          rowKey="date"
          size="small"
          columns={dayOffColumns}
          dataSource={holidays.data ?? []}
          loading={holidays.loading}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: 'Không có ngày nghỉ nào.' }}
        />
      </Card>

      <Card title={heading(`Lịch chính thức năm ${year}`)} size="small" style={{ marginTop: 24 }}>
        {schedule.error ? <ErrorState error={schedule.error} onRetry={schedule.reload} /> : null}
        <Table<ScheduleRow>
          aria-label={`Lịch chính thức năm ${year}`}
          rowKey="id"
          size="small"
          columns={scheduleColumns}
          dataSource={schedule.data ?? []}
          loading={schedule.loading}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: 'Chưa có dòng lịch chính thức nào trong năm này.' }}
        />
      </Card>

      <Card title={heading('Thêm ngày vào lịch chính thức')} size="small" style={{ marginTop: 24 }}>
        <ScheduleEntryForm
          onAdded={(date) => {
            const added = Number(date.slice(0, 4));
            if (added && added !== year) setYear(added);
            else refresh();
          }}
        />
      </Card>
    </>
  );
}
