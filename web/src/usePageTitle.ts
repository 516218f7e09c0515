import { useEffect } from 'react';

const siteName = 'Motcua — Dịch vụ công';

/** Sets document.title to "<title> — Motcua — Dịch vụ công" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ${siteName}` : siteName;
  }, [title]);
}
