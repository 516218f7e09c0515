import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Steps,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { Facts, Muted } from './Facts';
import { ResultsTable } from './ResultsTable';
import {
  type IndexNode,
  indicatorLabel,
  kindLabel,
  type NodeKind,
  points,
  type Results,
  send,
  statusLabel,
  statusOrder,
  type YearView,
} from './reformIndexTypes';

type TreeRow = IndexNode & { children?: TreeRow[] };

export function buildTree<T extends { parentId: string | null }>(
  items: T[],
  idOf: (t: T) => string,
): (T & { children?: (T & { children?: unknown })[] })[] {
  const byParent = new Map<string | null, T[]>();
  for (const it of items) byParent.set(it.parentId, [...(byParent.get(it.parentId) ?? []), it]);
  const build = (parent: string | null): (T & { children?: unknown[] })[] =>
    (byParent.get(parent) ?? []).map((it) => {
      const kids = build(idOf(it));
      return kids.length > 0 ? { ...it, children: kids } : { ...it };
    });
  return build(null) as (T & { children?: (T & { children?: unknown })[] })[];
}

/** One assessment year: its steps, the criteria tree (editable while a draft), the agencies and the results. */
export default function ReformIndexYearPage() {
  const { id } = useParams();
  const { data: year, error, loading, reload } = useApi<YearView>(`/api/office/reform-index/years/${id}`);
  const [problem, setProblem] = useState<string>();
  const [editing, setEditing] = useState<{ node?: IndexNode; parentId: string | null } | null>(null);
  const [settings, setSettings] = useState(false);
  const showResults = year ? year.isCouncil || year.status === 'published' : false;
  const results = useApi<Results>(showResults ? `/api/office/reform-index/years/${id}/results` : null);
  if (!year)
    return error ? (
      <Alert type="error" showIcon title={error.message} />
    ) : (
      <PageHeader title={loading ? 'Đang tải…' : ''} />
    );

  const draft = year.status === 'draft';
  const canEdit = year.isCouncil && draft;
  const act = async (run: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await run();
      reload();
      results.reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  const advance = () =>
    act(() =>
      api.post(`/api/office/reform-index/years/${year.id}/transition`, {
        version: year.version,
        to: year.nextStatus,
      }),
    );

  const columns: TableColumnsType<TreeRow> = [
    { title: 'Mục', dataIndex: 'code', width: 110 },
    {
      title: 'Lĩnh vực, tiêu chí',
      key: 'title',
      render: (_, n) => (
        <>
          {n.parentId === null ? <strong>{n.title}</strong> : n.title}
          {n.kind !== 'group' ? (
            <Muted>
              {kindLabel[n.kind]}
              {n.indicatorKey ? ` — ${indicatorLabel[n.indicatorKey] ?? n.indicatorKey}` : ''}
              {n.scale ? ` (thang: ${n.scale.map((s) => `≥ ${s.min}% → ${s.share * 100}%`).join('; ')})` : ''}
              {n.evidenceRequired ? ' — cần minh chứng' : ''}
            </Muted>
          ) : null}
          {n.guidance ? <Muted>Hướng dẫn: {n.guidance}</Muted> : null}
        </>
      ),
    },
    { title: 'Điểm tối đa', dataIndex: 'maxPoints', width: 110, render: (v: number) => points(v) },
    ...(canEdit
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            width: 220,
            render: (_: unknown, n: TreeRow) => (
              <Space size="small" wrap>
                {n.kind === 'group' ? (
                  <Button size="small" onClick={() => setEditing({ parentId: n.id })}>
                    Thêm mục con
                  </Button>
                ) : null}
                <Button size="small" onClick={() => setEditing({ node: n, parentId: n.parentId })}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Xóa mục này và các mục con?"
                  okText="Xóa"
                  cancelText="Hủy"
                  onConfirm={() => act(() => send('DELETE', `/api/office/reform-index/nodes/${n.id}`))}
                >
                  <Button size="small" danger>
                    Xóa
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const mine = new Set(year.myAgencyIds);
  const sheetAgencies = year.isCouncil ? year.agencies : year.agencies.filter((a) => mine.has(a.id));
  const current = statusOrder.indexOf(year.status);

  return (
    <>
      <PageHeader
        title={year.title}
        extra={
          year.isCouncil && year.nextStatus ? (
            <Popconfirm
              key={year.status}
              title={`Chuyển kỳ đánh giá sang bước «${statusLabel[year.nextStatus]}»?`}
              okText="Chuyển"
              cancelText="Hủy"
              onConfirm={() => void advance()}
            >
              <Button type="primary">Chuyển sang: {statusLabel[year.nextStatus]}</Button>
            </Popconfirm>
          ) : null
        }
      >
        <Link to="/quan-tri/chi-so-cchc">← Các kỳ đánh giá</Link>
      </PageHeader>
      <Steps
        size="small"
        current={current}
        items={statusOrder.map((s) => ({ title: statusLabel[s] }))}
        style={{ marginBottom: 16 }}
        responsive
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      {draft && year.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title="Cần hoàn thiện trước khi mở cho đơn vị tự chấm"
          description={
            <ul>
              {year.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Facts
        items={[
          { key: 'status', label: 'Trạng thái', children: <Tag color="blue">{year.statusLabel}</Tag> },
          {
            key: 'deadline',
            label: 'Hạn tự chấm',
            children: year.selfDeadline ? year.selfDeadline.split('-').reverse().join('/') : 'Chưa đặt',
          },
          { key: 'max', label: 'Tổng điểm tối đa', children: points(year.maxTotal) },
          {
            key: 'bands',
            label: 'Xếp loại',
            children: [...year.gradeBands]
              .sort((a, b) => b.min - a.min)
              .map((b) => `${b.label} ≥ ${b.min}`)
              .join('; '),
          },
          {
            key: 'reward',
            label: 'Đề nghị khen thưởng',
            children:
              [
                year.rewardRule.grades.length ? `xếp loại ${year.rewardRule.grades.join(', ')}` : null,
                year.rewardRule.topN ? `${year.rewardRule.topN} đơn vị dẫn đầu` : null,
              ]
                .filter(Boolean)
                .join(' hoặc ') || 'Không',
          },
        ]}
      />
      {year.isCouncil && year.status !== 'published' ? (
        <Button style={{ marginBottom: 16 }} onClick={() => setSettings(true)}>
          Hạn tự chấm, xếp loại, khen thưởng
        </Button>
      ) : null}
      <Tabs
        defaultActiveKey={year.status === 'draft' ? 'tree' : 'agencies'}
        items={[
          {
            key: 'agencies',
            label: year.isCouncil ? 'Chấm điểm, thẩm định' : 'Tự chấm điểm',
            children: (
              <Table
                rowKey="id"
                pagination={false}
                dataSource={sheetAgencies}
                locale={{ emptyText: 'Cơ quan của bạn không thuộc danh sách được đánh giá.' }}
                columns={[
                  {
                    title: 'Cơ quan được đánh giá',
                    key: 'name',
                    render: (_, a) => (
                      <Link to={`/quan-tri/chi-so-cchc/${year.id}/co-quan/${a.id}`}>{a.name}</Link>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'tree',
            label: 'Bộ tiêu chí',
            children: (
              <>
                {canEdit ? (
                  <Button style={{ marginBottom: 12 }} onClick={() => setEditing({ parentId: null })}>
                    Thêm lĩnh vực
                  </Button>
                ) : null}
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  columns={columns}
                  dataSource={buildTree(year.nodes, (n) => n.id) as TreeRow[]}
                  expandable={{ defaultExpandAllRows: true }}
                />
              </>
            ),
          },
          ...(showResults
            ? [
                {
                  key: 'results',
                  label: 'Kết quả, xếp hạng',
                  children: results.data ? <ResultsTable results={results.data} /> : null,
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <NodeModal
          yearId={year.id}
          node={editing.node}
          parentId={editing.parentId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      {settings ? (
        <SettingsModal
          year={year}
          onClose={() => setSettings(false)}
          onSaved={() => {
            setSettings(false);
            reload();
            results.reload();
          }}
        />
      ) : null}
    </>
  );
}

interface NodeForm {
  code: string;
  title: string;
  kind: NodeKind;
  maxPoints: number;
  evidenceRequired: boolean;
  guidance?: string;
  indicatorKey?: string;
  scale?: { min: number; share: number }[];
}

function NodeModal({
  yearId,
  node,
  parentId,
  onClose,
  onSaved,
}: {
  yearId: string;
  node: IndexNode | undefined;
  parentId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<NodeForm>();
  const kind = Form.useWatch('kind', form) ?? node?.kind ?? 'manual';
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    const computed = v.kind === 'automatic' || v.kind === 'survey';
    const body = {
      code: v.code,
      title: v.title,
      maxPoints: v.maxPoints,
      evidenceRequired: v.evidenceRequired ?? false,
      guidance: v.guidance?.trim() || null,
      indicatorKey: v.kind === 'automatic' ? (v.indicatorKey ?? null) : null,
      scale: computed && v.scale?.length ? v.scale.map((s) => ({ min: s.min, share: s.share / 100 })) : null,
    };
    try {
      if (node) await send('PATCH', `/api/office/reform-index/nodes/${node.id}`, body);
      else
        await api.post(`/api/office/reform-index/years/${yearId}/nodes`, { ...body, parentId, kind: v.kind });
      onSaved();
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={node ? `Sửa mục ${node.code}` : parentId ? 'Thêm tiêu chí' : 'Thêm lĩnh vực'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          code: node?.code,
          title: node?.title,
          kind: node?.kind ?? (parentId ? 'manual' : 'group'),
          maxPoints: node?.maxPoints,
          evidenceRequired: node?.evidenceRequired ?? false,
          guidance: node?.guidance ?? undefined,
          indicatorKey: node?.indicatorKey ?? undefined,
          scale: (
            node?.scale ?? [
              { min: 95, share: 1 },
              { min: 90, share: 0.5 },
            ]
          ).map((s) => ({ min: s.min, share: s.share * 100 })),
        }}
      >
        <Form.Item
          name="code"
          label="Số thứ tự"
          rules={[{ required: true, message: 'Vui lòng nhập số thứ tự.' }]}
        >
          <Input style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="title" label="Tên" rules={[{ required: true, message: 'Vui lòng nhập tên.' }]}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="kind" label="Loại">
          <Select
            disabled={Boolean(node)}
            options={(Object.keys(kindLabel) as NodeKind[]).map((k) => ({ value: k, label: kindLabel[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="maxPoints"
          label="Điểm tối đa"
          rules={[{ required: true, message: 'Vui lòng nhập điểm tối đa.' }]}
        >
          <InputNumber min={0} max={100} step={0.5} />
        </Form.Item>
        {kind === 'automatic' ? (
          <Form.Item
            name="indicatorKey"
            label="Chỉ tiêu lấy số liệu"
            rules={[{ required: true, message: 'Vui lòng chọn chỉ tiêu.' }]}
          >
            <Select options={Object.entries(indicatorLabel).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        ) : null}
        {kind === 'automatic' || kind === 'survey' ? (
          <Form.List name="scale">
            {(fields, { add, remove }) => (
              <div style={{ marginBottom: 16 }}>
                <div style={{ marginBottom: 8 }}>Thang điểm (tỷ lệ đạt từ … được … % số điểm)</div>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: 'Nhập ngưỡng.' }]}>
                      <InputNumber min={0} max={100} addonBefore="≥" addonAfter="%" aria-label="Ngưỡng" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'share']} rules={[{ required: true, message: 'Nhập tỷ lệ.' }]}>
                      <InputNumber min={0} max={100} addonAfter="% điểm" aria-label="Tỷ lệ điểm" />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      Bỏ
                    </Button>
                  </Space>
                ))}
                <Button size="small" onClick={() => add({ min: 0, share: 0 })}>
                  Thêm mức
                </Button>
              </div>
            )}
          </Form.List>
        ) : null}
        {kind === 'manual' ? (
          <Form.Item name="evidenceRequired" valuePropName="checked">
            <Checkbox>Bắt buộc có tài liệu kiểm chứng</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="guidance" label="Hướng dẫn chấm điểm">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsModal({
  year,
  onClose,
  onSaved,
}: {
  year: YearView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{
    selfDeadline?: string;
    gradeBands: { min: number; label: string }[];
    grades: string[];
    topN: number | null;
  }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await send('PATCH', `/api/office/reform-index/years/${year.id}`, {
        version: year.version,
        selfDeadline: v.selfDeadline || null,
        gradeBands: v.gradeBands,
        rewardRule: { grades: v.grades ?? [], topN: v.topN ?? null },
      });
      onSaved();
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Hạn tự chấm, xếp loại, khen thưởng"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          selfDeadline: year.selfDeadline ?? undefined,
          gradeBands: year.gradeBands,
          grades: year.rewardRule.grades,
          topN: year.rewardRule.topN,
        }}
      >
        <Form.Item name="selfDeadline" label="Hạn tự chấm điểm (hết ngày)">
          <Input type="date" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.List name="gradeBands">
          {(fields, { add, remove }) => (
            <div style={{ marginBottom: 16 }}>
              <div style={{ marginBottom: 8 }}>Xếp loại (tổng điểm quy về thang 100, từ … điểm)</div>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item
                    name={[f.name, 'label']}
                    rules={[{ required: true, message: 'Nhập tên xếp loại.' }]}
                  >
                    <Input aria-label="Tên xếp loại" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: 'Nhập ngưỡng.' }]}>
                    <InputNumber min={0} max={100} addonBefore="≥" aria-label="Ngưỡng điểm" />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    Bỏ
                  </Button>
                </Space>
              ))}
              <Button size="small" onClick={() => add({ min: 0, label: '' })}>
                Thêm mức xếp loại
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="grades" label="Đề nghị khen thưởng các đơn vị xếp loại">
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="topN" label="Hoặc số đơn vị dẫn đầu được đề nghị khen thưởng">
          <InputNumber min={1} max={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
