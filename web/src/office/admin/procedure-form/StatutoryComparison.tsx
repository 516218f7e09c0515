import { Alert, Form } from 'antd';
import { formatNumber, formatProcessingTime, totalWorkingDays } from '../../../format';
import type { TimeUnit } from '../../../types';
import type { ProcedureFormValues } from './formValues';

/** The internal process total compared with the statutory processing time. */
export function StatutoryComparison() {
  const form = Form.useFormInstance<ProcedureFormValues>();
  const steps = Form.useWatch('internalProcess', form) ?? [];
  const value = Form.useWatch('processingTimeValue', form) as number | null | undefined;
  const unit = Form.useWatch('processingTimeUnit', form) as TimeUnit | null | undefined;

  const total = totalWorkingDays(steps);
  const totalText = `Tổng thời gian các bước: ${formatNumber(total)} ngày làm việc`;
  if (value === null || value === undefined) {
    return <Alert type="info" showIcon title={`${totalText}. Chưa có thời hạn theo quy định để so sánh.`} />;
  }
  const statutory = formatProcessingTime(value, unit ?? null);
  // Working-day units compare exactly; a calendar limit is never shorter than the same number of working days.
  const limitDays =
    unit === 'working_days'
      ? value
      : unit === 'working_hours'
        ? value / 8
        : unit === 'calendar_days'
          ? value
          : null;
  if (limitDays === null) {
    return <Alert type="info" showIcon title={`${totalText} · Thời hạn theo quy định: ${statutory}.`} />;
  }
  const over = total > limitDays;
  return (
    <Alert
      type={over ? 'warning' : 'success'}
      showIcon
      title={`${totalText} · Thời hạn theo quy định: ${statutory}.`}
      description={
        over
          ? 'Tổng thời gian các bước vượt thời hạn theo quy định. Vui lòng rút ngắn thời gian các bước.'
          : 'Quy trình nằm trong thời hạn theo quy định.'
      }
    />
  );
}
