import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { formatDateTime } from '../../format';
import type { AdminProcedureDetail, ProcedureDetail } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { PublishButton } from './PublishButton';
import { FlagsPanel } from './procedure-form/FlagsPanel';
import { emptyProcedure, fromDetail, type ProcedureFormValues, toInput } from './procedure-form/formValues';
import { ProcedureForm } from './procedure-form/ProcedureForm';

const newCode = 'moi';

/** Warns before leaving the page with unsaved edits (reload, closing the tab). */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export default function ProcedureEditPage() {
  const { code = '' } = useParams();
  const isNew = code === newCode;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProcedureFormValues>();
  const loaded = useApi<AdminProcedureDetail>(
    isNew ? null : `/api/admin/procedures/${encodeURIComponent(code)}`,
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  useLeaveWarning(dirty);

  const detail = loaded.data?.code === code ? loaded.data : undefined;
  // The form is (re)filled on first load, after a save and on "Tải lại" — not when a flag is resolved
  // or the procedure is published, so unsaved edits survive those.
  const needsFill = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new code means a fresh form.
  useEffect(() => {
    needsFill.current = true;
  }, [code]);
  useEffect(() => {
    if (!needsFill.current) return;
    if (!isNew && !detail) return;
    needsFill.current = false;
    form.resetFields();
    form.setFieldsValue(isNew || !detail ? emptyProcedure : fromDetail(detail));
    setDirty(false);
  }, [form, isNew, detail]);

  /** Keeps the loaded detail (version, published, flags) in step with the server's answer. */
  const adopt = (next: ProcedureDetail) => {
    if (detail) loaded.setData({ ...detail, ...next, flags: detail.flags });
  };

  const save = async (values: ProcedureFormValues) => {
    setSaving(true);
    setError(undefined);
    setExtra([]);
    try {
      const input = toInput(values);
      if (isNew) {
        const created = await api.post<ProcedureDetail>('/api/admin/procedures', input);
        setDirty(false);
        message.success('Đã tạo thủ tục (chưa công bố).');
        navigate(`/quan-tri/thu-tuc/${encodeURIComponent(created.code)}`, { replace: true });
      } else if (detail) {
        const saved = await api.put<ProcedureDetail>(`/api/admin/procedures/${encodeURIComponent(code)}`, {
          ...input,
          version: detail.version,
        });
        needsFill.current = true;
        adopt(saved);
        setDirty(false);
        message.success('Đã lưu thay đổi.');
      }
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setSaving(false);
    }
  };

  if (!isNew && loaded.error?.status === 404) {
    return (
      <NotFound title="Không tìm thấy thủ tục" backTo="/quan-tri/thu-tuc" backLabel="Về danh sách thủ tục" />
    );
  }
  if (!isNew && loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!isNew && !detail) return <Loading />;

  // A stale version (PUT); a 409 on create is a duplicate code, shown as a plain error.
  const conflict = !isNew && error instanceof ApiError && error.status === 409;
  const title = isNew ? 'Thêm thủ tục' : `Sửa thủ tục ${code}`;

  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Link to="/quan-tri/thu-tuc">← Danh sách thủ tục</Link>
      </Typography.Paragraph>
      <PageHeader
        title={title}
        extra={
          detail && !isNew ? (
            <>
              <PublishButton code={detail.code} published={detail.published} onDone={adopt} />
              <Link to={`/quan-tri/thu-tuc/${encodeURIComponent(detail.code)}/bieu-mau-truc-tuyen`}>
                Biểu mẫu nộp trực tuyến
              </Link>
              {detail.published ? (
                <Link to={`/thu-tuc/${encodeURIComponent(detail.code)}`} target="_blank">
                  Xem trên cổng
                </Link>
              ) : null}
            </>
          ) : undefined
        }
      >
        {detail && !isNew ? (
          <Flex wrap gap={8} align="center" style={{ marginTop: 4 }}>
            {detail.published ? <Tag color="green">Đã công bố</Tag> : <Tag>Chưa công bố</Tag>}
            <Typography.Text type="secondary">
              Phiên bản {detail.version} · cập nhật {formatDateTime(detail.updatedAt)}
            </Typography.Text>
          </Flex>
        ) : null}
      </PageHeader>

      {conflict ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={(error as ApiError).message}
          description="Thủ tục vừa được người khác thay đổi. Tải lại để xem bản mới nhất; các thay đổi chưa lưu trên trang này sẽ mất."
          action={
            <Button
              onClick={() => {
                setError(undefined);
                needsFill.current = true;
                loaded.reload();
              }}
            >
              Tải lại bản mới nhất
            </Button>
          }
        />
      ) : (
        <FormError error={error} extra={extra} />
      )}

      {detail && !isNew ? (
        <FlagsPanel
          flags={detail.flags}
          onResolved={(id) =>
            loaded.setData({ ...detail, flags: detail.flags.filter((flag) => flag.id !== id) })
          }
        />
      ) : null}

      <ProcedureForm
        form={form}
        isNew={isNew}
        disabled={saving}
        onFinish={save}
        onValuesChange={() => setDirty(true)}
      />

      <div className="sticky-actions">
        <Flex wrap gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            form="procedure-form"
            icon={<SaveOutlined />}
            loading={saving}
          >
            {isNew ? 'Tạo thủ tục' : 'Lưu thay đổi'}
          </Button>
          <Button onClick={() => navigate('/quan-tri/thu-tuc')}>Hủy</Button>
        </Flex>
      </div>
    </>
  );
}
