import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** Key facts of a page as a definition list, in a row that wraps on small screens. */
export function Facts({ items }: { items: { key: string; label: string; children: ReactNode }[] }) {
  return (
    <Flex component="dl" wrap gap="8px 32px" style={{ margin: '0 0 16px' }}>
      {items.map((i) => (
        <div key={i.key}>
          <dt style={{ display: 'inline', fontWeight: 600 }}>{i.label}: </dt>
          <dd style={{ display: 'inline', margin: 0 }}>{i.children}</dd>
        </div>
      ))}
    </Flex>
  );
}

/** Secondary text under a criterion (kind, figures, guidance), dark enough for WCAG contrast. */
export function Muted({ children }: { children: ReactNode }) {
  return <div style={{ color: '#595959', fontSize: 13 }}>{children}</div>;
}
