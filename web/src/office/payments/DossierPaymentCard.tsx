import { FilePdfOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { formatVnDateTime, formatVnd } from '../../format';
import { type PaymentView, paymentStatusColors } from '../../portal/online/PaymentCard';
import { useApi } from '../../useApi';

// The fee of a dossier on the office page: its state, each payment attempt and the gateway messages about it,
// the receipt, and the refund (head of office or administrator, with a reason).

interface OfficePayment extends Omit<PaymentView, 'gateway' | 'lastReturn'> {
  canRefund: boolean;
  orders: {
    txnRef: string;
    amountVnd: number;
    state: string;
    stateLabel: string;
    createdAt: string;
    confirmedAt: string | null;
    transactionNo: string | null;
    bankCode: string | null;
    checkAttempts: number;
    lastCheckError: string | null;
    gatewayNote: string | null;
  }[];
  messages: { id: number; kind: string; receivedAt: string; verdict: string; message: string | null }[];
}

const kindLabels: Record<string, string> = {
  ipn: 'IPN',
  return: 'Quay lại từ cổng',
  querydr: 'Truy vấn (querydr)',
  refund: 'Hoàn tiền',
};

export function DossierPaymentCard({ dossierId }: { dossierId: string }) {
  const { data, setData } = useApi<OfficePayment>(`/api/office/dossiers/${dossierId}/payment`);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!data?.amountVnd || (data.status === 'not_required' && data.orders.length === 0)) return null;

  const refund = async () => {
    setSending(true);
    setProblem(null);
    try {
      setData(await api.post<OfficePayment>(`/api/office/dossiers/${dossierId}/payment/refund`, { reason }));
      setOpen(false);
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="section" aria-labelledby="payment-title">
      <h2 id="payment-title">Phí, lệ phí trực tuyến</h2>
      <p>
        {formatVnd(data.amountVnd)}{' '}
        <Tag color={paymentStatusColors[data.status]} data-testid="office-payment-status">
          {data.statusLabel}
        </Tag>
      </p>
      {data.note ? <Typography.Paragraph type="secondary">{data.note}</Typography.Paragraph> : null}
      {data.refund ? (
        <Typography.Paragraph>
          Đã hoàn tiền lúc {formatVnDateTime(data.refund.at)}. Lý do: {data.refund.reason}
        </Typography.Paragraph>
      ) : null}
      {data.orders.some((o) => o.gatewayNote) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={data.orders
            .flatMap((o) => (o.gatewayNote ? [`${o.txnRef}: ${o.gatewayNote}`] : []))
            .join(' ')}
        />
      ) : null}
      {data.orders.length > 0 ? (
        <Table
          size="small"
          rowKey="txnRef"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data.orders}
          columns={[
            { title: 'Mã giao dịch', dataIndex: 'txnRef' },
            { title: 'Trạng thái', dataIndex: 'stateLabel' },
            { title: 'Tạo lúc', dataIndex: 'createdAt', render: (v: string) => formatVnDateTime(v) },
            { title: 'Mã GD cổng', dataIndex: 'transactionNo', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ) : null}
      {data.messages.length > 0 ? (
        <details style={{ margin: '8px 0' }}>
          <summary>Nhật ký trao đổi với cổng thanh toán ({data.messages.length})</summary>
          <ul>
            {data.messages.map((m) => (
              <li key={m.id}>
                {formatVnDateTime(m.receivedAt)} — {kindLabels[m.kind] ?? m.kind}: {m.verdict}
                {m.message ? ` (${m.message})` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {data.receiptAvailable ? (
        <Button icon={<FilePdfOutlined />} href={`/api/office/dossiers/${dossierId}/payment/receipt`}>
          Biên lai điện tử (PDF)
        </Button>
      ) : null}{' '}
      {data.canRefund && data.status === 'paid' ? (
        <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
          Hoàn tiền
        </Button>
      ) : null}
      <Modal
        open={open}
        title="Hoàn tiền lệ phí"
        okText="Hoàn tiền"
        cancelText="Đóng"
        okButtonProps={{ danger: true, loading: sending, disabled: reason.trim().length < 5 }}
        onOk={refund}
        onCancel={() => setOpen(false)}
      >
        <p>Số tiền {formatVnd(data.amountVnd)} sẽ được hoàn qua cổng thanh toán cho người nộp.</p>
        <label htmlFor="refund-reason">Lý do hoàn tiền (bắt buộc)</label>
        <Input.TextArea
          id="refund-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem ? (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />
        ) : null}
      </Modal>
    </section>
  );
}
