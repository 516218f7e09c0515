import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, errorMessage } from '../../api';
import { applyFieldErrors } from '../../components/fieldErrors';
import { dossierActionLabels, labelOf } from '../../labels';
import type { AvailableAction, DossierDetail } from '../../types';
import { type ActionContext, ActionFields, initialValuesFor } from './ActionFields';
import {
  type ActionValues,
  actionFieldAliases,
  actionTitle,
  buildAction,
  dangerousActions,
} from './actionPayload';

/** The dossier an action applies to: its id and the version the officer is looking at. */
export interface ActionTarget extends ActionContext {
  id: string;
  version: number;
}

/**
 * A small form for one action's payload (loaded on demand: the date picker and the upload are heavy); POSTs `{ version, action }` and hands the updated dossier back. A 409
 * (someone else moved the dossier, or its state no longer allows the action) offers "Tải lại".
 */
export function ActionModal({
  target,
  action,
  onClose,
  onDone,
  onReload,
}: {
  target: ActionTarget;
  action: AvailableAction | null;
  onClose: () => void;
  onDone: (dossier: DossierDetail, action: AvailableAction) => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [unmatched, setUnmatched] = useState<string[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new action starts without the last error.
  useEffect(() => {
    setError(undefined);
    setUnmatched([]);
  }, [action]);

  if (!action) return null;
  const title = actionTitle(action);
  const stale = error instanceof ApiError && error.status === 409;

  const submit = async (values: ActionValues) => {
    setSubmitting(true);
    setError(undefined);
    setUnmatched([]);
    try {
      const dossier = await api.post<DossierDetail>(
        `/api/office/dossiers/${encodeURIComponent(target.id)}/actions`,
        { version: target.version, action: buildAction(action.type, values) },
      );
      message.success(`Đã ${action.label || labelOf(dossierActionLabels, action.type)}.`);
      onDone(dossier, action);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError) {
        setUnmatched(
          applyFieldErrors(form, cause, actionFieldAliases(cause.fields.map((field) => field.path))),
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText="Xác nhận"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ danger: dangerousActions.has(action.type), disabled: stale }}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(error)}
          description={
            unmatched.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {unmatched.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : undefined
          }
          action={
            stale ? (
              <Button
                size="small"
                onClick={() => {
                  onClose();
                  onReload();
                }}
              >
                Tải lại
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={submitting}
        initialValues={initialValuesFor(action.type, target)}
        autoComplete="off"
      >
        <ActionFields type={action.type} label={action.label} context={target} />
      </Form>
    </Modal>
  );
}
