import { Flex, Spin } from 'antd';

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Flex justify="center" align="center" style={{ padding: '48px 0' }} role="status" aria-live="polite">
      <Spin description={label} />
    </Flex>
  );
}
