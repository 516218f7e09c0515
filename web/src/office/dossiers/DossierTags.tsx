import { Tag } from 'antd';
import {
  dossierStateColors,
  dossierStateLabels,
  labelOf,
  stepTimingColors,
  stepTimingLabels,
  urgencyColors,
  urgencyLabels,
} from '../../labels';
import type { DossierState, StepTiming, Urgency } from '../../types';

const wrap = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;

/** The dossier's state; the server's label when it sends one. */
export function StateTag({ state, label }: { state: DossierState; label?: string }) {
  return (
    <Tag color={dossierStateColors[state] ?? 'default'} style={wrap}>
      {label || labelOf(dossierStateLabels, state)}
    </Tag>
  );
}

/** Trong hạn (green), Sắp đến hạn (orange), Quá hạn (red); nothing for dossiers without a running deadline. */
export function UrgencyTag({ urgency }: { urgency: Urgency | null }) {
  if (!urgency) return null;
  return (
    <Tag color={urgencyColors[urgency]} style={wrap}>
      {urgencyLabels[urgency]}
    </Tag>
  );
}

export function StepTimingTag({ timing }: { timing: StepTiming | null }) {
  if (!timing) return null;
  return (
    <Tag color={stepTimingColors[timing]} style={wrap}>
      {stepTimingLabels[timing]}
    </Tag>
  );
}
