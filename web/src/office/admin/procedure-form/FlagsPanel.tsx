import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api';
import { flagAttributeLabels, labelOf } from '../../../labels';
import type { FlagStatus, ProcedureFlag } from '../../../types';

/** The procedure's open flags, each resolvable as confirmed or corrected. */
export function FlagsPanel({
  flags,
  onResolved,
}: {
  flags: ProcedureFlag[];
  onResolved: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const open = flags.filter((flag) => flag.status === 'open');
  if (open.length === 0) return null;

  const resolve = async (flag: ProcedureFlag, status: Exclude<FlagStatus, 'open'>) => {
    setBusy(flag.id);
    try {
      await api.post(`/api/admin/procedure-flags/${encodeURIComponent(flag.id)}/resolve`, { status });
      onResolved(flag.id);
      message.success(status === 'confirmed' ? 'Đã xác nhận dữ liệu.' : 'Đã đánh dấu là đã sửa.');
    } catch (error) {
      message.error(errorMessage(error));
      if (error instanceof ApiError && error.status === 409) onResolved(flag.id);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`Dữ liệu cần xác nhận (${open.length})`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {open.map((flag) => (
            <li key={flag.id} style={{ marginBottom: 8 }}>
              <strong>{labelOf(flagAttributeLabels, flag.attribute)}:</strong> {flag.reason}
              {flag.rawValue ? (
                <div>
                  <Typography.Text type="secondary" className="pre-wrap">
                    Giá trị gốc: {flag.rawValue.normalize('NFC')}
                  </Typography.Text>
                </div>
              ) : null}
              <Flex wrap gap={8} style={{ marginTop: 4 }}>
                <Button size="small" loading={busy === flag.id} onClick={() => resolve(flag, 'confirmed')}>
                  Xác nhận
                </Button>
                <Button size="small" disabled={busy === flag.id} onClick={() => resolve(flag, 'corrected')}>
                  Đã sửa
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      }
    />
  );
}
