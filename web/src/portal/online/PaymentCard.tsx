import { CreditCardOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { formatVnd } from '../../format';
import { useApi } from '../../useApi';

// The fee of a dossier on "Hồ sơ của tôi": due → "Thanh toán trực tuyến" (the gateway's page), pending while the
// gateway has not confirmed (polled), paid with the electronic receipt, or refunded. The page the gateway sends
// the browser back to shows what the gateway said, but only the gateway's signed notification marks it paid.

export interface PaymentView {
  status: 'not_required' | 'due' | 'pending' | 'paid' | 'refunded';
  statusLabel: string;
  amountVnd: number | null;
  payable: boolean;
  note: string | null;
  paidAt: string | null;
  txnRef: string | null;
  transactionNo: string | null;
  receiptAvailable: boolean;
  refund: { at: string; reason: string } | null;
  pending: { txnRef: string; paymentUrl: string; expiresAt: string } | null;
  gateway: string | null;
  lastReturn: { txnRef: string; success: boolean; signatureValid: boolean; message: string } | null;
}

export const paymentStatusColors: Record<PaymentView['status'], string> = {
  not_required: 'default',
  due: 'orange',
  pending: 'processing',
  paid: 'green',
  refunded: 'purple',
};

export function PaymentCard({ dossierId }: { dossierId: string }) {
  const [search] = useSearchParams();
  const txnRef = search.get('thanh-toan');
  const path = withQuery(`/api/my/dossiers/${dossierId}/payment`, { txnRef });
  const { data: payment, reload } = useApi<PaymentView>(path);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [polls, setPolls] = useState(0);

  // While the gateway's confirmation is awaited, ask again every two seconds (for two minutes at most).
  const waiting = payment?.status === 'pending' || (txnRef !== null && payment?.status === 'due');
  useEffect(() => {
    if (!waiting || polls >= 60) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      reload();
    }, 2_000);
    return () => clearTimeout(timer);
  }, [waiting, polls, reload]);

  if (!payment?.amountVnd) return null;

  const pay = async () => {
    setStarting(true);
    setProblem(null);
    try {
      const { paymentUrl } = await api.post<{ paymentUrl: string }>(`/api/my/dossiers/${dossierId}/payment`);
      window.location.assign(paymentUrl);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setStarting(false);
    }
  };

  return (
    <section className="section" aria-labelledby="payment-title">
      <h2 id="payment-title">Phí, lệ phí</h2>
      <p style={{ marginTop: 0 }}>
        Số tiền: <strong>{formatVnd(payment.amountVnd)}</strong>{' '}
        <Tag color={paymentStatusColors[payment.status]} data-testid="payment-status">
          {payment.statusLabel}
        </Tag>
      </p>
      {payment.lastReturn && payment.status !== 'paid' ? (
        <Alert
          type={payment.lastReturn.success ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            payment.lastReturn.success
              ? 'Cổng thanh toán báo giao dịch thành công. Hệ thống đang chờ cổng thanh toán xác nhận chính thức.'
              : `Giao dịch chưa thành công: ${payment.lastReturn.message}`
          }
        />
      ) : null}
      {payment.status === 'pending' && !payment.lastReturn ? (
        <p className="online-step-note">
          Đang chờ cổng thanh toán xác nhận giao dịch. Nếu bạn chưa hoàn tất, có thể mở lại trang thanh toán.
        </p>
      ) : null}
      {payment.note ? <p className="online-step-note">{payment.note}</p> : null}
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      ) : null}
      {payment.status === 'paid' ? (
        <p>
          Đã nộp lúc {payment.paidAt ? new Date(payment.paidAt).toLocaleString('vi-VN') : ''} qua{' '}
          {payment.gateway ?? 'cổng thanh toán'}
          {payment.transactionNo ? ` (mã giao dịch ${payment.transactionNo})` : ''}.
        </p>
      ) : null}
      {payment.refund ? (
        <p>
          Đã hoàn tiền lúc {new Date(payment.refund.at).toLocaleString('vi-VN')}. Lý do:{' '}
          {payment.refund.reason}
        </p>
      ) : null}
      {payment.payable ? (
        <Button type="primary" size="large" icon={<CreditCardOutlined />} loading={starting} onClick={pay}>
          Thanh toán trực tuyến
        </Button>
      ) : null}
      {payment.status === 'pending' && payment.pending ? (
        <Button href={payment.pending.paymentUrl}>Mở lại trang thanh toán</Button>
      ) : null}
      {payment.receiptAvailable ? (
        <Button icon={<FilePdfOutlined />} href={`/api/my/dossiers/${dossierId}/payment/receipt`}>
          Tải biên lai điện tử (PDF)
        </Button>
      ) : null}
    </section>
  );
}
