import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Spin,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, withQuery } from '../../api';
import { filterByLabel, formatDate } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { categoryLabels, degreeLabels } from '../staff/staffTypes';
import { HolderForm, PositionForm, QuotaForm, StreamliningForm } from './PositionForms';
import {
  type AgencyPositions,
  type Balance,
  groupLabels,
  type HeadcountSummary,
  type Position,
  type PositionAgencies,
  quotaKindLabels,
  remove,
} from './positionsTypes';

const StreamliningChart = lazy(() => import('./StreamliningChart'));
const thisYear = new Date().getFullYear();

function balanceTag(b: Pick<Balance, 'vacancy' | 'over'>) {
  if (b.over > 0) return <Tag color="red">Vượt {b.over}</Tag>;
  if (b.vacancy > 0) return <Tag color="orange">Thiếu {b.vacancy}</Tag>;
  return <Tag color="green">Đủ</Tag>;
}

function YearPicker({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  return (
    <InputNumber
      aria-label="Năm"
      min={2015}
      max={2100}
      precision={0}
      value={value}
      onChange={(v) => v && onChange(v)}
      prefix="Năm"
    />
  );
}

type Dialog =
  | { kind: 'position'; position: Position | null }
  | { kind: 'holder'; position: Position }
  | { kind: 'quota' }
  | { kind: 'streamlining' };

function AgencyTab({ agencies }: { agencies: PositionAgencies }) {
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const agencyId =
    params.get('coQuan') ?? agencies.agencies.find((a) => a.canManage)?.id ?? agencies.agencies[0]?.id;
  const year = Number(params.get('nam') ?? thisYear);
  const data = useApi<AgencyPositions>(
    agencyId ? withQuery(`/api/office/positions/agency/${agencyId}`, { year }) : null,
  );
  const [dialog, setDialog] = useState<Dialog>();
  const set = (changes: Record<string, string>) =>
    setParams({ tab: 'co-quan', coQuan: agencyId ?? '', nam: String(year), ...changes });
  const saved = () => {
    setDialog(undefined);
    data.reload();
  };
  const act = async (send: () => Promise<unknown>, done: string) => {
    try {
      await send();
      message.success(done);
      data.reload();
    } catch (cause) {
      message.error(errorMessage(cause));
    }
  };
  const d = data.data;

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          aria-label="Cơ quan, đơn vị"
          style={{ minWidth: 360 }}
          value={agencyId}
          onChange={(v) => set({ coQuan: v })}
          showSearch={{ filterOption: filterByLabel }}
          options={agencies.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <YearPicker value={year} onChange={(y) => set({ nam: String(y) })} />
      </Flex>
      {data.error ? <Alert type="error" showIcon title={data.error.message} /> : null}
      {data.loading && !d ? <Spin /> : null}
      {d ? (
        <>
          <Typography.Paragraph type="secondary">
            {d.agency.name} — số liệu đến ngày {formatDate(d.asOf)}.
          </Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Số vị trí việc làm" value={d.positions.length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="Số người cần / đang đảm nhiệm"
                  value={`${d.totals.needed} / ${d.totals.held}`}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="positions-vacancy">
                <Statistic
                  title="Vị trí còn thiếu người"
                  value={d.totals.vacancy}
                  styles={{ content: { color: d.totals.vacancy ? '#d46b08' : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="positions-over">
                <Statistic
                  title="Bố trí vượt nhu cầu"
                  value={d.totals.over}
                  styles={{ content: { color: d.totals.over ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
          </Row>

          <Card
            title="Vị trí việc làm"
            style={{ marginBottom: 16 }}
            extra={
              d.canManage ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: 'position', position: null })}
                >
                  Thêm vị trí
                </Button>
              ) : null
            }
          >
            <Table<Position>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.positions}
              scroll={{ x: 900 }}
              locale={{ emptyText: 'Cơ quan chưa xác định vị trí việc làm.' }}
              onRow={(p) => ({
                style: { background: p.balance.over ? '#fff1f0' : p.balance.vacancy ? '#fff7e6' : undefined },
              })}
              columns={[
                { title: 'Mã', dataIndex: 'code', width: 90 },
                {
                  title: 'Vị trí',
                  render: (_, p) => (
                    <>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{groupLabels[p.group]}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: 'Khung năng lực',
                  render: (_, p) => (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      <li>
                        {degreeLabels[p.requiredDegree]} trở lên
                        {p.requiredField ? `, ${p.requiredField}` : ''}
                      </li>
                      {p.competencies.map((c) => (
                        <li key={`${c.kind}-${c.text}`}>
                          {c.kind === 'skill' ? 'Kỹ năng' : 'Chứng chỉ'}: {c.text}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { title: 'Cần', dataIndex: 'headcount', width: 60, align: 'right' },
                {
                  title: 'Người đảm nhiệm',
                  render: (_, p) => (
                    <Flex vertical gap={2}>
                      {p.holders.map((h) => (
                        <Flex key={h.officialId} gap={4} align="center" wrap>
                          <span>{h.fullName}</span>
                          {h.belowDegree ? <Tag color="volcano">Chưa đạt trình độ</Tag> : null}
                          {d.canManage ? (
                            <Popconfirm
                              title={`Thôi bố trí ${h.fullName} ở vị trí này?`}
                              okText="Đồng ý"
                              cancelText="Hủy"
                              onConfirm={() =>
                                act(
                                  () => remove(`/api/office/positions/${p.id}/holders/${h.officialId}`),
                                  'Đã thôi bố trí.',
                                )
                              }
                            >
                              <Button size="small" type="link" danger>
                                Thôi bố trí
                              </Button>
                            </Popconfirm>
                          ) : null}
                        </Flex>
                      ))}
                    </Flex>
                  ),
                },
                { title: 'Cân đối', width: 100, render: (_, p) => balanceTag(p.balance) },
                ...(d.canManage
                  ? [
                      {
                        title: 'Thao tác',
                        width: 200,
                        render: (_: unknown, p: Position) => (
                          <Flex gap={4} wrap>
                            <Button size="small" onClick={() => setDialog({ kind: 'holder', position: p })}>
                              Bố trí cán bộ
                            </Button>
                            <Button size="small" onClick={() => setDialog({ kind: 'position', position: p })}>
                              Sửa
                            </Button>
                            <Popconfirm
                              title="Xóa vị trí việc làm này?"
                              okText="Xóa"
                              cancelText="Hủy"
                              onConfirm={() =>
                                act(() => remove(`/api/office/positions/${p.id}`), 'Đã xóa vị trí.')
                              }
                            >
                              <Button size="small" danger>
                                Xóa
                              </Button>
                            </Popconfirm>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card
                title={`Biên chế được giao năm ${d.year}`}
                extra={
                  d.canManageQuota ? (
                    <Button onClick={() => setDialog({ kind: 'quota' })}>
                      {d.quota ? 'Sửa biên chế' : 'Nhập biên chế'}
                    </Button>
                  ) : null
                }
              >
                {d.quota ? (
                  <Typography.Paragraph type="secondary">
                    Quyết định số {d.quota.decisionNumber}
                    {d.quota.decisionDate ? ` ngày ${formatDate(d.quota.decisionDate)}` : ''}.
                  </Typography.Paragraph>
                ) : (
                  <Alert
                    type="info"
                    showIcon
                    title="Chưa nhập biên chế được giao cho năm này."
                    style={{ marginBottom: 8 }}
                  />
                )}
                <Table
                  rowKey="kind"
                  size="small"
                  pagination={false}
                  dataSource={d.quotaLines}
                  data-testid="quota-table"
                  columns={[
                    { title: 'Loại', render: (_, l) => quotaKindLabels[l.kind] },
                    { title: 'Được giao', align: 'right', render: (_, l) => l.quota ?? '—' },
                    { title: 'Hiện có', dataIndex: 'actual', align: 'right' },
                    {
                      title: 'Cân đối',
                      render: (_, l) =>
                        l.quota === null ? (
                          '—'
                        ) : l.over ? (
                          <Tag color="red">Vượt biên chế {l.over}</Tag>
                        ) : l.vacancy ? (
                          <Tag color="orange">Chưa sử dụng {l.vacancy}</Tag>
                        ) : (
                          <Tag color="green">Đúng biên chế</Tag>
                        ),
                    },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  Hiện có tính từ danh sách cán bộ: cán bộ và công chức tính vào biên chế công chức; viên chức
                  tính vào số lượng viên chức. Danh sách cán bộ chưa ghi nhận hợp đồng lao động.
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Cán bộ chưa được bố trí vị trí">
                <Table
                  rowKey="officialId"
                  size="small"
                  pagination={false}
                  dataSource={d.unassigned}
                  locale={{ emptyText: 'Mọi cán bộ đang công tác đã được bố trí vị trí.' }}
                  columns={[
                    {
                      title: 'Họ và tên',
                      render: (_, o) => <Link to={`/quan-tri/nhan-su?tab=can-bo`}>{o.fullName}</Link>,
                    },
                    { title: 'Chức vụ', render: (_, o) => o.position ?? '' },
                    { title: 'Ngạch, loại', render: (_, o) => categoryLabels[o.category] },
                    { title: 'Trình độ', render: (_, o) => degreeLabels[o.degreeLevel] },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Card
            title="Tinh giản biên chế: kế hoạch và thực tế"
            style={{ marginTop: 16 }}
            extra={
              d.canManageQuota ? (
                <Button onClick={() => setDialog({ kind: 'streamlining' })}>
                  {d.streamlining ? 'Sửa kế hoạch tinh giản' : 'Lập kế hoạch tinh giản'}
                </Button>
              ) : null
            }
          >
            {d.streamlining ? (
              <>
                <Typography.Paragraph>
                  Giai đoạn {d.streamlining.fromYear}–{d.streamlining.toYear}: tinh giản{' '}
                  {d.streamlining.progress.targetPercent}% của {d.streamlining.progress.baseHeadcount} người
                  đang công tác cuối năm {d.streamlining.progress.baseYear}, tức{' '}
                  {d.streamlining.progress.targetReduction} người. Đã giảm{' '}
                  {d.streamlining.progress.achievedReduction} người.{' '}
                  {d.streamlining.progress.met ? (
                    <Tag color="green">Đạt chỉ tiêu</Tag>
                  ) : (
                    <Tag color="orange">Chưa đạt chỉ tiêu</Tag>
                  )}
                </Typography.Paragraph>
                <Suspense fallback={<Spin />}>
                  <StreamliningChart
                    years={d.streamlining.progress.years}
                    label={`Biểu đồ số người tinh giản theo kế hoạch và thực tế từng năm của ${d.agency.name}`}
                  />
                </Suspense>
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={d.streamlining.progress.years}
                  columns={[
                    { title: 'Năm', dataIndex: 'year' },
                    { title: 'Kế hoạch giảm', dataIndex: 'planned', align: 'right' },
                    { title: 'Thực tế giảm', dataIndex: 'actual', align: 'right' },
                    { title: 'Lũy kế kế hoạch', dataIndex: 'cumulativePlanned', align: 'right' },
                    { title: 'Lũy kế thực tế', dataIndex: 'cumulativeActual', align: 'right' },
                    { title: 'Số người cuối năm', dataIndex: 'headcount', align: 'right' },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">Cơ quan chưa có kế hoạch tinh giản biên chế.</Typography.Text>
            )}
          </Card>
          {dialog?.kind === 'position' && agencyId ? (
            <PositionForm
              agencyId={agencyId}
              position={dialog.position}
              onClose={() => setDialog(undefined)}
              onSaved={saved}
            />
          ) : null}
          {dialog?.kind === 'holder' ? (
            <HolderForm
              position={dialog.position}
              data={d}
              onClose={() => setDialog(undefined)}
              onSaved={saved}
            />
          ) : null}
          {dialog?.kind === 'quota' ? (
            <QuotaForm data={d} onClose={() => setDialog(undefined)} onSaved={saved} />
          ) : null}
          {dialog?.kind === 'streamlining' ? (
            <StreamliningForm data={d} onClose={() => setDialog(undefined)} onSaved={saved} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

interface UnitNode {
  id: string;
  name: string;
  children?: UnitNode[];
}
interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}
const treeOf = (nodes: UnitNode[]): TreeOption[] =>
  nodes.map((u) => ({ value: u.id, title: u.name, children: treeOf(u.children ?? []) }));

function SummaryTab() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam') ?? thisYear);
  const unitId = params.get('donVi') ?? undefined;
  const view = params.get('diaGioi') === 'cu' ? 'historical' : 'current';
  const units = useApi<UnitNode[]>('/api/units', { shared: true });
  const query = { year, unitId, view };
  const data = useApi<HeadcountSummary>(withQuery('/api/office/positions/summary', query));
  const set = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string> = {
      tab: 'tong-hop',
      nam: String(year),
      diaGioi: view === 'historical' ? 'cu' : 'moi',
    };
    if (unitId) next.donVi = unitId;
    for (const [k, v] of Object.entries(changes)) {
      if (v) next[k] = v;
      else delete next[k];
    }
    setParams(next);
  };
  const treeData = useMemo(() => treeOf(units.data ?? []), [units.data]);
  const d = data.data;
  const chartYears = d?.streamlining ?? [];
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <TreeSelect
          aria-label="Đơn vị hành chính"
          style={{ minWidth: 320 }}
          value={unitId}
          treeData={treeData}
          placeholder="Mọi cơ quan trong phạm vi"
          allowClear
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          onChange={(v) => set({ donVi: v || undefined })}
        />
        <YearPicker value={year} onChange={(y) => set({ nam: String(y) })} />
        <Switch
          checked={view === 'historical'}
          onChange={(on) => set({ diaGioi: on ? 'cu' : 'moi' })}
          checkedChildren="Địa giới thời điểm đó"
          unCheckedChildren="Cộng vào đơn vị hiện nay"
          aria-label="Theo địa giới tại thời điểm đó"
        />
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/office/positions/summary.xlsx', query)}
          download
        >
          Xuất Excel
        </Button>
      </Flex>
      {data.error ? <Alert type="error" showIcon title={data.error.message} /> : null}
      {d ? (
        <>
          <Typography.Paragraph type="secondary">
            {d.scopeName}, năm {d.year} — số liệu đến ngày {formatDate(d.asOf)}. Bấm tên cơ quan để xem từng
            vị trí và người đảm nhiệm.
          </Typography.Paragraph>
          <Table
            rowKey="agencyId"
            size="small"
            pagination={false}
            dataSource={d.rows}
            scroll={{ x: 1000 }}
            data-testid="positions-summary"
            columns={[
              {
                title: 'Cơ quan, đơn vị',
                render: (_, r) => (
                  <Link to={`/quan-tri/vi-tri-viec-lam?tab=co-quan&coQuan=${r.agencyId}&nam=${d.year}`}>
                    {r.agencyName}
                  </Link>
                ),
              },
              { title: 'Vị trí', dataIndex: 'positions', align: 'right' },
              { title: 'Cần', dataIndex: 'needed', align: 'right' },
              { title: 'Đảm nhiệm', dataIndex: 'held', align: 'right' },
              { title: 'Cân đối vị trí', render: (_, r) => (r.positions ? balanceTag(r) : '—') },
              { title: 'Biên chế CC', align: 'right', render: (_, r) => r.quota?.civilServants ?? '—' },
              { title: 'Hiện có CC', align: 'right', render: (_, r) => r.actual.civilServants },
              { title: 'Biên chế VC', align: 'right', render: (_, r) => r.quota?.publicEmployees ?? '—' },
              { title: 'Hiện có VC', align: 'right', render: (_, r) => r.actual.publicEmployees },
              {
                title: 'Cân đối biên chế',
                render: (_, r) =>
                  !r.quota ? (
                    '—'
                  ) : r.quotaOver ? (
                    <Tag color="red">Vượt {r.quotaOver}</Tag>
                  ) : r.quotaVacancy ? (
                    <Tag color="orange">Chưa dùng {r.quotaVacancy}</Tag>
                  ) : (
                    <Tag color="green">Đúng</Tag>
                  ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>Tổng cộng</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {d.total.positions}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {d.total.needed}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {d.total.held}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{balanceTag(d.total)}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {d.total.quota?.civilServants ?? '—'}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {d.total.actual.civilServants}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {d.total.quota?.publicEmployees ?? '—'}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  {d.total.actual.publicEmployees}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={9}>
                  Vượt {d.total.quotaOver}, chưa dùng {d.total.quotaVacancy}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {chartYears.length ? (
            <Card
              title="Tinh giản biên chế: kế hoạch và thực tế (cộng các cơ quan có kế hoạch)"
              style={{ marginTop: 16 }}
            >
              <Suspense fallback={<Spin />}>
                <StreamliningChart
                  years={chartYears}
                  label={`Biểu đồ tinh giản biên chế kế hoạch và thực tế của ${d.scopeName}`}
                />
              </Suspense>
              <Typography.Paragraph type="secondary">
                {chartYears.map((y) => `${y.year}: kế hoạch ${y.planned}, thực tế ${y.actual}`).join('; ')}.
              </Typography.Paragraph>
            </Card>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** "Vị trí việc làm, biên chế": an agency's positions and holders, its quota and streamlining; the city's figures. */
export default function PositionsPage() {
  const [params, setParams] = useSearchParams();
  const agencies = useApi<PositionAgencies>('/api/office/positions/agencies');
  const active = params.get('tab') === 'tong-hop' ? 'tong-hop' : 'co-quan';
  return (
    <>
      <PageHeader title="Vị trí việc làm, biên chế" />
      {agencies.error ? <Alert type="error" showIcon title={agencies.error.message} /> : null}
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'co-quan',
            label: 'Theo cơ quan',
            children: agencies.data ? <AgencyTab agencies={agencies.data} /> : <Spin />,
          },
          { key: 'tong-hop', label: 'Tổng hợp', children: <SummaryTab /> },
        ]}
      />
    </>
  );
}
