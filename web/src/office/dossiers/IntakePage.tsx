import { CheckOutlined, FileExclamationOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api';
import { useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { formatFee, formatProcessingTime, formatVnDateTime, linesOf } from '../../format';
import { applicantKindLabels, dossierChannelChoices } from '../../labels';
import type { ApplicantKind, IntakeBody, IntakeResponse, ProcedureDetail } from '../../types';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { citizenIdPattern, compactDigits, messages, phonePattern } from '../../validation';
import { PageHeader } from '../PageHeader';
import { cleanName, DocumentChecklist, type DocumentRow, rowsOf } from './DocumentChecklist';
import type { IntakeOutcome } from './DossierPage';
import { dossierPath, formUrl, openInNewTab } from './dossierLinks';
import { enterMovesOn } from './enterMovesOn';
import { ProcedureSearch } from './ProcedureSearch';

interface IntakeValues {
  receivingAgencyId: string;
  procedureCode?: string;
  documents?: DocumentRow[];
  applicant: {
    kind: ApplicantKind;
    fullName?: string;
    citizenId?: string;
    phone?: string;
    email?: string;
    address?: string;
  };
  feeAmountVnd?: number | null;
  channel: 'counter' | 'post';
  supplementReasons?: string;
}

const assumedWarning =
  'Thời hạn của thủ tục chưa được xác nhận đơn vị; hệ thống tạm tính theo ngày làm việc.';

/** The server counts units it cannot confirm (none, "ngày", plain hours) as working time (receive-walk-in.ts). */
function statutoryAssumed(procedure: ProcedureDetail): boolean {
  return (
    procedure.processingTimeValue !== null &&
    procedure.processingTimeUnit !== 'working_days' &&
    procedure.processingTimeUnit !== 'working_hours'
  );
}

/** Working days to the appointment, when the statutory time is counted in days. */
function workingDaysOf(procedure: ProcedureDetail): number | null {
  const value = procedure.processingTimeValue;
  if (value === null || !Number.isInteger(value)) return null;
  if (procedure.processingTimeUnit === 'working_hours' || procedure.processingTimeUnit === 'hours')
    return null;
  return value;
}

function feeOf(procedure: ProcedureDetail): number | null {
  const counter = procedure.channels.find((channel) => channel.channel === 'counter');
  return counter?.feeAmountVnd ?? procedure.feeAmountVnd ?? null;
}

const channelOptions = (['counter', 'post'] as const).map((value) => ({
  value,
  label: dossierChannelChoices[value],
}));
const kindOptions = (['person', 'organisation'] as const).map((value) => ({
  value,
  label: applicantKindLabels[value],
}));

function ProcedureFacts({ procedure }: { procedure: ProcedureDetail }) {
  const days = workingDaysOf(procedure);
  // Asked once per chosen procedure: the appointment if the dossier were received now.
  const from = useMemo(() => (procedure.code ? new Date().toISOString() : ''), [procedure.code]);
  const due = useApi<{ due: string }>(
    days === null ? null : `/api/calendar/due?from=${encodeURIComponent(from)}&workingDays=${days}`,
  );
  const missingTime = procedure.processingTimeValue === null;
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'time',
            label: 'Thời hạn giải quyết',
            children: formatProcessingTime(
              procedure.processingTimeValue,
              procedure.processingTimeUnit,
              procedure.processingTimeText,
            ),
          },
          ...(due.data
            ? [{ key: 'due', label: 'Hẹn trả dự kiến', children: formatVnDateTime(due.data.due) }]
            : []),
          {
            key: 'fee',
            label: 'Phí, lệ phí',
            children: formatFee(procedure.feeText, procedure.feeAmountVnd),
          },
          ...(procedure.resultText
            ? [
                {
                  key: 'result',
                  label: 'Kết quả',
                  children: <span className="wrap-anywhere">{procedure.resultText}</span>,
                },
              ]
            : []),
        ]}
      />
      {missingTime ? (
        <Alert
          type="error"
          showIcon
          title="Thủ tục chưa có thời hạn giải quyết; quản trị viên cần cập nhật trước khi tiếp nhận."
          style={{ marginBottom: 12 }}
        />
      ) : statutoryAssumed(procedure) ? (
        <Alert type="warning" showIcon title={assumedWarning} style={{ marginBottom: 12 }} />
      ) : null}
    </>
  );
}

function IntakeForm({ desks }: { desks: { value: string; label: string }[] }) {
  const [form] = Form.useForm<IntakeValues>();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState<'receive' | 'supplement' | null>(null);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const intent = useRef<'receive' | 'supplement'>('receive');

  const code = Form.useWatch('procedureCode', form);
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';
  const detail = useApi<ProcedureDetail>(code ? `/api/procedures/${encodeURIComponent(code)}` : null);
  const procedure = code && detail.data?.code === code ? detail.data : undefined;

  // A newly chosen procedure brings its checklist and its fee.
  useEffect(() => {
    if (!procedure) return;
    form.setFieldsValue({ documents: rowsOf(procedure.requiredDocuments), feeAmountVnd: feeOf(procedure) });
  }, [procedure, form]);

  const organisation = kind === 'organisation';

  const fillReasons = () => {
    const rows = (form.getFieldValue('documents') as DocumentRow[] | undefined) ?? [];
    const missing = rows.filter((row) => !row.checked && row.name?.trim() && row.originals + row.copies > 0);
    form.setFieldValue('supplementReasons', missing.map((row) => cleanName(row.name)).join('\n'));
    form.validateFields(['supplementReasons']).catch(() => undefined);
  };

  const submit = async (complete: boolean) => {
    intent.current = complete ? 'receive' : 'supplement';
    let values: IntakeValues;
    try {
      values = await form.validateFields();
    } catch (failure) {
      const first = (failure as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
      return;
    }
    // validateFields() returns registered fields only; the rows' names live in the store without a field.
    const rows = (form.getFieldValue('documents') as DocumentRow[] | undefined) ?? [];
    const sent = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.checked && row.name?.trim());
    // The server numbers the documents it received; the form numbers every row of the checklist.
    const aliases: Record<string, string> = {};
    sent.forEach(({ index }, position) => {
      for (const part of ['name', 'originals', 'copies']) {
        aliases[`documents.${position}.${part}`] = `documents.${index}.${part}`;
      }
    });
    for (let i = 0; i < 30; i += 1) aliases[`supplementReasons.${i}`] = 'supplementReasons';
    const applicant = values.applicant;
    const body: IntakeBody = {
      procedureCode: values.procedureCode ?? '',
      receivingAgencyId: values.receivingAgencyId,
      channel: values.channel,
      applicant: {
        kind: applicant.kind,
        fullName: applicant.fullName?.trim() ?? '',
        citizenId: compactDigits(applicant.citizenId) || undefined,
        phone: compactDigits(applicant.phone) || undefined,
        email: applicant.email?.trim() || undefined,
        address: applicant.address?.trim() || undefined,
      },
      documents: sent.map(({ row }) => ({
        name: row.name.trim(),
        originals: Number(row.originals ?? 0),
        copies: Number(row.copies ?? 0),
      })),
      ...(values.feeAmountVnd === null || values.feeAmountVnd === undefined
        ? {}
        : { feeAmountVnd: values.feeAmountVnd }),
      complete,
      ...(complete ? {} : { supplementReasons: linesOf(values.supplementReasons) }),
    };
    setSubmitting(intent.current);
    setError(undefined);
    setExtra([]);
    try {
      const dossier = await api.post<IntakeResponse>('/api/office/dossiers', body);
      const printed = openInNewTab(formUrl(dossier.id, complete ? 'receipt' : 'supplement-request'));
      const intake: IntakeOutcome = { complete, statutoryAssumed: dossier.statutoryAssumed, printed };
      navigate(dossierPath(dossier.id), { state: { intake } });
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause, aliases));
      if (cause instanceof ApiError && cause.fields[0]) {
        const name = (aliases[cause.fields[0].path] ?? cause.fields[0].path).split('.');
        form.scrollToField(
          name.map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          { block: 'center' },
        );
      } else {
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
      setSubmitting(null);
    }
  };

  const blocked = Boolean(procedure && procedure.processingTimeValue === null);

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={submitting !== null}
      initialValues={{
        receivingAgencyId: desks[0]?.value,
        applicant: { kind: 'person' },
        channel: 'counter',
        documents: [],
      }}
      autoComplete="off"
      // Enter moves to the next field; only the two buttons decide what happens to the dossier.
      onKeyDown={enterMovesOn}
    >
      <FormError error={error} extra={extra} />
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <section className="section" aria-labelledby="intake-procedure-title">
            <h2 id="intake-procedure-title">Thủ tục và thành phần hồ sơ</h2>
            <Form.Item
              name="receivingAgencyId"
              label="Bộ phận tiếp nhận"
              rules={[{ required: true, message: 'Vui lòng chọn bộ phận tiếp nhận.' }]}
            >
              <Select options={desks} />
            </Form.Item>
            <Form.Item
              name="procedureCode"
              label="Thủ tục hành chính"
              rules={[{ required: true, message: 'Vui lòng chọn thủ tục.' }]}
              style={{ marginBottom: 8 }}
            >
              <ProcedureSearch autoFocus />
            </Form.Item>
            {detail.error && code ? (
              <Alert type="error" showIcon title={detail.error.message} style={{ marginBottom: 12 }} />
            ) : null}
            {code && detail.loading ? (
              <Typography.Paragraph type="secondary" role="status">
                Đang tải thông tin thủ tục…
              </Typography.Paragraph>
            ) : null}
            {procedure ? <ProcedureFacts procedure={procedure} /> : null}
            {procedure ? (
              <>
                <h3 className="subsection-title">Thành phần hồ sơ</h3>
                <DocumentChecklist form={form} />
              </>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                Chọn thủ tục để xem thành phần hồ sơ cần kiểm tra.
              </Typography.Paragraph>
            )}
          </section>
        </Col>
        <Col xs={24} lg={10}>
          <section className="section" aria-labelledby="intake-applicant-title">
            <h2 id="intake-applicant-title">Người nộp hồ sơ</h2>
            <Form.Item name={['applicant', 'kind']} label="Người nộp là">
              <Radio.Group options={kindOptions} optionType="button" />
            </Form.Item>
            <Form.Item
              name={['applicant', 'fullName']}
              label={organisation ? 'Tên tổ chức' : 'Họ tên'}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: messages.required(organisation ? 'tên tổ chức' : 'họ tên'),
                },
                { min: 2, message: 'Tên quá ngắn.' },
              ]}
            >
              <Input maxLength={200} autoCapitalize="words" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name={['applicant', 'citizenId']}
                  label="Số CCCD"
                  rules={[
                    {
                      validator: (_, value?: string) =>
                        !compactDigits(value) || citizenIdPattern.test(compactDigits(value))
                          ? Promise.resolve()
                          : Promise.reject(new Error(messages.citizenId)),
                    },
                  ]}
                >
                  <Input inputMode="numeric" maxLength={16} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name={['applicant', 'phone']}
                  label="Số điện thoại"
                  rules={[
                    {
                      validator: (_, value?: string) =>
                        !compactDigits(value) || phonePattern.test(compactDigits(value))
                          ? Promise.resolve()
                          : Promise.reject(new Error(messages.phone)),
                    },
                  ]}
                >
                  <Input type="tel" inputMode="tel" maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={['applicant', 'email']}
              label="Email"
              rules={[{ type: 'email', message: messages.email }]}
            >
              <Input type="email" inputMode="email" maxLength={254} />
            </Form.Item>
            <Form.Item name={['applicant', 'address']} label="Địa chỉ">
              <Input maxLength={500} />
            </Form.Item>
          </section>
          <section className="section" aria-labelledby="intake-receipt-title">
            <h2 id="intake-receipt-title">Tiếp nhận</h2>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="channel" label="Hình thức nộp">
                  <Radio.Group options={channelOptions} optionType="button" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="feeAmountVnd" label="Phí, lệ phí (đồng)">
                  <InputNumber<number>
                    min={0}
                    max={1_000_000_000}
                    step={1000}
                    precision={0}
                    style={{ width: '100%' }}
                    formatter={(value) =>
                      value === undefined || value === null
                        ? ''
                        : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
                    }
                    parser={(text) => Number((text ?? '').replace(/\D/g, '')) || 0}
                  />
                </Form.Item>
              </Col>
            </Row>
            <div data-enter-skip="">
              <Form.Item
                name="supplementReasons"
                label="Nội dung yêu cầu bổ sung"
                extra={
                  <>
                    Chỉ điền khi hồ sơ chưa đầy đủ; mỗi dòng một nội dung.{' '}
                    {procedure ? (
                      <Button type="link" size="small" onClick={fillReasons} style={{ padding: 0 }}>
                        Điền các giấy tờ chưa nhận
                      </Button>
                    ) : null}
                  </>
                }
                rules={[
                  {
                    validator: (_, value?: string) =>
                      intent.current === 'supplement' && linesOf(value).length === 0
                        ? Promise.reject(new Error('Vui lòng ghi rõ nội dung cần bổ sung, hoàn thiện.'))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={6000} />
              </Form.Item>
            </div>
          </section>
        </Col>
      </Row>
      <div className="sticky-actions">
        <Flex wrap gap={8} justify="end">
          <Button
            icon={<FileExclamationOutlined />}
            onClick={() => void submit(false)}
            loading={submitting === 'supplement'}
            disabled={blocked || submitting !== null}
          >
            Yêu cầu bổ sung
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => void submit(true)}
            loading={submitting === 'receive'}
            disabled={blocked || submitting !== null}
            data-enter-target=""
          >
            Tiếp nhận và in phiếu hẹn
          </Button>
        </Flex>
      </div>
    </Form>
  );
}

function NotDesk() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">Không có quyền truy cập</h1>}
      subTitle="Chức năng tiếp nhận hồ sơ chỉ dành cho cán bộ một cửa."
      extra={
        <ButtonLink type="primary" to="/quan-tri/ho-so">
          Về danh sách hồ sơ
        </ButtonLink>
      }
    />
  );
}

/** Walk-in (or postal) intake at the one-stop desk. */
export default function IntakePage() {
  const { user } = useAuth();
  const desks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const role of user?.roles ?? []) {
      if (role.role === 'desk_officer' && role.agencyId && !seen.has(role.agencyId)) {
        seen.set(role.agencyId, role.agencyName ?? role.agencyId);
      }
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  if (desks.length === 0) return <NotDesk />;
  return (
    <>
      <PageHeader title="Tiếp nhận hồ sơ">
        <Typography.Text type="secondary">
          Hồ sơ nộp trực tiếp hoặc qua bưu chính. Nhấn Enter để chuyển sang ô tiếp theo.
        </Typography.Text>
      </PageHeader>
      <IntakeForm desks={desks} />
    </>
  );
}
