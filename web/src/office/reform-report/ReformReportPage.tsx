import { Alert, Button, Card, Descriptions, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  dmy,
  eventLabel,
  figureRows,
  figureText,
  type ReportView,
  statusColor,
  statusLabel,
} from './reformReportTypes';

const BASE = '/api/office/reform-reports';

interface Texts {
  areaTexts: Record<string, string>;
  summary: string;
  difficulties: string;
  proposals: string;
}

/** One agency's yearly report: system figures (read-only), text per task area, submission and review. */
export default function ReformReportPage() {
  const { id } = useParams();
  const { data: report, error, setData } = useApi<ReportView>(`${BASE}/${id}`);
  const [form] = Form.useForm<Texts>();
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [comment, setComment] = useState('');
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!report) return null;

  const run = async (label: string, action: () => Promise<ReportView>, done?: string) => {
    setBusy(label);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const next = await action();
      setData(next);
      form.setFieldsValue(textsOf(next));
      if (done) setNotice(done);
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(undefined);
    }
  };
  const save = () =>
    api.put<ReportView>(`${BASE}/${report.id}`, { version: report.version, ...form.getFieldsValue() });
  const submit = async () => {
    const saved = await save();
    return api.post<ReportView>(`${BASE}/${report.id}/submit`, { version: saved.version });
  };
  const readOnly = !report.can.edit;

  return (
    <>
      <PageHeader title={`Báo cáo CCHC năm ${report.year} — ${report.agency.name}`}>
        <Link to={`/quan-tri/bao-cao-cchc?nam=${report.year}`}>← Báo cáo CCHC năm {report.year}</Link>
      </PageHeader>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Tag color={statusColor[report.status]}>{statusLabel[report.status]}</Tag>
        {report.late ? <Tag color="red">Trễ hạn</Tag> : null}
        <Typography.Text type="secondary">
          Hạn gửi: {dmy(report.deadline)} · {report.plan.title}
        </Typography.Text>
      </Flex>
      {report.status === 'returned' && report.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bộ phận CCHC trả lại báo cáo để chỉnh sửa"
          description={report.reviewComment}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      {notice ? <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}

      <Card
        title="Số liệu do hệ thống tổng hợp"
        style={{ marginBottom: 16 }}
        extra={
          report.can.edit ? (
            <Button
              loading={busy === 'refresh'}
              onClick={() =>
                void run(
                  'refresh',
                  () =>
                    api.post<ReportView>(`${BASE}/${report.id}/refresh-figures`, { version: report.version }),
                  'Đã cập nhật số liệu.',
                )
              }
            >
              Cập nhật số liệu
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          {figureRows.map((f) => (
            <Descriptions.Item key={f.key} label={f.label}>
              {figureText(report.figures, f.key)}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Text type="secondary">
          Số liệu tính ngày {formatVnDateTime(report.figuresAt)}.
        </Typography.Text>
      </Card>

      <Card title="Kết quả thực hiện theo lĩnh vực" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" initialValues={textsOf(report)} disabled={readOnly}>
          {report.areas.map((a) => (
            <Form.Item key={a.id} name={['areaTexts', a.id]} label={`${a.code}. ${a.title}`}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
            </Form.Item>
          ))}
          <Form.Item name="summary" label="Đánh giá chung">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name="difficulties" label="Tồn tại, hạn chế">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name="proposals" label="Kiến nghị, đề xuất">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
        </Form>
        {report.can.edit ? (
          <Flex wrap gap={8}>
            <Button loading={busy === 'save'} onClick={() => void run('save', save, 'Đã lưu báo cáo.')}>
              Lưu
            </Button>
            {report.can.submit ? (
              <Button
                type="primary"
                loading={busy === 'submit'}
                onClick={() => void run('submit', submit, 'Đã gửi báo cáo.')}
              >
                Gửi báo cáo
              </Button>
            ) : (
              <Typography.Text type="secondary">
                Trưởng phòng hoặc lãnh đạo đơn vị gửi báo cáo.
              </Typography.Text>
            )}
          </Flex>
        ) : null}
      </Card>

      {report.can.review ? (
        <Card title="Xem xét báo cáo" style={{ marginBottom: 16 }}>
          <Input.TextArea
            aria-label="Ý kiến của bộ phận CCHC"
            placeholder="Ý kiến khi trả lại báo cáo để chỉnh sửa"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            style={{ marginBottom: 8 }}
          />
          <Flex wrap gap={8}>
            <Button
              danger
              loading={busy === 'return'}
              onClick={() =>
                void run(
                  'return',
                  () =>
                    api.post<ReportView>(`${BASE}/${report.id}/return`, { version: report.version, comment }),
                  'Đã trả lại báo cáo.',
                )
              }
            >
              Trả lại để chỉnh sửa
            </Button>
            <Button
              type="primary"
              loading={busy === 'accept'}
              onClick={() =>
                void run(
                  'accept',
                  () => api.post<ReportView>(`${BASE}/${report.id}/accept`, { version: report.version }),
                  'Đã chấp nhận báo cáo.',
                )
              }
            >
              Chấp nhận
            </Button>
          </Flex>
        </Card>
      ) : null}

      <Card title="Lịch sử">
        <Timeline
          items={report.events.map((e) => ({
            children: (
              <>
                <strong>{eventLabel[e.action] ?? e.action}</strong> — {e.actorName ?? 'Hệ thống'},{' '}
                {formatVnDateTime(e.at)}
                {typeof e.data.comment === 'string' ? <div>Ý kiến: {e.data.comment}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}

function textsOf(r: ReportView): Texts {
  return {
    areaTexts: Object.fromEntries(r.areas.map((a) => [a.id, a.text])),
    summary: r.summary,
    difficulties: r.difficulties,
    proposals: r.proposals,
  };
}
