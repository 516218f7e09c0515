import { Tag } from 'antd';
import { labelOf, onlineModeColors, onlineModeLabels } from '../labels';
import type { OnlineMode } from '../types';

export function OnlineModeTag({ mode }: { mode: OnlineMode }) {
  return <Tag color={onlineModeColors[mode] ?? 'default'}>{labelOf(onlineModeLabels, mode)}</Tag>;
}
