import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { filterByLabel, formatVnDate, formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type Attendance, attendanceLabels, type MeetingView } from './meetingTypes';

/** The meeting page: agenda and conclusions, documents with read status, attendance and assigned tasks. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const meeting = useApi<MeetingView>(`/api/office/meetings/${id}`);
  const [error, setError] = useState<unknown>();
  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await action();
      message.success(done);
      meeting.reload();
      return true;
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.status === 409) meeting.reload();
      return false;
    }
  };
  if (meeting.error) return <ErrorState error={meeting.error} onRetry={meeting.reload} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <>
      <PageHeader
        title={m.title}
        extra={m.canManage ? <ButtonLink to={`/quan-tri/hop/${m.id}/sua`}>Sửa cuộc họp</ButtonLink> : null}
      >
        <Link to="/quan-tri/hop">← Họp không giấy</Link>
      </PageHeader>
      <FormError error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title="Thông tin cuộc họp" size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'agency', label: 'Cơ quan tổ chức', children: m.agencyName },
                {
                  key: 'time',
                  label: 'Thời gian',
                  children: `${formatVnDateTime(m.startsAt)}${m.endsAt ? ` – ${formatVnDateTime(m.endsAt)}` : ''}`,
                },
                { key: 'place', label: 'Địa điểm', children: m.place },
                {
                  key: 'link',
                  label: 'Họp trực tuyến',
                  children: m.onlineLink ? (
                    <a
                      href={m.onlineLink}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="wrap-anywhere"
                    >
                      Vào phòng họp trực tuyến
                    </a>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
            {m.invited ? (
              m.myConfirmedAt ? (
                <Alert
                  type="success"
                  showIcon
                  message={`Bạn đã xác nhận tham dự lúc ${formatVnDateTime(m.myConfirmedAt)}.`}
                />
              ) : (
                <Button
                  type="primary"
                  onClick={() =>
                    act(() => api.post(`/api/office/meetings/${m.id}/confirm`), 'Đã xác nhận tham dự.')
                  }
                >
                  Xác nhận tham dự
                </Button>
              )
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <AttendanceCard m={m} act={act} />
        </Col>
        <Col xs={24}>
          <DocumentsCard m={m} act={act} />
        </Col>
        <Col xs={24}>
          <AgendaCard m={m} act={act} />
        </Col>
        <Col xs={24}>
          <TasksCard m={m} act={act} />
        </Col>
      </Row>
    </>
  );
}

type Act = (action: () => Promise<unknown>, done: string) => Promise<boolean>;

function AttendanceCard({ m, act }: { m: MeetingView; act: Act }) {
  const [draft, setDraft] = useState<Record<string, Attendance>>({});
  const value = (userId: string, current: Attendance) => draft[userId] ?? current;
  return (
    <Card title="Thành phần và điểm danh" size="small">
      <List
        size="small"
        dataSource={m.participants}
        locale={{ emptyText: 'Chưa mời ai.' }}
        renderItem={(p) => (
          <List.Item>
            <Space direction="vertical" size={0} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong>{p.fullName}</Typography.Text>
              <Typography.Text type="secondary" className="wrap-anywhere">
                {p.agencies}
              </Typography.Text>
              {p.confirmedAt ? <Typography.Text type="success">Đã xác nhận tham dự</Typography.Text> : null}
            </Space>
            {m.canManage ? (
              <Select
                aria-label={`Điểm danh ${p.fullName}`}
                style={{ width: 160 }}
                value={value(p.userId, p.attendance)}
                onChange={(v) => setDraft((d) => ({ ...d, [p.userId]: v }))}
                options={Object.entries(attendanceLabels).map(([v, l]) => ({ value: v, label: l.label }))}
              />
            ) : (
              <Tag color={attendanceLabels[p.attendance].color}>{attendanceLabels[p.attendance].label}</Tag>
            )}
          </List.Item>
        )}
      />
      {m.canManage && Object.keys(draft).length ? (
        <Button
          type="primary"
          onClick={async () => {
            const entries = Object.entries(draft).map(([userId, attendance]) => ({ userId, attendance }));
            if (
              await act(
                () => api.put(`/api/office/meetings/${m.id}/attendance`, { entries }),
                'Đã lưu điểm danh.',
              )
            )
              setDraft({});
          }}
        >
          Lưu điểm danh
        </Button>
      ) : null}
    </Card>
  );
}

function DocumentsCard({ m, act }: { m: MeetingView; act: Act }) {
  const [title, setTitle] = useState('');
  const upload = (path: string, file: File, done: string) => act(() => api.upload(path, file), done);
  return (
    <Card title="Tài liệu họp" size="small">
      {m.canManage ? (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input
            aria-label="Tên tài liệu"
            placeholder="Tên tài liệu (ví dụ: Báo cáo tháng)"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Upload
            accept="application/pdf,image/png,image/jpeg"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(
                `/api/office/meetings/${m.id}/documents?title=${encodeURIComponent(title)}`,
                file,
                'Đã phát hành tài liệu.',
              ).then((ok) => ok && setTitle(''));
              return false;
            }}
          >
            <Button type="primary" disabled={title.trim().length < 2}>
              Tải tài liệu lên
            </Button>
          </Upload>
        </Space.Compact>
      ) : null}
      <List
        dataSource={m.documents}
        locale={{ emptyText: 'Chưa có tài liệu.' }}
        renderItem={(d) => (
          <List.Item style={{ display: 'block' }}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>{d.title}</Typography.Text>
              {m.canManage ? (
                <Upload
                  accept="application/pdf,image/png,image/jpeg"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(
                      `/api/office/meetings/${m.id}/documents/${d.id}/versions`,
                      file,
                      'Đã tải lên phiên bản mới.',
                    );
                    return false;
                  }}
                >
                  <Button size="small">Tải phiên bản mới</Button>
                </Upload>
              ) : null}
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.versions}
              scroll={{ x: 560 }}
              columns={[
                { title: 'Phiên bản', dataIndex: 'versionNo', width: 90, render: (n: number) => `Bản ${n}` },
                {
                  title: 'Tệp',
                  render: (_, v) => (
                    <a
                      href={`/api/office/meetings/${m.id}/versions/${v.id}/file`}
                      target="_blank"
                      rel="noreferrer"
                      onClick={() => setTimeout(() => act(async () => {}, 'Đã mở tài liệu.'), 800)}
                    >
                      {v.name}
                    </a>
                  ),
                },
                { title: 'Ngày phát hành', width: 150, render: (_, v) => formatVnDateTime(v.uploadedAt) },
                {
                  title: 'Tình trạng đọc',
                  render: (_, v) =>
                    m.canManage ? (
                      <ReadStatus m={m} reads={v.reads} />
                    ) : v.readByMe ? (
                      <Tag color="green">Đã đọc {formatVnDateTime(v.readByMe)}</Tag>
                    ) : (
                      <Tag>Chưa đọc</Tag>
                    ),
                },
              ]}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function ReadStatus({
  m,
  reads,
}: {
  m: MeetingView;
  reads: MeetingView['documents'][number]['versions'][number]['reads'];
}) {
  const byUser = new Map(reads.map((r) => [r.userId, r]));
  return (
    <Space wrap size={4}>
      {m.participants.map((p) => {
        const r = byUser.get(p.userId);
        return r ? (
          <Tag
            key={p.userId}
            color="green"
            title={`Lần đầu ${formatVnDateTime(r.firstReadAt)}, ${r.readCount} lần`}
          >
            {p.fullName}: đã đọc {formatVnDateTime(r.firstReadAt)}
          </Tag>
        ) : (
          <Tag key={p.userId}>{p.fullName}: chưa đọc</Tag>
        );
      })}
    </Space>
  );
}

function AgendaCard({ m, act }: { m: MeetingView; act: Act }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <Card title="Chương trình và kết luận" size="small">
      <List
        dataSource={m.agenda}
        renderItem={(a) => (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text strong>
              {a.ordinal}. {a.title}
            </Typography.Text>
            {a.presenter ? <Typography.Text type="secondary"> — {a.presenter}</Typography.Text> : null}
            {m.canManage ? (
              <Space direction="vertical" style={{ width: '100%', marginTop: 6 }}>
                <Input.TextArea
                  aria-label={`Kết luận nội dung ${a.ordinal}`}
                  rows={2}
                  value={drafts[a.id] ?? a.conclusion ?? ''}
                  onChange={(e) => setDrafts((d) => ({ ...d, [a.id]: e.target.value }))}
                />
                <Button
                  size="small"
                  disabled={drafts[a.id] === undefined}
                  onClick={async () => {
                    const ok = await act(
                      () =>
                        api.put(`/api/office/meetings/${m.id}/agenda/${a.id}/conclusion`, {
                          version: m.version,
                          conclusion: drafts[a.id] ?? '',
                        }),
                      'Đã lưu kết luận.',
                    );
                    if (ok) setDrafts(({ [a.id]: _, ...rest }) => rest);
                  }}
                >
                  Lưu kết luận
                </Button>
              </Space>
            ) : (
              <Typography.Paragraph style={{ marginTop: 6 }}>
                {a.conclusion ? `Kết luận: ${a.conclusion}` : 'Chưa có kết luận.'}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

function TasksCard({ m, act }: { m: MeetingView; act: Act }) {
  const agencies = useApi<{ id: string; name: string }[]>('/api/agencies', { shared: true });
  const plans = useApi<{ items: { id: string; title: string }[] }>(
    m.canManage ? '/api/office/reform-plans' : null,
  );
  const [planId, setPlanId] = useState<string>();
  const planTasks = useApi<{ items: { id: string; description: string }[] }>(
    planId ? `/api/office/reform-plans/${planId}/tasks` : null,
  );
  const [draft, setDraft] = useState<{
    agendaItemId?: string;
    description: string;
    agencyId?: string;
    dueDate: string;
    reformTaskId?: string;
  }>({ description: '', dueDate: '' });
  const itemTitle = new Map(m.agenda.map((a) => [a.id, `${a.ordinal}. ${a.title}`]));
  return (
    <Card title="Nhiệm vụ được giao" size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={m.tasks}
        scroll={{ x: 640 }}
        locale={{ emptyText: 'Chưa giao nhiệm vụ.' }}
        columns={[
          { title: 'Nội dung', dataIndex: 'description' },
          { title: 'Theo kết luận', width: 200, render: (_, t) => itemTitle.get(t.agendaItemId) },
          { title: 'Cơ quan thực hiện', dataIndex: 'agencyName', width: 200 },
          { title: 'Hạn', dataIndex: 'dueDate', width: 110, render: (d: string) => formatVnDate(d) },
          {
            title: 'Kế hoạch CCHC',
            width: 200,
            render: (_, t) =>
              t.reformTask ? (
                <Link to={`/quan-tri/ke-hoach-cchc/nhiem-vu/${t.reformTask.id}`}>
                  {t.reformTask.description}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: 'Trạng thái',
            width: 140,
            render: (_, t) =>
              m.canManage ? (
                <Button
                  size="small"
                  onClick={() =>
                    act(
                      () =>
                        api.put(`/api/office/meetings/${m.id}/tasks/${t.id}/status`, {
                          status: t.status === 'done' ? 'open' : 'done',
                        }),
                      'Đã cập nhật nhiệm vụ.',
                    )
                  }
                >
                  {t.status === 'done' ? 'Đã xong' : 'Đang thực hiện'}
                </Button>
              ) : t.status === 'done' ? (
                'Đã xong'
              ) : (
                'Đang thực hiện'
              ),
          },
        ]}
      />
      {m.canManage ? (
        <Space wrap style={{ marginTop: 12 }} align="end">
          <Select
            aria-label="Theo kết luận của nội dung"
            placeholder="Theo kết luận của nội dung"
            style={{ width: 240 }}
            value={draft.agendaItemId}
            onChange={(agendaItemId) => setDraft((d) => ({ ...d, agendaItemId }))}
            options={m.agenda.map((a) => ({ value: a.id, label: `${a.ordinal}. ${a.title}` }))}
          />
          <Input
            aria-label="Nội dung nhiệm vụ"
            placeholder="Nội dung nhiệm vụ"
            style={{ width: 280 }}
            value={draft.description}
            onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          />
          <Select
            aria-label="Cơ quan thực hiện"
            placeholder="Cơ quan thực hiện"
            showSearch
            filterOption={filterByLabel}
            style={{ width: 260 }}
            value={draft.agencyId}
            onChange={(agencyId) => setDraft((d) => ({ ...d, agencyId }))}
            options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <Input
            aria-label="Hạn hoàn thành"
            type="date"
            style={{ width: 160 }}
            value={draft.dueDate}
            onChange={(e) => setDraft((d) => ({ ...d, dueDate: e.target.value }))}
          />
          <Select
            aria-label="Kế hoạch CCHC"
            placeholder="Kế hoạch CCHC (không bắt buộc)"
            allowClear
            style={{ width: 240 }}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setDraft((d) => ({ ...d, reformTaskId: undefined }));
            }}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
          {planId ? (
            <Select
              aria-label="Nhiệm vụ trong kế hoạch"
              placeholder="Nhiệm vụ trong kế hoạch"
              allowClear
              showSearch
              filterOption={filterByLabel}
              style={{ width: 280 }}
              value={draft.reformTaskId}
              onChange={(reformTaskId) => setDraft((d) => ({ ...d, reformTaskId }))}
              options={(planTasks.data?.items ?? []).map((t) => ({ value: t.id, label: t.description }))}
            />
          ) : null}
          <Button
            type="primary"
            onClick={async () => {
              const ok = await act(
                () => api.post(`/api/office/meetings/${m.id}/tasks`, { ...draft, version: m.version }),
                'Đã giao nhiệm vụ.',
              );
              if (ok) setDraft({ description: '', dueDate: '' });
            }}
          >
            Giao nhiệm vụ
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
