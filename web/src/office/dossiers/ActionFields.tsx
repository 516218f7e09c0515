import { Alert, Checkbox, Form, Input, InputNumber, Select, Spin, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { agencyLabel, filterByLabel, vietnamToday } from '../../format';
import { dossierChannelChoices, optionsOf, stepActorLabels } from '../../labels';
import type { Agency, DossierActionType, DossierChannel, DossierInterlink, StepActor } from '../../types';
import { useApi } from '../../useApi';

// The date picker and the upload are only needed by two rare actions: their code comes with them.
const ApologyFields = lazy(() => import('./ApologyFields'));
const ResultUpload = lazy(() => import('./ResultUpload'));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin size="small" />}>{children}</Suspense>;
}

/** What the forms need to know about the dossier beyond the action itself. */
export interface ActionContext {
  code: string | null;
  channel: DossierChannel;
  dueAt: string | null;
  supplementCount: number;
  intakeSupplementCount: number;
  /** The procedure's interlinked route, when it is on the list: the transfer goes to one of its agencies. */
  interlink?: DossierInterlink | null;
}

const { TextArea } = Input;

function ReasonsField({ label, what }: { label: string; what: string }) {
  return (
    <Form.Item
      name="reasons"
      label={label}
      extra="Mỗi dòng một nội dung."
      rules={[{ required: true, whitespace: true, message: `Vui lòng nhập ${what}.` }]}
    >
      <TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
    </Form.Item>
  );
}

function CommentField({ label = 'Ý kiến xử lý', required = false }: { label?: string; required?: boolean }) {
  return (
    <Form.Item
      name="comment"
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: 'Vui lòng nhập ý kiến.' }] : []}
    >
      <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  );
}

export function ReasonField({ label = 'Lý do', required = true }: { label?: string; required?: boolean }) {
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: 'Vui lòng nhập lý do.' }] : []}
    >
      <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  );
}

const transferRoles: StepActor[] = ['specialist', 'head_of_office', 'signing_leader', 'clerk'];
const transferRoleOptions = transferRoles.map((role) => ({ value: role, label: stepActorLabels[role] }));

function TransferFields({ interlink }: { interlink: DossierInterlink | null | undefined }) {
  const agencies = useApi<Agency[]>(`/api/agencies?at=${vietnamToday()}`, { shared: true });
  const onRoute = new Set(interlink?.agencies.map((a) => a.id) ?? []);
  const options = (agencies.data ?? [])
    .filter((agency) => !interlink || onRoute.has(agency.id))
    .map((agency) => ({ value: agency.id, label: agencyLabel(agency) }));
  return (
    <>
      {interlink ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Thủ tục thuộc danh mục thủ tục liên thông"
          description={`Cơ quan tham gia theo thứ tự: ${interlink.agencies.map((a) => a.name).join(' → ')}.${
            interlink.nextAgencyId
              ? ` Cần chuyển đến: ${interlink.agencies.find((a) => a.id === interlink.nextAgencyId)?.name ?? ''}.`
              : ''
          }`}
        />
      ) : null}
      <Form.Item
        name="toAgencyId"
        label="Cơ quan nhận liên thông"
        rules={[{ required: true, message: 'Vui lòng chọn cơ quan nhận hồ sơ liên thông.' }]}
        help={agencies.error ? agencies.error.message : undefined}
        validateStatus={agencies.error ? 'error' : undefined}
      >
        <Select
          options={options}
          loading={agencies.loading}
          showSearch={{ filterOption: filterByLabel }}
          placeholder="Chọn cơ quan"
          notFoundContent={agencies.loading ? 'Đang tải…' : 'Không có cơ quan phù hợp'}
        />
      </Form.Item>
      <Form.Item
        name="stepName"
        label="Tên bước xử lý"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên bước xử lý.' }]}
      >
        <Input maxLength={300} placeholder="Ví dụ: Xác minh thông tin cư trú" />
      </Form.Item>
      <Form.Item
        name="actorRole"
        label="Vai trò xử lý"
        rules={[{ required: true, message: 'Chọn vai trò.' }]}
      >
        <Select options={transferRoleOptions} />
      </Form.Item>
      <Form.Item
        name="budgetHours"
        label="Thời gian xử lý (giờ làm việc)"
        extra="8 giờ làm việc = 1 ngày làm việc."
        rules={[{ required: true, message: 'Vui lòng nhập thời gian xử lý.' }]}
      >
        <InputNumber min={0.5} max={10000} step={1} style={{ width: '100%' }} />
      </Form.Item>
      <CommentField label="Nội dung chuyển" required />
    </>
  );
}

/** Form.Item hands its control `id`, `value` and `onChange`; they go through to the lazily loaded upload. */
function LazyResultUpload(props: {
  id?: string;
  value?: string;
  onChange?: (fileId: string | undefined) => void;
}) {
  return (
    <Later>
      <ResultUpload {...props} />
    </Later>
  );
}

const returnChannelOptions = optionsOf(dossierChannelChoices);

/** The fields of one action's form ("others: confirmation" when the action takes no payload). */
export function ActionFields({
  type,
  label,
  context,
}: {
  type: DossierActionType;
  label: string;
  context: ActionContext;
}) {
  const dossier = context.code ? `hồ sơ ${context.code}` : 'hồ sơ này';
  switch (type) {
    case 'request_intake_supplement':
      return (
        <>
          <ReasonsField label="Nội dung cần bổ sung, hoàn thiện" what="nội dung cần bổ sung" />
          {context.intakeSupplementCount > 0 ? (
            <Form.Item name="applicantAtFault" valuePropName="checked">
              <Checkbox>Người nộp chưa bổ sung đúng nội dung đã được hướng dẫn lần trước</Checkbox>
            </Form.Item>
          ) : null}
        </>
      );
    case 'request_supplement':
      return (
        <>
          <ReasonsField label="Nội dung cần bổ sung" what="nội dung cần bổ sung" />
          {context.supplementCount > 0 ? (
            <Form.Item
              name="legalBasis"
              label="Căn cứ pháp lý cho yêu cầu bổ sung lần thứ hai"
              extra="Chỉ yêu cầu bổ sung một lần; lần thứ hai chỉ được thực hiện khi có căn cứ pháp lý và hồ sơ sẽ bị tính là trễ hạn."
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nêu căn cứ pháp lý.' }]}
            >
              <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          ) : null}
        </>
      );
    case 'refuse':
      return <ReasonsField label="Lý do từ chối tiếp nhận" what="lý do từ chối" />;
    case 'reject':
      return (
        <>
          <ReasonsField label="Lý do từ chối giải quyết" what="lý do từ chối" />
          <CommentField label="Ý kiến khác" />
        </>
      );
    case 'supply_supplement':
      return (
        <Form.Item name="note" label="Ghi chú về giấy tờ đã bổ sung">
          <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      );
    case 'complete_step':
      return <CommentField />;
    case 'transfer':
      return <TransferFields interlink={context.interlink} />;
    case 'apologise':
      return (
        <Later>
          <ApologyFields dueAt={context.dueAt} />
        </Later>
      );
    case 'stop':
      return (
        <>
          <ReasonField label="Lý do dừng giải quyết" />
          <Form.Item name="legalBasis" label="Căn cứ pháp lý">
            <Input maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'approve':
      return (
        <>
          <Form.Item name="decisionNo" label="Số quyết định, văn bản">
            <Input maxLength={100} />
          </Form.Item>
          <CommentField label="Ý kiến phê duyệt" />
        </>
      );
    case 'issue_result':
      return (
        <Form.Item
          name="resultFileId"
          label="Tệp kết quả"
          extra="PDF, PNG hoặc JPEG, tối đa 10 MB (bản điện tử của kết quả đã ký)."
          rules={[{ required: true, message: 'Vui lòng tải lên tệp kết quả.' }]}
        >
          <LazyResultUpload />
        </Form.Item>
      );
    case 'return_result':
      return (
        <Form.Item
          name="channel"
          label="Hình thức trả kết quả"
          rules={[{ required: true, message: 'Chọn hình thức trả kết quả.' }]}
        >
          <Select options={returnChannelOptions} />
        </Form.Item>
      );
    case 'withdraw':
      return <ReasonField label="Lý do rút hồ sơ" required={false} />;
    default:
      return (
        <Typography.Paragraph>
          Xác nhận {label} cho {dossier}?
        </Typography.Paragraph>
      );
  }
}

/** Initial values of an action's form. */
export function initialValuesFor(type: DossierActionType, context: ActionContext) {
  if (type === 'return_result') return { channel: context.channel };
  if (type === 'transfer')
    return {
      actorRole: 'specialist' as const,
      budgetHours: 8,
      ...(context.interlink?.nextAgencyId ? { toAgencyId: context.interlink.nextAgencyId } : {}),
    };
  return {};
}
