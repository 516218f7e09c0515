import {
  Button,
  Col,
  Flex,
  Form,
  Grid,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { withQuery } from '../../api';
import { useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { SearchBox } from '../../components/SearchBox';
import { formatVnDateTime } from '../../format';
import { dossierActionLabels, dossierStateLabels, labelOf, optionsOf, roleLabels } from '../../labels';
import type { AvailableAction, DossierSummary, OfficeAgency, Page } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { loadActionModal } from './actionPayload';
import { StateTag, UrgencyTag } from './DossierTags';
import { dossierPath } from './dossierLinks';

const ActionModal = lazy(loadActionModal);
const pageSize = 20;
const stateOptions = [{ value: '', label: 'Tất cả trạng thái' }, ...optionsOf(dossierStateLabels)];
const returnAction: AvailableAction = { type: 'return_result', label: dossierActionLabels.return_result };

/**
 * The work queue (dossiers waiting for one of my roles, most urgent first), the dossiers assigned to me, and
 * every dossier of my agencies. Filters live in the address so a list can be bookmarked or shared.
 */
export default function DossierListPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get('scope');
  const scope = scopeParam === 'all' || scopeParam === 'mine' ? scopeParam : 'queue';
  const agencyId = params.get('agencyId') ?? '';
  const state = params.get('state') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi<Page<DossierSummary>>(
    withQuery('/api/office/dossiers', { scope, agencyId, state, q, page, pageSize }),
  );
  const agencies = useApi<OfficeAgency[]>('/api/office/agencies', { shared: true });
  const [returning, setReturning] = useState<DossierSummary | null>(null);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  // The counter's quick return: a desk officer of the desk the result waits at.
  const canReturn = (row: DossierSummary) =>
    row.state === 'result_issued' &&
    Boolean(user?.roles.some((r) => r.role === 'desk_officer' && r.agencyId === row.currentAgencyId));

  const agencyOptions = [
    { value: '', label: 'Tất cả cơ quan của tôi' },
    ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
  ];
  const rows = list.data?.items ?? [];

  // Every column fits side by side on a wide screen; a tablet gets three denser ones instead of a sideways scroll.
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.xl);
  const holder = (row: DossierSummary) =>
    row.currentAgencyName
      ? `${row.currentAgencyName}${row.currentRole ? ` — ${labelOf(roleLabels, row.currentRole)}` : ''}`
      : '—';
  const assignee = (row: DossierSummary) =>
    row.assigneeName ??
    (row.currentAgencyId ? <Typography.Text type="secondary">Chưa phân công</Typography.Text> : '—');
  const codeLink = (row: DossierSummary) => <Link to={dossierPath(row.id)}>{row.code ?? 'Chưa có mã'}</Link>;
  const due = (row: DossierSummary) => (
    <Flex vertical gap={2} align="start">
      <span style={{ whiteSpace: 'nowrap' }}>{formatVnDateTime(row.dueAt) || '—'}</span>
      <UrgencyTag urgency={row.urgency} />
    </Flex>
  );
  // The counter's quick return sits next to the state it answers ("Đã có kết quả, chờ trả").
  const returnButton = (row: DossierSummary) =>
    canReturn(row) ? (
      <Button
        size="small"
        type="primary"
        aria-label={`Trả kết quả hồ sơ ${row.code ?? ''}`.trim()}
        onClick={() => setReturning(row)}
        style={{ marginTop: 6 }}
      >
        Trả kết quả
      </Button>
    ) : null;
  const wideColumns: TableColumnsType<DossierSummary> = [
    {
      title: 'Mã hồ sơ',
      key: 'code',
      render: (_, row) => (
        <div style={{ minWidth: 110, maxWidth: 150 }} className="wrap-anywhere">
          {codeLink(row)}
        </div>
      ),
    },
    {
      title: 'Thủ tục',
      dataIndex: 'procedureName',
      render: (name: string) => <div style={{ minWidth: 150, maxWidth: 230 }}>{name}</div>,
    },
    {
      title: 'Người nộp',
      dataIndex: 'applicantName',
      render: (name: string) => (
        <div style={{ minWidth: 90, maxWidth: 140 }} className="wrap-anywhere">
          {name}
        </div>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'state',
      render: (_, row) => (
        <div style={{ maxWidth: 150 }}>
          <StateTag state={row.state} label={row.stateLabel} />
          {returnButton(row)}
        </div>
      ),
    },
    {
      title: 'Đang ở',
      key: 'holder',
      render: (_, row) =>
        row.currentAgencyName ? (
          <div style={{ minWidth: 110, maxWidth: 170 }}>
            <div>{row.currentAgencyName}</div>
            {row.currentRole ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {labelOf(roleLabels, row.currentRole)}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: 'Người xử lý',
      key: 'assignee',
      render: (_, row) => <div style={{ minWidth: 90, maxWidth: 140 }}>{assignee(row)}</div>,
    },
    { title: 'Hạn giải quyết', key: 'due', render: (_, row) => due(row) },
  ];
  const phoneColumns: TableColumnsType<DossierSummary> = [
    {
      title: 'Hồ sơ',
      key: 'dossier',
      render: (_, row) => (
        <Flex vertical gap={4} align="start" className="wrap-anywhere">
          <span style={{ fontWeight: 600 }}>{codeLink(row)}</span>
          <span>{row.procedureName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            Người nộp: {row.applicantName}
          </Typography.Text>
          <StateTag state={row.state} label={row.stateLabel} />
          <span style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">Đang ở: </Typography.Text>
            {holder(row)}
          </span>
          <span style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">Người xử lý: </Typography.Text>
            {assignee(row)}
          </span>
          <Flex wrap gap={6} align="center">
            <span>Hạn: {formatVnDateTime(row.dueAt) || '—'}</span>
            <UrgencyTag urgency={row.urgency} />
          </Flex>
          {returnButton(row)}
        </Flex>
      ),
    },
  ];
  const compactColumns: TableColumnsType<DossierSummary> = [
    {
      title: 'Hồ sơ',
      key: 'dossier',
      render: (_, row) => (
        <div style={{ minWidth: 150 }} className="wrap-anywhere">
          <div style={{ fontWeight: 600 }}>{codeLink(row)}</div>
          <div>{row.procedureName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            Người nộp: {row.applicantName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'state',
      render: (_, row) => (
        <div style={{ minWidth: 110 }}>
          <StateTag state={row.state} label={row.stateLabel} />
          <div style={{ fontSize: 13, marginTop: 4 }}>
            <Typography.Text type="secondary">Đang ở: </Typography.Text>
            {holder(row)}
          </div>
          <div style={{ fontSize: 13 }}>
            <Typography.Text type="secondary">Người xử lý: </Typography.Text>
            {assignee(row)}
          </div>
          {returnButton(row)}
        </div>
      ),
    },
    { title: 'Hạn giải quyết', key: 'due', render: (_, row) => due(row) },
  ];
  const title = scope === 'all' ? 'Tra cứu hồ sơ' : scope === 'mine' ? 'Hồ sơ của tôi' : 'Hồ sơ cần xử lý';

  return (
    <>
      <PageHeader title={title} />
      <Tabs
        activeKey={scope}
        onChange={(key) => update({ scope: key === 'queue' ? '' : key })}
        items={[
          { key: 'queue', label: 'Hồ sơ cần xử lý' },
          { key: 'mine', label: 'Của tôi' },
          { key: 'all', label: 'Tất cả hồ sơ' },
        ]}
      />
      <Row gutter={[12, 12]} align="bottom" style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <SearchBox
            initialValue={q}
            placeholder="Mã hồ sơ, người nộp hoặc tên thủ tục"
            onSearch={(value) => update({ q: value })}
          />
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Form.Item label="Cơ quan" htmlFor="dossier-agency" style={{ marginBottom: 0 }} layout="vertical">
            <Select
              id="dossier-agency"
              value={agencyId}
              options={agencyOptions}
              loading={agencies.loading}
              onChange={(value: string) => update({ agencyId: value })}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Form.Item label="Trạng thái" htmlFor="dossier-state" style={{ marginBottom: 0 }} layout="vertical">
            <Select
              id="dossier-state"
              value={state}
              options={stateOptions}
              onChange={(value: string) => update({ state: value })}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
      </Row>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      <Table<DossierSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        // Only the wide layout may scroll sideways; the denser ones wrap their text instead.
        scroll={wide ? { x: 'max-content' } : undefined}
        rowClassName={() => 'clickable-row'}
        onRow={(row) => ({
          onClick: (event) => {
            // Links and buttons inside the row do their own thing.
            if ((event.target as HTMLElement).closest('a, button')) return;
            navigate(dossierPath(row.id));
          },
        })}
        locale={{
          emptyText: list.loading
            ? 'Đang tải…'
            : scope === 'queue'
              ? 'Không có hồ sơ nào đang chờ bạn xử lý.'
              : scope === 'mine'
                ? 'Chưa có hồ sơ nào được giao cho bạn.'
                : 'Không có hồ sơ nào phù hợp.',
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${total} hồ sơ`,
          onChange: (next) => update({ page: next > 1 ? String(next) : '' }),
        }}
        columns={wide ? wideColumns : screens.md === false ? phoneColumns : compactColumns}
      />
      {returning ? (
        <Suspense fallback={null}>
          <ActionModal
            target={{
              id: returning.id,
              version: returning.version,
              code: returning.code,
              channel: returning.channel,
              dueAt: returning.dueAt,
              supplementCount: 0,
              intakeSupplementCount: 0,
            }}
            action={returnAction}
            onClose={() => setReturning(null)}
            onDone={() => {
              setReturning(null);
              list.reload();
            }}
            onReload={list.reload}
          />
        </Suspense>
      ) : null}
    </>
  );
}
