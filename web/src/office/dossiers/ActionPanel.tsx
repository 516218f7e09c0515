import { Button, Flex, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { AvailableAction, DossierActionType, DossierDetail } from '../../types';
import type { ActionTarget } from './ActionModal';
import { actionTitle, dangerousActions, loadActionModal } from './actionPayload';

const ActionModal = lazy(loadActionModal);

// The action that moves the dossier forward is the primary button.
const forward: DossierActionType[] = [
  'receive',
  'complete_step',
  'approve',
  'issue_result',
  'return_result',
  'supply_supplement',
  'submit',
];

export function targetOf(dossier: DossierDetail): ActionTarget {
  return {
    id: dossier.id,
    version: dossier.version,
    code: dossier.code,
    channel: dossier.channel,
    dueAt: dossier.dueAt,
    supplementCount: dossier.supplementCount,
    intakeSupplementCount: dossier.events.filter((event) => event.action === 'request_intake_supplement')
      .length,
    interlink: dossier.interlink ?? null,
  };
}

/** One button per action the server says I may take now, each opening its small form. */
export function ActionPanel({
  dossier,
  onChange,
  onReload,
}: {
  dossier: DossierDetail;
  onChange: (dossier: DossierDetail) => void;
  onReload: () => void;
}) {
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const actions = dossier.availableActions;
  const primary = forward.find((type) => actions.some((action) => action.type === type));
  const hasActions = actions.length > 0;
  useEffect(() => {
    if (hasActions) void loadActionModal();
  }, [hasActions]);

  return (
    <section className="section" aria-labelledby="dossier-actions-title">
      <h2 id="dossier-actions-title">Xử lý hồ sơ</h2>
      {actions.length === 0 ? (
        <Typography.Text type="secondary">
          Bạn không có thao tác nào với hồ sơ ở trạng thái hiện tại.
        </Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {actions.map((action) => (
            <Button
              key={action.type}
              type={action.type === primary ? 'primary' : 'default'}
              danger={dangerousActions.has(action.type)}
              onClick={() => setOpen(action)}
              style={{ whiteSpace: 'normal', height: 'auto', minHeight: 32, textAlign: 'start' }}
            >
              {actionTitle(action)}
            </Button>
          ))}
        </Flex>
      )}
      {open ? (
        <Suspense fallback={null}>
          <ActionModal
            target={targetOf(dossier)}
            action={open}
            onClose={() => setOpen(null)}
            onDone={(next) => {
              setOpen(null);
              onChange(next);
            }}
            onReload={onReload}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
