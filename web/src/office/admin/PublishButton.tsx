import { App, Button } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import type { ProcedureDetail } from '../../types';

/** "Công bố" / "Ngừng công bố" for one procedure; reports the new detail to the caller. */
export function PublishButton({
  code,
  published,
  onDone,
  size,
}: {
  code: string;
  published: boolean;
  onDone: (detail: ProcedureDetail) => void;
  size?: 'small' | 'middle';
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    setBusy(true);
    try {
      const action = published ? 'unpublish' : 'publish';
      const detail = await api.post<ProcedureDetail>(
        `/api/admin/procedures/${encodeURIComponent(code)}/${action}`,
      );
      onDone(detail);
      message.success(published ? `Đã ngừng công bố thủ tục ${code}.` : `Đã công bố thủ tục ${code}.`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size={size}
      loading={busy}
      onClick={toggle}
      type={published ? 'default' : 'primary'}
      ghost={!published}
    >
      {published ? 'Ngừng công bố' : 'Công bố'}
    </Button>
  );
}
