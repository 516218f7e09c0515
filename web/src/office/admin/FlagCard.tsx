import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { flagAttributeLabels, labelOf } from '../../labels';
import type { FlagStatus, ProcedureFlag } from '../../types';

/** One doubtful value: which procedure and attribute, why, the raw text, and the two ways to resolve it. */
export function FlagCard({ flag, onResolved }: { flag: ProcedureFlag; onResolved: (id: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<FlagStatus>();

  const resolve = async (status: Exclude<FlagStatus, 'open'>) => {
    setBusy(status);
    try {
      await api.post(`/api/admin/procedure-flags/${encodeURIComponent(flag.id)}/resolve`, { status });
      message.success(status === 'confirmed' ? 'Đã xác nhận dữ liệu đúng.' : 'Đã đánh dấu là đã sửa.');
      onResolved(flag.id);
    } catch (error) {
      message.error(errorMessage(error));
      setBusy(undefined);
      // 409: someone else resolved it meanwhile; it is no longer open.
      if (error instanceof ApiError && error.status === 409) onResolved(flag.id);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 6 }}>
        <Tag color="orange">{labelOf(flagAttributeLabels, flag.attribute)}</Tag>
        <Typography.Text type="secondary">{flag.procedureCode}</Typography.Text>
      </Flex>
      <h2 style={{ fontSize: 15, margin: '0 0 6px' }} className="wrap-anywhere">
        <Link to={`/quan-tri/thu-tuc/${encodeURIComponent(flag.procedureCode)}`}>{flag.procedureName}</Link>
      </h2>
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        <strong>Lý do:</strong> {flag.reason}
      </Typography.Paragraph>
      {flag.rawValue ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <strong>Giá trị gốc:</strong>{' '}
          <span className="raw-value pre-wrap">{flag.rawValue.normalize('NFC')}</span>
        </Typography.Paragraph>
      ) : null}
      <Flex wrap gap={8}>
        <Button
          type="primary"
          loading={busy === 'confirmed'}
          disabled={Boolean(busy)}
          onClick={() => resolve('confirmed')}
        >
          Xác nhận đúng
        </Button>
        <Button loading={busy === 'corrected'} disabled={Boolean(busy)} onClick={() => resolve('corrected')}>
          Đã sửa
        </Button>
      </Flex>
    </Card>
  );
}
