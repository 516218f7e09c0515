import { Flex, Steps, type StepsProps, Tag, Typography } from 'antd';
import { formatBudgetHours, formatVnDateTime } from '../../format';
import type { DossierStep } from '../../types';
import { StepTimingTag } from './DossierTags';

function statusOf(step: DossierStep): NonNullable<StepsProps['items']>[number]['status'] {
  if (step.completedAt) return 'finish';
  if (step.current) return step.timing === 'overdue' ? 'error' : 'process';
  return 'wait';
}

function StepDetails({ step }: { step: DossierStep }) {
  const rows: [string, string][] = [
    ['Cơ quan', step.agency?.name ?? '—'],
    ['Người xử lý', step.actorRoleLabel],
    ['Thời gian', formatBudgetHours(step.budgetHours)],
  ];
  if (step.startedAt) rows.push(['Bắt đầu', formatVnDateTime(step.startedAt)]);
  if (step.dueAt) rows.push(['Hạn bước', formatVnDateTime(step.dueAt)]);
  if (step.completedAt) rows.push(['Hoàn thành', formatVnDateTime(step.completedAt)]);
  return (
    <dl className="step-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}:</dt> <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The dossier's internal process (quy trình), interlinked steps included, with each step's timing. */
export function DossierSteps({ steps }: { steps: DossierStep[] }) {
  if (steps.length === 0) return <Typography.Text type="secondary">Chưa có quy trình.</Typography.Text>;
  const current = steps.findIndex((step) => step.current);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current >= 0 ? current : steps.filter((step) => step.completedAt).length}
      items={steps.map((step) => ({
        key: step.index,
        status: statusOf(step),
        title: (
          <Flex wrap gap={6} align="center" component="span">
            <span className="wrap-anywhere">
              {step.index + 1}. {step.name}
            </span>
            {step.interlinked ? <Tag color="geekblue">Liên thông</Tag> : null}
            {step.current ? <Tag color="blue">Đang xử lý</Tag> : null}
            <StepTimingTag timing={step.timing} />
          </Flex>
        ),
        content: <StepDetails step={step} />,
      }))}
    />
  );
}
