import { Alert, App, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorMessage, withQuery } from '../../api';
import { useAuth } from '../../auth';
import type { DossierDetail } from '../../types';
import { useApi } from '../../useApi';

interface Officer {
  id: string;
  fullName: string;
}

/**
 * Who works on the dossier in its holding queue: claim it, put one's own claim back in the queue, or (heads of
 * office, desk officers for desk-held dossiers) assign it to an officer of the holding role. Every change POSTs
 * the page's version; a stale page gets the server's message and a reload.
 */
export function AssigneeCard({ dossier, onReload }: { dossier: DossierDetail; onReload: () => void }) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [picking, setPicking] = useState(false);
  const [target, setTarget] = useState<string>();
  const holder = dossier.currentAgency && dossier.currentRole ? dossier.currentAgency : null;
  const officers = useApi<Officer[]>(
    picking && holder
      ? withQuery(`/api/office/agencies/${encodeURIComponent(holder.id)}/officers`, {
          role: dossier.currentRole,
        })
      : null,
  );
  if (!holder) return null;

  const mine = Boolean(user && dossier.assigneeUserId === user.id);
  const canRelease = Boolean(dossier.assigneeUserId) && (mine || dossier.canAssign);
  const stale = error instanceof ApiError && error.status === 409;

  const send = async (userId: string | null, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<DossierDetail>(`/api/office/dossiers/${encodeURIComponent(dossier.id)}/assign`, {
        version: dossier.version,
        userId,
      });
      message.success(done);
      setPicking(false);
      setTarget(undefined);
      onReload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="dossier-assignee-title">
      <h2 id="dossier-assignee-title">Người xử lý</h2>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {dossier.assigneeName ? (
          <>
            <strong>{dossier.assigneeName}</strong>
            {mine ? <Typography.Text type="secondary"> (bạn)</Typography.Text> : null}
          </>
        ) : (
          <Typography.Text type="secondary">Chưa phân công — hồ sơ đang ở hàng chờ chung.</Typography.Text>
        )}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          title={errorMessage(error)}
          action={
            stale ? (
              <Button size="small" onClick={onReload}>
                Tải lại
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        {dossier.canClaim && user ? (
          <Button type="primary" loading={busy} onClick={() => send(user.id, 'Đã nhận xử lý hồ sơ.')}>
            Nhận xử lý
          </Button>
        ) : null}
        {canRelease ? (
          <Button loading={busy} onClick={() => send(null, 'Đã trả hồ sơ lại hàng chờ.')}>
            Trả lại hàng chờ
          </Button>
        ) : null}
        {dossier.canAssign && !picking ? <Button onClick={() => setPicking(true)}>Phân công</Button> : null}
      </Flex>
      {picking ? (
        <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
          <Select<string>
            aria-label="Cán bộ được phân công"
            placeholder="Chọn cán bộ"
            style={{ minWidth: 220 }}
            loading={officers.loading}
            value={target}
            onChange={setTarget}
            options={(officers.data ?? [])
              .filter((o) => o.id !== dossier.assigneeUserId)
              .map((o) => ({ value: o.id, label: o.fullName }))}
            notFoundContent={officers.loading ? 'Đang tải…' : 'Không có cán bộ phù hợp.'}
          />
          <Button
            type="primary"
            disabled={!target}
            loading={busy}
            onClick={() => target && send(target, 'Đã phân công xử lý hồ sơ.')}
          >
            Giao xử lý
          </Button>
          <Button
            onClick={() => {
              setPicking(false);
              setTarget(undefined);
            }}
          >
            Hủy
          </Button>
        </Flex>
      ) : null}
      {officers.error ? (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorMessage(officers.error)} />
      ) : null}
    </section>
  );
}
