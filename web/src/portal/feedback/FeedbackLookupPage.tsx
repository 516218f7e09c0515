import { Alert, Button, Form, Input, Radio, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, errorMessage, isAbort, withQuery } from '../../api';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { usePageTitle } from '../../usePageTitle';
import { messages } from '../../validation';
import { type SenderFeedback, timelinessTag } from './feedbackApi';
import './feedback.css';

interface RatingValues {
  satisfaction: 'satisfied' | 'dissatisfied';
  comment?: string;
}

/** The sender says whether the answer satisfied them; changeable for 7 days after the first time. */
function RatingForm({ item, onRate }: { item: SenderFeedback; onRate: (v: RatingValues) => Promise<void> }) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  if (item.status !== 'answered') return null;
  return (
    <section className="section" aria-labelledby="rating-title">
      <h2 id="rating-title" className="subsection-title">
        Bạn có hài lòng với câu trả lời?
      </h2>
      {item.satisfaction ? (
        <p>
          Bạn đã đánh giá:{' '}
          <Tag color={item.satisfaction === 'satisfied' ? 'green' : 'red'}>
            {item.satisfaction === 'satisfied' ? 'Hài lòng' : 'Không hài lòng'}
          </Tag>
          {item.changeableUntil && item.canRate
            ? ` Có thể thay đổi đến ${formatVnDateTime(item.changeableUntil)}.`
            : null}
        </p>
      ) : null}
      {item.canRate ? (
        <Form<RatingValues>
          layout="vertical"
          initialValues={{
            satisfaction: item.satisfaction ?? undefined,
            comment: item.satisfactionComment ?? '',
          }}
          onFinish={async (values) => {
            setSaving(true);
            setProblem(undefined);
            try {
              await onRate(values);
            } catch (cause) {
              setProblem(errorMessage(cause));
            } finally {
              setSaving(false);
            }
          }}
        >
          <Form.Item name="satisfaction" rules={[{ required: true, message: 'Vui lòng chọn một mức.' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'satisfied', label: 'Hài lòng' },
                { value: 'dissatisfied', label: 'Không hài lòng' },
              ]}
            />
          </Form.Item>
          <Form.Item label="Góp ý thêm (không bắt buộc)" name="comment">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={saving}>
            {item.satisfaction ? 'Cập nhật đánh giá' : 'Gửi đánh giá'}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

function ItemView({ item }: { item: SenderFeedback }) {
  const tag = item.timeliness ? timelinessTag[item.timeliness] : null;
  return (
    <section className="section" aria-live="polite">
      <h2 className="subsection-title">{item.title}</h2>
      <p className="lookup-state">
        <strong>{item.statusLabel}</strong> {tag ? <Tag color={tag.color}>{tag.label}</Tag> : null}
      </p>
      <dl className="lookup-facts">
        <div>
          <dt>Mã phản ánh</dt>
          <dd>{item.code}</dd>
        </div>
        <div>
          <dt>Loại</dt>
          <dd>{item.subjectKindLabel}</dd>
        </div>
        <div>
          <dt>Ngày gửi</dt>
          <dd>{formatVnDateTime(item.createdAt)}</dd>
        </div>
        {item.agencyName ? (
          <div>
            <dt>Cơ quan xử lý</dt>
            <dd>{item.agencyName}</dd>
          </div>
        ) : null}
        {item.dueAt && !item.answeredAt ? (
          <div>
            <dt>Hạn trả lời</dt>
            <dd>{formatVnDateTime(item.dueAt)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="pre-wrap wrap-anywhere">{item.content}</p>
      {item.answer ? (
        <>
          <h3 className="subsection-title">Trả lời ngày {formatVnDateTime(item.answeredAt)}</h3>
          <p className="feedback-answer pre-wrap" data-testid="feedback-answer">
            {item.answer}
          </p>
        </>
      ) : null}
      {item.rejectReason ? (
        <Alert type="warning" showIcon title="Lý do" description={item.rejectReason} />
      ) : null}
      {item.duplicateOfCode ? (
        <Alert
          type="info"
          showIcon
          title={`Nội dung trùng với phản ánh ${item.duplicateOfCode}, được xử lý chung với phản ánh đó.`}
        />
      ) : null}
    </section>
  );
}

/**
 * "Theo dõi phản ánh" (/phan-anh-kien-nghi/tra-cuu): by code and check value without an account (`?code&check`),
 * or an item of the signed-in citizen (`?id`).
 */
export default function FeedbackLookupPage() {
  usePageTitle('Theo dõi phản ánh, kiến nghị');
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const check = (params.get('check') ?? '').trim();
  const id = params.get('id') ?? '';
  const [form] = Form.useForm<{ code: string; check: string }>();
  const [item, setItem] = useState<SenderFeedback>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ code, check });
    const path = id
      ? `/api/my/feedback/${encodeURIComponent(id)}`
      : code && check
        ? withQuery('/api/feedback/lookup', { code, check })
        : null;
    if (!path) {
      setItem(undefined);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api.get<SenderFeedback>(path, controller.signal).then(
      (found) => {
        if (controller.signal.aborted) return;
        setItem(found);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted || isAbort(cause)) return;
        setItem(undefined);
        setError(cause);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [code, check, id, form]);

  const rate = async (values: RatingValues) => {
    const updated = id
      ? await api.put<SenderFeedback>(`/api/my/feedback/${encodeURIComponent(id)}/satisfaction`, values)
      : await api.put<SenderFeedback>('/api/feedback/lookup/satisfaction', { ...values, code, check });
    setItem(updated);
  };

  return (
    <div className="lookup-page">
      <h1 className="page-title">Theo dõi phản ánh, kiến nghị</h1>
      {id ? null : (
        <section className="section" aria-label="Tra cứu bằng mã">
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => setParams({ code: v.code.trim(), check: v.check.trim() }, { replace: true })}
          >
            <Form.Item
              label="Mã phản ánh"
              name="code"
              extra="Ví dụ: PAKN-2026-000123."
              rules={[{ required: true, whitespace: true, message: messages.required('mã phản ánh') }]}
            >
              <Input size="large" autoComplete="off" spellCheck={false} maxLength={20} />
            </Form.Item>
            <Form.Item
              label="Mã kiểm tra"
              name="check"
              rules={[{ required: true, whitespace: true, message: messages.required('mã kiểm tra') }]}
            >
              <Input size="large" autoComplete="off" spellCheck={false} maxLength={12} />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={loading}>
              Tra cứu
            </Button>
          </Form>
        </section>
      )}
      {loading && !item ? <Loading label="Đang tra cứu…" /> : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(error)}
          description={
            error instanceof ApiError && error.status === 429
              ? 'Vui lòng chờ vài phút rồi tra cứu lại.'
              : undefined
          }
        />
      ) : null}
      {item ? (
        <>
          <ItemView item={item} />
          <RatingForm item={item} onRate={rate} />
        </>
      ) : null}
    </div>
  );
}
