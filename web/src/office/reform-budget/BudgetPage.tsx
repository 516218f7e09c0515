import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, withQuery } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { filterByLabel, formatDate } from '../../format';
import { optionsOf } from '../../labels';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  amountInput,
  type BudgetLine,
  type BudgetStatus,
  type BudgetSummary,
  type BudgetTask,
  sourceLabels,
  statusColors,
  statusLabels,
  type Totals,
  vnd,
} from './budgetTypes';

const thisYear = new Date().getFullYear();

export const flagTags = (f: { overrun: boolean | number; unspent: boolean | number }) => (
  <>
    {f.overrun ? (
      <Tag color="red">Vượt dự toán{typeof f.overrun === 'number' ? ` (${f.overrun})` : ''}</Tag>
    ) : null}
    {f.unspent ? (
      <Tag color="orange">Chậm giải ngân{typeof f.unspent === 'number' ? ` (${f.unspent})` : ''}</Tag>
    ) : null}
  </>
);

function NewLine({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const chosenYear = Form.useWatch('year', form) ?? year;
  const tasks = useApi<{ items: BudgetTask[] }>(
    withQuery('/api/office/reform-budget/tasks', { year: chosenYear }),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const mine = (tasks.data?.items ?? []).filter((t) => t.canPropose);
  return (
    <Modal
      open
      title="Lập dự toán kinh phí CCHC"
      okText="Lưu dự thảo"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
    >
      {tasks.data && mine.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title="Cơ quan của bạn không chủ trì nhiệm vụ nào của kế hoạch trong năm này."
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, source: 'state_budget' }}
        onFinish={async (v: {
          taskId?: string;
          year: number;
          source: string;
          description?: string;
          proposedAmount?: number;
        }) => {
          setSaving(true);
          setError(undefined);
          try {
            const created = await api.post<{ id: string }>('/api/office/reform-budget/lines', {
              taskId: v.taskId,
              year: v.year,
              source: v.source,
              description: v.description ?? '',
              proposedAmount: v.proposedAmount,
            });
            message.success('Đã lập dự toán; kiểm tra lại rồi gửi đề xuất.');
            navigate(`/quan-tri/kinh-phi-cchc/${created.id}`);
          } catch (cause) {
            setError(cause);
            setExtra(applyFieldErrors(form, cause));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Vui lòng chọn năm.' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="taskId"
          label="Nhiệm vụ của kế hoạch"
          rules={[{ required: true, message: 'Vui lòng chọn nhiệm vụ.' }]}
        >
          <Select
            showSearch={{ filterOption: filterByLabel }}
            loading={tasks.loading}
            options={mine.map((t) => ({
              value: t.id,
              label: `${t.areaCode} — ${t.description} (${t.leadAgencyName})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label="Nguồn kinh phí"
          rules={[{ required: true, message: 'Vui lòng chọn nguồn kinh phí.' }]}
        >
          <Select options={optionsOf(sourceLabels)} />
        </Form.Item>
        <Form.Item
          name="description"
          label="Nội dung dự toán"
          rules={[{ required: true, message: 'Vui lòng nhập nội dung dự toán.' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="proposedAmount"
          label="Số tiền đề xuất (đồng)"
          rules={[{ required: true, message: 'Vui lòng nhập số tiền đề xuất.' }]}
        >
          <InputNumber<number>
            min={1}
            max={1_000_000_000_000}
            precision={0}
            style={{ width: 260 }}
            {...amountInput}
          />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

function LinesTab({ year, set }: { year: number; set: (c: Record<string, string | undefined>) => void }) {
  const [params] = useSearchParams();
  const status = (params.get('trangThai') ?? undefined) as BudgetStatus | undefined;
  const areaId = params.get('linhVuc') ?? undefined;
  const agencyId = params.get('coQuan') ?? undefined;
  const lines = useApi<{ items: BudgetLine[] }>(
    withQuery('/api/office/reform-budget/lines', { year, status, areaId, agencyId }),
  );
  const all = useApi<{ items: BudgetLine[] }>(withQuery('/api/office/reform-budget/lines', { year }));
  const [creating, setCreating] = useState(false);
  const areas = new Map((all.data?.items ?? []).map((l) => [l.areaId, `${l.areaCode}. ${l.areaTitle}`]));
  const agencies = new Map((all.data?.items ?? []).map((l) => [l.leadAgencyId, l.leadAgencyName]));
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="Mọi lĩnh vực"
          aria-label="Lĩnh vực"
          style={{ minWidth: 260 }}
          value={areaId}
          onChange={(v) => set({ linhVuc: v })}
          options={[...areas].map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="Mọi cơ quan chủ trì"
          aria-label="Cơ quan chủ trì"
          style={{ minWidth: 260 }}
          value={agencyId}
          onChange={(v) => set({ coQuan: v })}
          options={[...agencies].map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="Mọi trạng thái"
          aria-label="Trạng thái"
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v) => set({ trangThai: v })}
          options={optionsOf(statusLabels)}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Lập dự toán
        </Button>
      </Flex>
      {lines.error ? <Alert type="error" showIcon title={lines.error.message} /> : null}
      <Table<BudgetLine>
        rowKey="id"
        size="small"
        loading={lines.loading}
        dataSource={lines.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: `Chưa có dòng kinh phí nào của năm ${year}.` }}
        columns={[
          { title: 'Lĩnh vực', dataIndex: 'areaCode', width: 80 },
          {
            title: 'Nội dung',
            render: (_, l) => (
              <>
                <Link to={`/quan-tri/kinh-phi-cchc/${l.id}`}>{l.description}</Link>
                <br />
                <Typography.Text type="secondary">{l.taskDescription}</Typography.Text>
              </>
            ),
          },
          { title: 'Cơ quan chủ trì', dataIndex: 'leadAgencyName', width: 220 },
          {
            title: 'Trạng thái',
            width: 130,
            render: (_, l) => <Tag color={statusColors[l.status]}>{statusLabels[l.status]}</Tag>,
          },
          { title: 'Đề xuất', align: 'right', render: (_, l) => vnd(l.proposedAmount) },
          { title: 'Phê duyệt', align: 'right', render: (_, l) => vnd(l.approvedAmount) },
          { title: 'Đã chi', align: 'right', render: (_, l) => vnd(l.figures.spent) },
          { title: 'Cảnh báo', render: (_, l) => flagTags(l.figures) },
        ]}
      />
      {creating ? <NewLine year={year} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function totalsColumns<T extends Totals>(first: { title: string; render: (row: T) => React.ReactNode }) {
  return [
    { title: first.title, render: (_: unknown, r: T) => first.render(r) },
    { title: 'Số dòng', dataIndex: 'lines', align: 'right' as const },
    { title: 'Đề xuất', align: 'right' as const, render: (_: unknown, r: T) => vnd(r.proposed) },
    { title: 'Phê duyệt (kế hoạch)', align: 'right' as const, render: (_: unknown, r: T) => vnd(r.approved) },
    { title: 'Đã giải ngân', align: 'right' as const, render: (_: unknown, r: T) => vnd(r.disbursed) },
    { title: 'Đã chi', align: 'right' as const, render: (_: unknown, r: T) => vnd(r.spent) },
    { title: 'Còn lại', align: 'right' as const, render: (_: unknown, r: T) => vnd(r.remaining) },
    { title: 'Cảnh báo', render: (_: unknown, r: T) => flagTags(r) },
  ];
}

function SummaryTab({ year }: { year: number }) {
  const summary = useApi<BudgetSummary>(withQuery('/api/office/reform-budget/summary', { year }));
  const s = summary.data;
  const totalRow = (t: Totals) => (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0}>Tổng cộng</Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">
        {t.lines}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">
        {vnd(t.proposed)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">
        {vnd(t.approved)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={4} align="right">
        {vnd(t.disbursed)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={5} align="right">
        {vnd(t.spent)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={6} align="right">
        {vnd(t.remaining)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={7}>{flagTags(t)}</Table.Summary.Cell>
    </Table.Summary.Row>
  );
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/office/reform-budget/export.xlsx', { year })}
          download
        >
          Xuất Excel cho Phòng Tài chính – Kế hoạch
        </Button>
      </Flex>
      {summary.error ? <Alert type="error" showIcon title={summary.error.message} /> : null}
      {s ? (
        <>
          <Typography.Paragraph type="secondary">
            Kế hoạch là số được phê duyệt; đã chi là số quyết toán (hoặc số đã giải ngân khi chưa quyết toán).
            Chậm giải ngân: dưới {s.unspentRule.percent}% số được duyệt đến ngày{' '}
            {formatDate(s.unspentRule.checkDate)}.
          </Typography.Paragraph>
          <Card title="Theo lĩnh vực" style={{ marginBottom: 16 }}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="budget-by-area"
              dataSource={s.byArea}
              columns={totalsColumns<BudgetSummary['byArea'][number]>({
                title: 'Lĩnh vực',
                render: (r) => r.label,
              })}
              summary={() => totalRow(s.total)}
              scroll={{ x: 900 }}
            />
          </Card>
          <Card title="Theo cơ quan chủ trì" style={{ marginBottom: 16 }}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="budget-by-agency"
              dataSource={s.byAgency}
              columns={totalsColumns<BudgetSummary['byAgency'][number]>({
                title: 'Cơ quan',
                render: (r) => r.label,
              })}
              summary={() => totalRow(s.total)}
              scroll={{ x: 900 }}
            />
          </Card>
          <Card title="Theo nhiệm vụ">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={s.byTask}
              columns={totalsColumns({
                title: 'Nhiệm vụ',
                render: (r: BudgetSummary['byTask'][number]) =>
                  `${r.areaCode} — ${r.label} (${r.agencyName})`,
              })}
              scroll={{ x: 900 }}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}

interface Settings {
  financeAgencyId: string | null;
  approvingAgencyId: string | null;
  unspentPercent: number;
  unspentMonth: number;
  unspentDay: number;
  version: number;
  canEdit: boolean;
}

/** Who appraises and approves, and the unspent rule (a share by a day of the year). */
function SettingsForm({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const agencies = useApi<{ id: string; name: string }[]>('/api/agencies', { shared: true });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const options = (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal
      open
      title="Cài đặt kinh phí CCHC"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={settings}
        onFinish={async (v: Omit<Settings, 'version' | 'canEdit'>) => {
          setSaving(true);
          setError(undefined);
          try {
            await api.put('/api/office/reform-budget/settings', { ...v, version: settings.version });
            message.success('Đã lưu cài đặt.');
            onClose();
          } catch (cause) {
            setError(cause);
            setExtra(applyFieldErrors(form, cause));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="financeAgencyId"
          label="Cơ quan thẩm định, giải ngân (Phòng Tài chính – Kế hoạch)"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
        >
          <Select showSearch={{ filterOption: filterByLabel }} options={options} />
        </Form.Item>
        <Form.Item
          name="approvingAgencyId"
          label="Cơ quan phê duyệt (UBND)"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
        >
          <Select showSearch={{ filterOption: filterByLabel }} options={options} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item
            name="unspentPercent"
            label="Cảnh báo khi giải ngân dưới (%)"
            rules={[{ required: true, message: 'Vui lòng nhập tỷ lệ.' }]}
          >
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item
            name="unspentDay"
            label="Đến ngày"
            rules={[{ required: true, message: 'Vui lòng nhập ngày.' }]}
          >
            <InputNumber min={1} max={31} precision={0} />
          </Form.Item>
          <Form.Item
            name="unspentMonth"
            label="Tháng"
            rules={[{ required: true, message: 'Vui lòng nhập tháng.' }]}
          >
            <InputNumber min={1} max={12} precision={0} />
          </Form.Item>
        </Flex>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

/** "Kinh phí CCHC": the budget lines of a year with filters, and planned against spent with the flags. */
export default function BudgetPage() {
  const [params, setParams] = useSearchParams();
  const settings = useApi<Settings>('/api/office/reform-budget/settings');
  const [editingSettings, setEditingSettings] = useState(false);
  // Without a chosen year: the latest year (up to this one) that has lines, so a finished plan still opens on data.
  const every = useApi<{ items: { year: number }[] }>(
    params.get('nam') ? null : '/api/office/reform-budget/lines',
  );
  const latest = Math.max(0, ...(every.data?.items ?? []).map((l) => l.year).filter((y) => y <= thisYear));
  const year = Number(params.get('nam') ?? (latest || thisYear));
  const tab = params.get('tab') === 'tong-hop' ? 'tong-hop' : 'dong';
  const set = (changes: Record<string, string | undefined>) => {
    const next = Object.fromEntries([...params.entries()]);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next[k] = v;
      else delete next[k];
    }
    setParams(next);
  };
  return (
    <>
      <PageHeader title="Kinh phí CCHC" />
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <InputNumber
          aria-label="Năm"
          prefix="Năm"
          min={2000}
          max={2100}
          precision={0}
          value={year}
          onChange={(v) => v && set({ nam: String(v), linhVuc: undefined, coQuan: undefined })}
        />
      </Flex>
      {settings.data?.canEdit ? (
        <Button style={{ float: 'right' }} onClick={() => setEditingSettings(true)}>
          Cài đặt
        </Button>
      ) : null}
      {editingSettings && settings.data ? (
        <SettingsForm
          settings={settings.data}
          onClose={() => {
            setEditingSettings(false);
            settings.reload();
          }}
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'dong', label: 'Dòng kinh phí', children: <LinesTab year={year} set={set} /> },
          { key: 'tong-hop', label: 'Tổng hợp, cảnh báo', children: <SummaryTab year={year} /> },
        ]}
      />
    </>
  );
}
