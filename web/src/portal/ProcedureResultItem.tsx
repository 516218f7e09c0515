import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { OnlineModeTag } from '../components/OnlineModeTag';
import { formatFee, formatProcessingTime } from '../format';
import type { ProcedureSummary } from '../types';

export function ProcedureResultItem({ procedure }: { procedure: ProcedureSummary }) {
  return (
    <li>
      <h2 className="wrap-anywhere">
        <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}>{procedure.name}</Link>
      </h2>
      <Flex wrap gap="4px 12px" align="center" style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">Mã: {procedure.code}</Typography.Text>
        <Typography.Text type="secondary">Lĩnh vực: {procedure.field}</Typography.Text>
        <OnlineModeTag mode={procedure.onlineMode} />
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 0 }} className="wrap-anywhere">
        <strong>Thời hạn giải quyết:</strong>{' '}
        {formatProcessingTime(
          procedure.processingTimeValue,
          procedure.processingTimeUnit,
          procedure.processingTimeText,
        )}
      </Typography.Paragraph>
      <Typography.Paragraph
        style={{ marginBottom: 0 }}
        ellipsis={{ rows: 2, expandable: true, symbol: 'Xem thêm' }}
        className="wrap-anywhere"
      >
        <strong>Phí, lệ phí:</strong> {formatFee(procedure.feeText)}
      </Typography.Paragraph>
    </li>
  );
}
