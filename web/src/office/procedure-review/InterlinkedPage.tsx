import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { filterByLabel } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { ProcedureSelect } from './ProcedureSelect';
import { useUnitsAndAgencies } from './useUnitsAndAgencies';

interface Interlinked {
  procedureCode: string;
  procedureName: string;
  agencies: { id: string; name: string }[];
  note: string | null;
  version: number;
}

/** "Thủ tục liên thông": the procedures that must be processed interlinked and their agencies, in order. */
export default function InterlinkedPage() {
  const { user } = useAuth();
  const canManage = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  const list = useApi<{ items: Interlinked[] }>('/api/office/interlinked-procedures');
  const [editing, setEditing] = useState<Interlinked | 'new' | null>(null);
  const [problem, setProblem] = useState<string>();
  const remove = async (row: Interlinked) => {
    try {
      await api.delete(`/api/office/interlinked-procedures/${encodeURIComponent(row.procedureCode)}`);
      list.reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  const columns: TableColumnsType<Interlinked> = [
    { title: 'Thủ tục', key: 'procedure', render: (_, r) => `${r.procedureCode} — ${r.procedureName}` },
    {
      title: 'Cơ quan tham gia (theo thứ tự)',
      key: 'agencies',
      render: (_, r) => r.agencies.map((a, i) => `${i + 1}. ${a.name}`).join(' → '),
    },
    { title: 'Ghi chú', dataIndex: 'note', responsive: ['lg'] },
    ...(canManage
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, r: Interlinked) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Bỏ thủ tục khỏi danh mục liên thông?"
                  okText="Bỏ"
                  cancelText="Hủy"
                  onConfirm={() => void remove(r)}
                >
                  <Button size="small" danger>
                    Bỏ
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title="Thủ tục liên thông"
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              Thêm thủ tục liên thông
            </Button>
          ) : null
        }
      >
        <Link to="/quan-tri/ra-soat-tthc">← Rà soát, đơn giản hóa TTHC</Link>
      </PageHeader>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Hồ sơ của các thủ tục trong danh mục chỉ được chuyển liên thông đến các cơ quan đã liệt kê; trang hồ sơ gợi ý cơ quan cần chuyển tiếp theo."
      />
      {problem || list.error ? (
        <Alert type="error" showIcon title={problem ?? list.error?.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Table
        rowKey="procedureCode"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: 'Chưa có thủ tục nào trong danh mục liên thông.' }}
      />
      {editing ? (
        <InterlinkModal
          row={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function InterlinkModal({
  row,
  onClose,
  onDone,
}: {
  row: Interlinked | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { agencyOptions, loading } = useUnitsAndAgencies();
  const [form] = Form.useForm<{ procedureCode: string; agencyIds: string[]; note?: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.put(`/api/office/interlinked-procedures/${encodeURIComponent(values.procedureCode)}`, {
        agencyIds: values.agencyIds,
        note: values.note?.trim() || null,
        ...(row ? { version: row.version } : {}),
      });
      onDone();
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={row ? 'Sửa thủ tục liên thông' : 'Thêm thủ tục liên thông'}
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
        initialValues={
          row
            ? { procedureCode: row.procedureCode, agencyIds: row.agencies.map((a) => a.id), note: row.note }
            : {}
        }
      >
        <Form.Item
          name="procedureCode"
          label="Thủ tục"
          rules={[{ required: true, message: 'Vui lòng chọn thủ tục.' }]}
        >
          {row ? <Input disabled /> : <ProcedureSelect />}
        </Form.Item>
        <Form.Item
          name="agencyIds"
          label="Cơ quan tham gia, theo thứ tự chọn"
          rules={[{ required: true, message: 'Vui lòng chọn ít nhất hai cơ quan.' }]}
        >
          <Select
            mode="multiple"
            options={agencyOptions}
            loading={loading}
            showSearch={{ filterOption: filterByLabel }}
          />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú (căn cứ, quy trình)">
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
