import type { ReactNode } from 'react';

/** A centred panel for the sign-in, sign-up and account forms; full width on phones. */
export function FormCard({
  title,
  children,
  maxWidth = 460,
}: {
  title: string;
  children: ReactNode;
  maxWidth?: number;
}) {
  return (
    <div className="form-card" style={{ maxWidth }}>
      <h1 className="form-card-title">{title}</h1>
      {children}
    </div>
  );
}
