import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import type { Agency } from '../../types';
import { useApi } from '../../useApi';
import { AddDocumentDialog } from './AddDocumentDialog';
import { directionLabels, type OfficialDocument, statusLabels, vnDate } from './documentTypes';
import { ImportDialog } from './ImportDialog';
import { useDocumentAgencies } from './useDocumentAgencies';

/** The register: filters (also the drill-down target of the exchange figure), add, import. */
export default function RegisterTab() {
  const [params, setParams] = useSearchParams();
  const { kept, readable } = useDocumentAgencies();
  const every = useApi<Agency[]>('/api/agencies', { shared: true });
  const [page, setPage] = useState(1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [editing, setEditing] = useState<OfficialDocument>();
  const [archiving, setArchiving] = useState<OfficialDocument>();
  const keeps = (d: OfficialDocument) => kept.some((a) => a.id === d.agencyId);
  const filter = (key: string) => params.get(key) ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setPage(1);
  };
  const list = useApi<{ total: number; items: OfficialDocument[] }>(
    withQuery('/api/office/documents', {
      agencyId: filter('agencyId'),
      direction: filter('direction'),
      month: filter('month'),
      electronic: filter('electronic'),
      counterpartKind: filter('counterpartKind'),
      q: filter('q'),
      page,
      pageSize: 20,
    }),
  );

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="Cơ quan"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Tất cả cơ quan"
          style={{ minWidth: 260 }}
          value={filter('agencyId')}
          onChange={(v) => set('agencyId', v)}
          options={readable.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          aria-label="Loại văn bản"
          allowClear
          placeholder="Đến và đi"
          style={{ width: 140 }}
          value={filter('direction')}
          onChange={(v) => set('direction', v)}
          options={Object.entries(directionLabels).map(([value, label]) => ({ value, label }))}
        />
        <Input
          aria-label="Tháng"
          type="month"
          style={{ width: 170 }}
          value={filter('month') ?? ''}
          onChange={(e) => set('month', e.target.value || undefined)}
        />
        <Select
          aria-label="Hình thức"
          allowClear
          placeholder="Điện tử và giấy"
          style={{ width: 160 }}
          value={filter('electronic')}
          onChange={(v) => set('electronic', v)}
          options={[
            { value: 'true', label: 'Điện tử' },
            { value: 'false', label: 'Giấy' },
          ]}
        />
        <Input.Search
          aria-label="Tìm số, ký hiệu, trích yếu"
          placeholder="Số, ký hiệu, trích yếu, cơ quan"
          style={{ width: 280 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set('q', v.trim() || undefined)}
          allowClear
        />
        {kept.length > 0 ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
              Thêm văn bản
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
              Nhập từ tệp CSV/Excel
            </Button>
          </>
        ) : null}
      </Flex>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      <Table<OfficialDocument>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${total.toLocaleString('vi-VN')} văn bản`,
          onChange: setPage,
        }}
        columns={[
          {
            title: 'Loại',
            dataIndex: 'direction',
            render: (d: OfficialDocument['direction']) => directionLabels[d],
          },
          { title: 'Số, ký hiệu', render: (_, d) => `${d.number}/${d.symbol}` },
          { title: 'Ngày', dataIndex: 'issuedOn', render: vnDate },
          { title: 'Trích yếu', dataIndex: 'summary' },
          { title: 'Cơ quan gửi/nhận', dataIndex: 'counterpartName' },
          {
            title: 'Hình thức',
            render: (_, d) => (
              <>
                <Tag color={d.electronic ? 'green' : 'orange'}>{d.electronic ? 'Điện tử' : 'Giấy'}</Tag>
                {d.digitallySigned ? <Tag color="blue">Ký số</Tag> : null}
              </>
            ),
          },
          { title: 'Hạn xử lý', dataIndex: 'dueOn', render: vnDate },
          { title: 'Người xử lý', dataIndex: 'handler' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (s: OfficialDocument['status']) => statusLabels[s],
          },
          { title: 'Cơ quan', dataIndex: 'agencyName' },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, d) =>
              keeps(d) ? (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => setEditing(d)}
                    aria-label={`Sửa văn bản ${d.number}/${d.symbol}`}
                  >
                    Sửa
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setArchiving(d)}
                    aria-label={`Lưu trữ văn bản ${d.number}/${d.symbol}`}
                  >
                    Lưu trữ
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <AddDocumentDialog
          key={editing.id}
          open
          kept={kept}
          editing={editing}
          agencies={(every.data ?? []).map((a) => ({ id: a.id, name: a.name }))}
          onClose={() => setEditing(undefined)}
          onAdded={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      ) : null}
      {archiving ? (
        <ArchiveDialog
          document={archiving}
          onClose={(changed) => {
            setArchiving(undefined);
            if (changed) list.reload();
          }}
        />
      ) : null}
      <AddDocumentDialog
        open={dialog === 'add'}
        kept={kept}
        agencies={(every.data ?? []).map((a) => ({ id: a.id, name: a.name }))}
        onClose={() => setDialog(null)}
        onAdded={() => {
          setDialog(null);
          list.reload();
        }}
      />
      {dialog === 'import' ? (
        <ImportDialog open agencies={kept} onClose={() => setDialog(null)} onImported={list.reload} />
      ) : null}
    </>
  );
}

/** Archives an entry entered in error (out of the register and its figures; kept with the reason). */
function ArchiveDialog({
  document,
  onClose,
}: {
  document: OfficialDocument;
  onClose: (changed: boolean) => void;
}) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.post(`/api/office/documents/${document.id}/archive`, { reason, version: document.version });
      message.success('Đã lưu trữ văn bản.');
      onClose(true);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`Lưu trữ văn bản ${document.number}/${document.symbol}`}
      okText="Lưu trữ"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <p>
        Văn bản lưu trữ không còn hiện trong sổ và không được tính vào tỷ lệ văn bản điện tử; lịch sử vẫn được
        giữ.
      </p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <label htmlFor="archive-reason">Lý do lưu trữ</label>
      <Input.TextArea
        id="archive-reason"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="Ví dụ: nhập trùng, nhập nhầm cơ quan"
      />
    </Modal>
  );
}
