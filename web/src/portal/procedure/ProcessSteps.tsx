import { Alert, Tag, Typography } from 'antd';
import { formatNumber, formatProcessingTime, totalWorkingDays } from '../../format';
import { agencyRoleLabels, labelOf, stepActorLabels, stepDurationUnitLabels } from '../../labels';
import type { ProcedureDetail } from '../../types';

/** "Trình tự thực hiện / Quy trình nội bộ": the steps with who acts and their time budget. */
export function ProcessSteps({ procedure }: { procedure: ProcedureDetail }) {
  const steps = procedure.internalProcess;
  if (steps.length === 0) return <Typography.Text type="secondary">Chưa có thông tin.</Typography.Text>;
  return (
    <>
      {procedure.internalProcessIsDefault ? (
        <Alert
          type="info"
          showIcon
          title="Quy trình mặc định, cơ quan sẽ điều chỉnh"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ol style={{ paddingLeft: 22, margin: 0 }}>
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are shown in their fixed order.
          <li key={index} style={{ marginBottom: 8 }}>
            <div className="wrap-anywhere">{step.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              <Tag style={{ marginInlineEnd: 6 }}>{labelOf(stepActorLabels, step.actorRole)}</Tag>
              {labelOf(agencyRoleLabels, step.agencyRole)} · {formatNumber(step.durationValue)}{' '}
              {labelOf(stepDurationUnitLabels, step.durationUnit)}
            </Typography.Text>
          </li>
        ))}
      </ol>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <strong>Tổng thời gian các bước:</strong> {formatNumber(totalWorkingDays(steps))} ngày làm việc ·{' '}
        <strong>Thời hạn theo quy định:</strong>{' '}
        {formatProcessingTime(
          procedure.processingTimeValue,
          procedure.processingTimeUnit,
          procedure.processingTimeText,
        )}
      </Typography.Paragraph>
    </>
  );
}
