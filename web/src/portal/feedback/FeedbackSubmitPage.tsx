import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { applyFieldErrors } from '../../components/fieldErrors';
import { filterByLabel } from '../../format';
import { ProcedureSearch } from '../../office/dossiers/ProcedureSearch';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { messages } from '../../validation';
import { acceptAttribute, fileProblem } from '../online/onlineApi';
import {
  type SimilarFeedback,
  type SubjectKind,
  type SubmitResult,
  subjectKindOptions,
  submitFeedback,
} from './feedbackApi';
import './feedback.css';

interface Values {
  subjectKind: SubjectKind;
  procedureCode?: string;
  agencyId?: string;
  title: string;
  content: string;
  senderName?: string;
  senderPhone?: string;
  senderEmail?: string;
  senderAddress?: string;
  consentToPublish: boolean;
}

interface Attachment {
  fileId: string;
  name: string;
}

interface Agency {
  id: string;
  name: string;
  validTo: string | null;
}

function SimilarNotice({ items }: { items: SimilarFeedback[] }) {
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="Có thể trùng với phản ánh, kiến nghị đã có"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {items.map((s) => (
            <li key={s.code}>
              {s.published ? (
                <Link to={`/phan-anh-kien-nghi/${encodeURIComponent(s.code)}`} target="_blank">
                  {s.code}: {s.title}
                </Link>
              ) : (
                <span>{s.code} (đang được xử lý)</span>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Receipt({ result }: { result: SubmitResult }) {
  const lookup = `/phan-anh-kien-nghi/tra-cuu?code=${encodeURIComponent(result.code)}&check=${encodeURIComponent(result.check)}`;
  return (
    <section aria-live="polite">
      <Alert type="success" showIcon title="Đã gửi phản ánh, kiến nghị. Cảm ơn bạn!" />
      <div className="feedback-receipt">
        <p>
          Mã phản ánh: <code data-testid="feedback-code">{result.code}</code>
        </p>
        <p>
          Mã kiểm tra: <code data-testid="feedback-check">{result.check}</code>
        </p>
        <p>
          Vui lòng ghi lại hai mã này để theo dõi kết quả xử lý và đánh giá câu trả lời mà không cần tài
          khoản.
        </p>
        <Link to={lookup}>Theo dõi phản ánh này</Link>
      </div>
      <SimilarNotice items={result.similar} />
      <Link to="/phan-anh-kien-nghi">Xem các phản ánh, kiến nghị đã được trả lời</Link>
    </section>
  );
}

/** "Gửi phản ánh, kiến nghị" (/phan-anh-kien-nghi/gui): open to anyone; prefilled for a signed-in citizen. */
export default function FeedbackSubmitPage() {
  usePageTitle('Gửi phản ánh, kiến nghị');
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<string>();
  const [similar, setSimilar] = useState<SimilarFeedback[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SubmitResult>();
  const fileInput = useRef<HTMLInputElement>(null);
  // One key per form: a retry after a lost answer gets the same item back.
  const idempotencyKey = useRef(`pakn-${crypto.randomUUID()}`);

  useEffect(() => {
    if (user?.kind !== 'citizen') return;
    form.setFieldsValue({
      senderName: form.getFieldValue('senderName') || user.fullName,
      senderPhone: form.getFieldValue('senderPhone') || user.phone || undefined,
      senderEmail: form.getFieldValue('senderEmail') || user.email || undefined,
    });
  }, [user, form]);

  const checkSimilar = async () => {
    const { title, content } = form.getFieldsValue(['title', 'content']);
    if (!title?.trim() && !content?.trim()) return;
    try {
      const found = await api.post<{ items: SimilarFeedback[] }>('/api/feedback/similar', {
        title: title ?? '',
        content: content ?? '',
      });
      setSimilar(found.items);
    } catch {
      // The check only helps; sending works without it.
    }
  };

  const upload = async (file: File) => {
    const local = fileProblem(file);
    if (local) {
      setUploadProblem(local);
      return;
    }
    setUploading(true);
    setUploadProblem(undefined);
    try {
      const stored = await api.upload<{ fileId: string; name: string }>('/api/feedback/files', file);
      setAttachments((list) => [...list, { fileId: stored.fileId, name: stored.name }]);
    } catch (cause) {
      setUploadProblem(errorMessage(cause));
    } finally {
      setUploading(false);
    }
  };

  const submit = async (values: Values) => {
    setSending(true);
    setProblem(undefined);
    try {
      const sent = await submitFeedback({ ...values, attachments }, idempotencyKey.current);
      setResult(sent);
      window.scrollTo({ top: 0 });
    } catch (cause) {
      const unmatched = applyFieldErrors(form, cause);
      setProblem(unmatched.length ? unmatched.join(' ') : errorMessage(cause));
    } finally {
      setSending(false);
    }
  };

  if (result) {
    return (
      <div className="lookup-page">
        <h1 className="page-title">Gửi phản ánh, kiến nghị</h1>
        <Receipt result={result} />
      </div>
    );
  }

  return (
    <div className="lookup-page">
      <h1 className="page-title">Gửi phản ánh, kiến nghị</h1>
      <p>
        Phản ánh về thủ tục, quy định hành chính hoặc hành vi, thái độ của cán bộ. Không cần tài khoản; để lại
        họ tên và cách liên lạc giúp cơ quan trả lời bạn thuận tiện hơn. Thông tin cá nhân của bạn không bao
        giờ được công khai.
      </p>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{ subjectKind: 'procedure', consentToPublish: true }}
        scrollToFirstError
      >
        <Form.Item label="Nội dung phản ánh về" name="subjectKind" rules={[{ required: true }]}>
          <Radio.Group options={subjectKindOptions} optionType="button" />
        </Form.Item>
        <Form.Item
          label="Thủ tục hành chính liên quan"
          name="procedureCode"
          extra="Không bắt buộc. Gõ tên thủ tục để tìm trong danh mục."
        >
          <ProcedureSearch />
        </Form.Item>
        <Form.Item label="Cơ quan liên quan" name="agencyId" extra="Không bắt buộc.">
          <Select
            allowClear
            size="large"
            placeholder="Chọn cơ quan"
            showSearch={{ filterOption: filterByLabel }}
            options={(agencies.data ?? [])
              .filter((a) => !a.validTo)
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item
          label="Tiêu đề"
          name="title"
          rules={[
            { required: true, whitespace: true, message: messages.required('tiêu đề') },
            { min: 5, message: 'Tiêu đề cần ít nhất 5 ký tự.' },
          ]}
        >
          <Input size="large" maxLength={200} onBlur={checkSimilar} />
        </Form.Item>
        <Form.Item
          label="Nội dung"
          name="content"
          rules={[
            { required: true, whitespace: true, message: messages.required('nội dung phản ánh, kiến nghị') },
            { min: 20, message: 'Vui lòng trình bày rõ hơn (ít nhất 20 ký tự).' },
          ]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount onBlur={checkSimilar} />
        </Form.Item>
        <SimilarNotice items={similar} />
        <Form.Item label="Tệp đính kèm" extra="Không bắt buộc. Tối đa 5 tệp PDF, JPEG hoặc PNG.">
          <input
            ref={fileInput}
            type="file"
            hidden
            style={{ display: 'none' }}
            accept={acceptAttribute}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={uploading}
            disabled={attachments.length >= 5}
            onClick={() => fileInput.current?.click()}
          >
            {uploading ? 'Đang tải lên…' : 'Chọn tệp hoặc chụp ảnh'}
          </Button>
          {uploadProblem ? (
            <Alert type="error" showIcon title={uploadProblem} style={{ marginTop: 8 }} />
          ) : null}
          <ul className="document-list">
            {attachments.map((a) => (
              <li key={a.fileId}>
                {a.name}{' '}
                <Button
                  type="link"
                  icon={<DeleteOutlined />}
                  aria-label={`Bỏ tệp ${a.name}`}
                  onClick={() => setAttachments((list) => list.filter((x) => x.fileId !== a.fileId))}
                />
              </li>
            ))}
          </ul>
        </Form.Item>
        <h2 className="subsection-title">Thông tin liên hệ (không bắt buộc)</h2>
        <Form.Item label="Họ và tên" name="senderName">
          <Input size="large" maxLength={200} autoComplete="name" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="senderPhone">
          <Input size="large" inputMode="tel" maxLength={20} autoComplete="tel" />
        </Form.Item>
        <Form.Item label="Email" name="senderEmail" rules={[{ type: 'email', message: messages.email }]}>
          <Input size="large" inputMode="email" maxLength={254} autoComplete="email" />
        </Form.Item>
        <Form.Item label="Địa chỉ" name="senderAddress">
          <Input size="large" maxLength={500} autoComplete="street-address" />
        </Form.Item>
        <Form.Item name="consentToPublish" valuePropName="checked">
          <Checkbox>
            Tôi đồng ý công khai nội dung phản ánh và câu trả lời trên Cổng (không kèm họ tên, thông tin liên
            hệ của tôi).
          </Checkbox>
        </Form.Item>
        {problem ? (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" size="large" block loading={sending}>
          Gửi phản ánh, kiến nghị
        </Button>
      </Form>
    </div>
  );
}
