import { Alert, App, Button, Descriptions, Drawer, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { api, errorMessage, withQuery } from '../../api';
import { filterByLabel, formatDate } from '../../format';
import { optionsOf } from '../../labels';
import { useApi } from '../../useApi';
import {
  type Course,
  type Official,
  type Participant,
  resultLabels,
  type StaffAgencies,
  type TrainingResult,
} from './staffTypes';

type Detail = { course: Course; participants: Participant[] };

/** One course: its participants and their results; officials of agencies I manage can be added. */
export function CourseDrawer({
  courseId,
  onClose,
  onChanged,
}: {
  courseId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const detail = useApi<Detail>(`/api/office/staff/courses/${courseId}`);
  const agencies = useApi<StaffAgencies>('/api/office/staff/agencies');
  const manageable = agencies.data?.agencies.filter((a) => a.canManage) ?? [];
  const [agencyId, setAgencyId] = useState<string>();
  const [picked, setPicked] = useState<string[]>([]);
  const [result, setResult] = useState<TrainingResult>('completed');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const candidates = useApi<{ items: Official[] }>(
    agencyId ? withQuery('/api/office/staff/officials', { agencyId, pageSize: 200 }) : null,
  );

  const save = async (participants: { officialId: string; result: TrainingResult }[]) => {
    setSaving(true);
    setProblem(undefined);
    try {
      detail.setData(
        await api.put<Detail>(`/api/office/staff/courses/${courseId}/participants`, { participants }),
      );
      message.success('Đã ghi kết quả học tập.');
      setPicked([]);
      onChanged();
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const course = detail.data?.course;
  return (
    <Drawer open onClose={onClose} title={course?.name ?? 'Lớp đào tạo, bồi dưỡng'} size="large">
      {detail.error ? <Alert type="error" showIcon title={detail.error.message} /> : null}
      {course ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="Chủ đề">{course.topicLabel}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị tổ chức">{course.organiser}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(course.startDate)} – {formatDate(course.endDate)}
          </Descriptions.Item>
          {course.location ? <Descriptions.Item label="Địa điểm">{course.location}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {manageable.length > 0 ? (
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select
            placeholder="Cơ quan của học viên"
            aria-label="Cơ quan của học viên"
            style={{ minWidth: 260 }}
            value={agencyId}
            onChange={(v) => {
              setAgencyId(v);
              setPicked([]);
            }}
            showSearch={{ filterOption: filterByLabel }}
            options={manageable.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            mode="multiple"
            placeholder="Chọn học viên"
            aria-label="Chọn học viên"
            style={{ minWidth: 300 }}
            value={picked}
            onChange={setPicked}
            showSearch={{ filterOption: filterByLabel }}
            loading={candidates.loading}
            options={candidates.data?.items.map((o) => ({ value: o.id, label: o.fullName }))}
          />
          <Select
            aria-label="Kết quả"
            value={result}
            onChange={setResult}
            options={optionsOf(resultLabels)}
            style={{ width: 170 }}
          />
          <Button
            type="primary"
            disabled={picked.length === 0}
            loading={saving}
            onClick={() => void save(picked.map((officialId) => ({ officialId, result })))}
          >
            Ghi nhận học viên
          </Button>
        </Flex>
      ) : null}
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Participant>
        rowKey="officialId"
        size="small"
        loading={detail.loading}
        dataSource={detail.data?.participants}
        pagination={false}
        aria-label="Học viên"
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Cơ quan, đơn vị', dataIndex: 'agencyName' },
          {
            title: 'Kết quả',
            dataIndex: 'result',
            render: (value: TrainingResult, p) =>
              p.canEdit ? (
                <Select
                  size="small"
                  aria-label={`Kết quả của ${p.fullName}`}
                  value={value}
                  options={optionsOf(resultLabels)}
                  onChange={(next) => void save([{ officialId: p.officialId, result: next }])}
                  style={{ width: 170 }}
                />
              ) : (
                resultLabels[value]
              ),
          },
        ]}
      />
    </Drawer>
  );
}
