import { Alert, Button, Form, Input, InputNumber, Modal, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { EvidenceUpload, type UploadedEvidence } from '../reform-plan/EvidenceUpload';
import { Facts, Muted } from './Facts';
import { buildTree } from './ReformIndexYearPage';
import { indicatorLabel, points, type Sheet, type SheetItem, statusLabel } from './reformIndexTypes';

type Row = SheetItem & { children?: Row[] };
type Action = { kind: 'self' | 'appraisal' | 'response'; item: SheetItem };

/** The scoring sheet of one agency: self-assessment with evidence, the council's appraisal and the response. */
export default function AgencySheetPage() {
  const { id, agencyId } = useParams();
  const path = `/api/office/reform-index/years/${id}/agencies/${agencyId}`;
  const { data: sheet, error, setData } = useApi<Sheet>(path);
  const [action, setAction] = useState<Action | null>(null);
  if (!sheet)
    return error ? <Alert type="error" showIcon title={error.message} /> : <PageHeader title="Đang tải…" />;

  const columns: TableColumnsType<Row> = [
    { title: 'Mục', dataIndex: 'code', width: 100 },
    {
      title: 'Tiêu chí',
      key: 'title',
      render: (_, r) => (
        <>
          {r.parentId === null ? <strong>{r.title}</strong> : r.title}
          {r.kind === 'automatic' || r.kind === 'survey' ? (
            <Muted>
              {r.kind === 'survey'
                ? 'Chỉ số hài lòng qua khảo sát'
                : (indicatorLabel[r.indicatorKey ?? ''] ?? r.indicatorKey)}
              : {r.measuredValue === null ? 'chưa có số liệu' : `${points(r.measuredValue)}%`} →{' '}
              {points(r.computedScore ?? 0)} điểm
            </Muted>
          ) : null}
          {r.guidance && r.kind !== 'group' ? <Muted>Hướng dẫn: {r.guidance}</Muted> : null}
          {r.selfComment ? <div>Đơn vị: {r.selfComment}</div> : null}
          {r.evidence.length > 0 ? (
            <div>
              Minh chứng:{' '}
              {r.evidence.map((f) => (
                <a
                  key={f.fileId}
                  href={`${path}/scores/${r.nodeId}/evidence/${f.fileId}`}
                  target="_blank"
                  rel="noreferrer"
                  style={{ marginRight: 8 }}
                >
                  {f.name}
                </a>
              ))}
            </div>
          ) : null}
          {r.appraisalComment ? <div>Hội đồng: {r.appraisalComment}</div> : null}
          {r.responseComment ? <div>Giải trình: {r.responseComment}</div> : null}
        </>
      ),
    },
    { title: 'Tối đa', dataIndex: 'maxPoints', width: 80, render: (v: number) => points(v) },
    { title: 'Tự chấm', dataIndex: 'selfTotal', width: 90, render: (v: number) => points(v) },
    {
      title: 'Thẩm định',
      key: 'appraised',
      width: 100,
      render: (_, r) => (r.kind === 'group' ? points(r.total) : points(r.appraisedScore)),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 130,
      render: (_, r) => {
        if (r.kind === 'group') return null;
        if (sheet.canSelfScore && r.kind === 'manual')
          return (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'self', item: r })}
              aria-label={`Tự chấm mục ${r.code}`}
            >
              Tự chấm
            </Button>
          );
        if (sheet.canAppraise)
          return (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'appraisal', item: r })}
              aria-label={`Thẩm định mục ${r.code}`}
            >
              Thẩm định
            </Button>
          );
        if (sheet.canRespond && !r.responseComment)
          return (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'response', item: r })}
              aria-label={`Giải trình mục ${r.code}`}
            >
              Giải trình
            </Button>
          );
        return null;
      },
    },
  ];

  return (
    <>
      <PageHeader title={`Chỉ số CCHC năm ${sheet.year} — ${sheet.agency.name}`}>
        <Link to={`/quan-tri/chi-so-cchc/${id}`}>← Kỳ đánh giá</Link>
      </PageHeader>
      <Facts
        items={[
          { key: 'status', label: 'Bước', children: statusLabel[sheet.status] },
          {
            key: 'self',
            label: 'Tự chấm',
            children: `${points(sheet.selfTotal)} / ${points(sheet.maxTotal)}`,
          },
          {
            key: 'total',
            label: 'Điểm thẩm định',
            children: <strong data-testid="sheet-total">{points(sheet.total)}</strong>,
          },
          { key: 'grade', label: 'Xếp loại', children: sheet.grade ?? '—' },
        ]}
      />
      <Table
        rowKey="nodeId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={buildTree(sheet.items, (i) => i.nodeId) as Row[]}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 720 }}
      />
      {action ? (
        <ScoreModal
          action={action}
          path={path}
          onClose={() => setAction(null)}
          onSaved={(next) => {
            setData(next);
            setAction(null);
          }}
        />
      ) : null}
    </>
  );
}

function ScoreModal({
  action,
  path,
  onClose,
  onSaved,
}: {
  action: Action;
  path: string;
  onClose: () => void;
  onSaved: (sheet: Sheet) => void;
}) {
  const { kind, item } = action;
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const [evidence, setEvidence] = useState<UploadedEvidence[]>(item.evidence);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const computed = item.kind !== 'manual';
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    const url = `${path}/scores/${item.nodeId}/${kind}`;
    try {
      const next =
        kind === 'response'
          ? await api.post<Sheet>(url, { version: item.version, comment: v.comment ?? '' })
          : await api.put<Sheet>(url, {
              version: item.version,
              score: v.score,
              comment: v.comment?.trim() || null,
              ...(kind === 'self' ? { evidence } : {}),
            });
      onSaved(next);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  const title = { self: 'Tự chấm điểm', appraisal: 'Thẩm định', response: 'Giải trình' }[kind];
  return (
    <Modal
      open
      title={`${title} — mục ${item.code}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>
        {item.title} (tối đa {points(item.maxPoints)} điểm)
      </p>
      {item.guidance ? <Muted>Hướng dẫn: {item.guidance}</Muted> : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          score:
            kind === 'self'
              ? (item.selfScore ?? undefined)
              : (item.appraisedScore ?? (computed ? item.computedScore : item.selfScore) ?? undefined),
          comment:
            kind === 'self'
              ? (item.selfComment ?? undefined)
              : kind === 'appraisal'
                ? (item.appraisalComment ?? undefined)
                : undefined,
        }}
      >
        {kind !== 'response' ? (
          <Form.Item name="score" label="Điểm" rules={[{ required: true, message: 'Vui lòng nhập điểm.' }]}>
            <InputNumber min={0} step={0.25} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={
            kind === 'response'
              ? 'Ý kiến giải trình'
              : kind === 'appraisal'
                ? 'Nhận xét của hội đồng'
                : 'Giải thích, căn cứ'
          }
          rules={kind === 'response' ? [{ required: true, message: 'Vui lòng nhập ý kiến giải trình.' }] : []}
          extra={
            kind === 'appraisal' && computed ? 'Điều chỉnh điểm tính tự động phải ghi rõ lý do.' : undefined
          }
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      {kind === 'self' ? (
        <>
          <div style={{ marginBottom: 8 }}>
            Tài liệu kiểm chứng{item.evidenceRequired ? ' (bắt buộc)' : ''}
          </div>
          <EvidenceUpload value={evidence} onChange={setEvidence} />
        </>
      ) : null}
    </Modal>
  );
}
