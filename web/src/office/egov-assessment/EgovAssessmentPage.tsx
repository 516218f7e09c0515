import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  type AssessmentRow,
  type AssessmentView,
  formatValue,
  gapCells,
  kindLabel,
  statusColor,
  statusLabel,
} from './egovTypes';

type Entry = { value: number | null; evidence: string };

/** One self-assessment: the system's figures, the values entered with evidence, score, gaps, submit and review. */
export default function EgovAssessmentPage() {
  const { id = '' } = useParams();
  const state = useApi<AssessmentView>(`/api/office/egov-assessments/${id}`);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [problem, setProblem] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const a = state.data;
  useEffect(() => {
    if (!a) return;
    setEntries(
      Object.fromEntries(a.criteria.map((c) => [c.id, { value: c.value, evidence: c.evidence ?? '' }])),
    );
  }, [a]);
  if (state.error) return <Alert type="error" showIcon title={state.error.message} />;
  const set = (criterionId: string, patch: Partial<Entry>) =>
    setEntries((old) => ({
      ...old,
      [criterionId]: { ...(old[criterionId] ?? { value: null, evidence: '' }), ...patch },
    }));
  const run = async (work: () => Promise<AssessmentView>, done: string) => {
    setBusy(true);
    setProblem(undefined);
    setMessage(undefined);
    try {
      state.setData(await work());
      setMessage(done);
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  const values = () =>
    (a?.criteria ?? []).map((c) => ({
      criterionId: c.id,
      value: c.kind === 'system' ? null : (entries[c.id]?.value ?? null),
      evidence: entries[c.id]?.evidence.trim() || null,
    }));
  const save = () =>
    a &&
    run(
      () =>
        api.put<AssessmentView>(`/api/office/egov-assessments/${a.id}/values`, {
          version: a.version,
          values: values(),
        }),
      'Đã lưu.',
    );
  const submit = () =>
    a &&
    run(async () => {
      const saved = await api.put<AssessmentView>(`/api/office/egov-assessments/${a.id}/values`, {
        version: a.version,
        values: values(),
      });
      return api.post<AssessmentView>(`/api/office/egov-assessments/${a.id}/submit`, {
        version: saved.version,
      });
    }, 'Đã gửi bản tự đánh giá đến bộ phận cải cách hành chính.');

  const valueInput = (c: AssessmentRow) => {
    const entry = entries[c.id];
    if (c.kind === 'system')
      return (
        <>
          <strong>{formatValue('number', c.value, c.unit)}</strong>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            Số liệu hệ thống: {c.sourceLabel} — {c.systemDetail ?? 'đã chốt khi gửi'}
          </Typography.Paragraph>
        </>
      );
    if (!a?.canEdit) return formatValue(c.kind, c.value, c.unit);
    if (c.kind === 'yes_no')
      return (
        <Select
          aria-label={`Giá trị tiêu chí ${c.code}`}
          value={entry?.value ?? undefined}
          onChange={(v: number) => set(c.id, { value: v })}
          options={[
            { value: 1, label: 'Có' },
            { value: 0, label: 'Không' },
          ]}
          placeholder="Chọn"
          style={{ width: 110 }}
        />
      );
    return (
      <InputNumber
        aria-label={`Giá trị tiêu chí ${c.code}`}
        value={entry?.value ?? null}
        onChange={(v) => set(c.id, { value: typeof v === 'number' ? v : null })}
        min={0}
        max={c.kind === 'level' ? (c.maxLevel ?? 4) : c.unit === '%' ? 100 : undefined}
        precision={c.kind === 'level' ? 0 : undefined}
        addonAfter={c.unit || undefined}
        style={{ width: 160 }}
      />
    );
  };

  return (
    <>
      <PageHeader
        title={a ? `Tự đánh giá chính quyền điện tử năm ${a.year}` : 'Tự đánh giá chính quyền điện tử'}
      >
        <Link to={`/quan-tri/chinh-quyen-dien-tu${a ? `?nam=${a.year}` : ''}`}>
          ← Danh sách bản tự đánh giá
        </Link>
      </PageHeader>
      {a ? (
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Cơ quan, đơn vị">{a.subjectName}</Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <Tag color={statusColor[a.status]}>{statusLabel[a.status]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="Điểm tự đánh giá">
                <strong data-testid="egov-score">{a.score ?? '—'}</strong>/100
              </Descriptions.Item>
              {a.submittedAt ? (
                <Descriptions.Item label="Gửi lúc">
                  {formatVnDateTime(a.submittedAt)} — {a.submittedByName}
                </Descriptions.Item>
              ) : null}
              {a.reviewedAt ? (
                <Descriptions.Item label="Thẩm định">
                  {formatVnDateTime(a.reviewedAt)} — {a.reviewedByName}
                  {a.reviewNote ? `: ${a.reviewNote}` : ''}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
          {message ? <Alert type="success" showIcon title={message} /> : null}
          <Card size="small" title="Tiêu chí đánh giá">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.criteria}
              scroll={{ x: 900 }}
              columns={[
                { title: 'Số TT', dataIndex: 'code', width: 60 },
                {
                  title: 'Tiêu chí',
                  key: 'title',
                  render: (_, c) => (
                    <>
                      <Typography.Text type="secondary">{c.groupName}</Typography.Text>
                      <div>{c.title}</div>
                      <Typography.Text type="secondary">
                        {kindLabel[c.kind]} · chỉ tiêu{' '}
                        {formatValue(c.kind === 'system' ? 'number' : c.kind, c.target, c.unit)} · trọng số{' '}
                        {c.weight}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: 'Giá trị', key: 'value', width: 260, render: (_, c) => valueInput(c) },
                {
                  title: 'Minh chứng',
                  key: 'evidence',
                  width: 260,
                  render: (_, c) =>
                    a.canEdit ? (
                      <Input.TextArea
                        aria-label={`Minh chứng tiêu chí ${c.code}`}
                        value={entries[c.id]?.evidence ?? ''}
                        onChange={(e) => set(c.id, { evidence: e.target.value })}
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={2000}
                        placeholder="Số, ngày văn bản; đường dẫn; mô tả"
                      />
                    ) : (
                      (c.evidence ?? '—')
                    ),
                },
              ]}
            />
            {a.canEdit ? (
              <Flex gap={8} style={{ marginTop: 12 }}>
                <Button loading={busy} onClick={() => void save()}>
                  Lưu
                </Button>
                <Button type="primary" loading={busy} onClick={() => void submit()}>
                  Gửi bộ phận CCHC
                </Button>
              </Flex>
            ) : null}
            {a.canReview ? (
              <Button type="primary" style={{ marginTop: 12 }} onClick={() => setReviewing(true)}>
                Thẩm định
              </Button>
            ) : null}
          </Card>
          <Card size="small" title="Tiêu chí chưa đạt (tồn tại, hạn chế)">
            <Table
              rowKey="criterionId"
              size="small"
              pagination={false}
              dataSource={a.gaps}
              locale={{ emptyText: 'Đạt tất cả tiêu chí.' }}
              columns={[
                { title: 'Số TT', dataIndex: 'code', width: 60 },
                { title: 'Tiêu chí', dataIndex: 'title' },
                { title: 'Chỉ tiêu', key: 'target', render: (_, g) => gapCells(g).target },
                {
                  title: 'Đạt được',
                  key: 'value',
                  render: (_, g) => gapCells(g).value,
                },
                {
                  title: 'Còn thiếu',
                  key: 'short',
                  render: (_, g) => gapCells(g).shortfall,
                },
              ]}
            />
          </Card>
          {reviewing ? (
            <ReviewModal
              assessment={a}
              onClose={() => setReviewing(false)}
              onDone={(v) => {
                setReviewing(false);
                state.setData(v);
              }}
            />
          ) : null}
        </Flex>
      ) : null}
    </>
  );
}

function ReviewModal({
  assessment,
  onClose,
  onDone,
}: {
  assessment: AssessmentView;
  onClose: () => void;
  onDone: (v: AssessmentView) => void;
}) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const send = async (decision: 'accept' | 'return') => {
    try {
      onDone(
        await api.post<AssessmentView>(`/api/office/egov-assessments/${assessment.id}/review`, {
          version: assessment.version,
          decision,
          note: note.trim() || null,
        }),
      );
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  return (
    <Modal
      open
      title={`Thẩm định: ${assessment.subjectName}`}
      onCancel={onClose}
      footer={[
        <Button key="return" danger onClick={() => void send('return')}>
          Trả lại để bổ sung
        </Button>,
        <Button key="accept" type="primary" onClick={() => void send('accept')}>
          Chấp nhận kết quả
        </Button>,
      ]}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Input.TextArea
        aria-label="Ý kiến thẩm định"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Ý kiến thẩm định (bắt buộc khi trả lại)"
        autoSize={{ minRows: 3 }}
        maxLength={2000}
      />
    </Modal>
  );
}
