import { Alert, App, Button, Card, Collapse, Form, Input, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../useApi';
import { actionLabels, type LegalReview, type ReviewItem, resultLabels, vnDate } from './documentTypes';
import { useDocumentAgencies } from './useDocumentAgencies';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The justice office's review of legal normative documents: plans per year, documents reviewed, counts. */
export default function LegalReviewTab() {
  const { message } = App.useApp();
  const review = useApi<LegalReview>('/api/office/legal-review');
  const { kept } = useDocumentAgencies();
  const justice = kept.filter((a) => a.name.startsWith('Phòng Tư pháp'));
  const [problem, setProblem] = useState<string>();
  const run = async (call: () => Promise<unknown>, done: string) => {
    setProblem(undefined);
    try {
      await call();
      message.success(done);
      review.reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  const data = review.data;
  return (
    <>
      {review.error ? <ErrorState error={review.error} onRetry={review.reload} /> : null}
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      ) : null}
      <Table
        rowKey="year"
        size="small"
        loading={review.loading}
        dataSource={data?.years ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có kết quả rà soát.' }}
        columns={[
          { title: 'Năm', dataIndex: 'year' },
          { title: 'Văn bản đã rà soát', dataIndex: 'reviewed' },
          { title: 'Còn hiệu lực, phù hợp', dataIndex: 'inForceFit' },
          { title: 'Hết hiệu lực', dataIndex: 'expired' },
          { title: 'Không còn phù hợp', dataIndex: 'unfit' },
          {
            title: 'Đã xử lý',
            render: (_, y) =>
              Object.entries(y.actions)
                .filter(([a]) => a !== 'none')
                .map(([a, n]) => `${actionLabels[a as keyof typeof actionLabels]}: ${n}`)
                .join('; '),
          },
        ]}
      />
      {justice.length > 0 ? (
        <Card size="small" title="Thêm kế hoạch rà soát" style={{ marginTop: 16 }}>
          <Form
            layout="inline"
            style={{ rowGap: 8 }}
            initialValues={{ agencyId: justice[0]?.id, year: new Date().getFullYear() }}
            onFinish={(v) =>
              run(
                () => api.post('/api/office/legal-review/plans', { ...v, reference: v.reference || null }),
                'Đã thêm kế hoạch rà soát.',
              )
            }
          >
            <Form.Item name="agencyId">
              <Select
                style={{ minWidth: 240 }}
                options={justice.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
            <Form.Item name="year" rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}>
              <InputNumber aria-label="Năm" min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="title" rules={[{ required: true, message: 'Vui lòng nhập tên kế hoạch.' }]}>
              <Input placeholder="Tên kế hoạch" style={{ minWidth: 280 }} />
            </Form.Item>
            <Form.Item name="reference">
              <Input placeholder="Số hiệu (vd. 12/KH-UBND)" />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              Thêm
            </Button>
          </Form>
        </Card>
      ) : null}
      <Collapse
        style={{ marginTop: 16 }}
        items={(data?.plans ?? []).map((plan) => ({
          key: plan.id,
          label: `${plan.year} — ${plan.title}${plan.reference ? ` (${plan.reference})` : ''} — ${plan.agencyName}`,
          children: (
            <>
              <Table<ReviewItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={plan.items}
                columns={[
                  { title: 'Số, ký hiệu', dataIndex: 'number' },
                  { title: 'Tên văn bản', dataIndex: 'title' },
                  { title: 'Cơ quan ban hành', dataIndex: 'issuer' },
                  { title: 'Ngày ban hành', dataIndex: 'issuedOn', render: vnDate },
                  {
                    title: 'Kết quả',
                    dataIndex: 'result',
                    render: (r: ReviewItem['result']) => resultLabels[r],
                  },
                  {
                    title: 'Xử lý',
                    dataIndex: 'action',
                    render: (a: ReviewItem['action']) => actionLabels[a],
                  },
                  { title: 'Ghi chú', dataIndex: 'actionNote' },
                ]}
              />
              {plan.canEdit ? (
                <Form
                  layout="inline"
                  style={{ marginTop: 12, rowGap: 8 }}
                  initialValues={{ result: 'in_force_fit', action: 'none' }}
                  onFinish={(v) =>
                    run(
                      () =>
                        api.post(`/api/office/legal-review/plans/${plan.id}/items`, {
                          ...v,
                          actionNote: v.actionNote || null,
                        }),
                      'Đã ghi nhận văn bản rà soát.',
                    )
                  }
                >
                  <Form.Item name="number" rules={[{ required: true, message: 'Nhập số, ký hiệu.' }]}>
                    <Input placeholder="Số, ký hiệu" />
                  </Form.Item>
                  <Form.Item name="title" rules={[{ required: true, message: 'Nhập tên văn bản.' }]}>
                    <Input placeholder="Tên văn bản" />
                  </Form.Item>
                  <Form.Item name="issuer" rules={[{ required: true, message: 'Nhập cơ quan ban hành.' }]}>
                    <Input placeholder="Cơ quan ban hành" />
                  </Form.Item>
                  <Form.Item name="issuedOn" rules={[{ required: true, message: 'Nhập ngày ban hành.' }]}>
                    <Input type="date" aria-label="Ngày ban hành" />
                  </Form.Item>
                  <Form.Item name="reviewedOn" rules={[{ required: true, message: 'Nhập ngày rà soát.' }]}>
                    <Input type="date" aria-label="Ngày rà soát" />
                  </Form.Item>
                  <Form.Item name="result">
                    <Select aria-label="Kết quả" style={{ width: 200 }} options={options(resultLabels)} />
                  </Form.Item>
                  <Form.Item name="action">
                    <Select
                      aria-label="Hình thức xử lý"
                      style={{ width: 170 }}
                      options={options(actionLabels)}
                    />
                  </Form.Item>
                  <Form.Item name="actionNote">
                    <Input placeholder="Ghi chú" />
                  </Form.Item>
                  <Button htmlType="submit">Thêm văn bản</Button>
                </Form>
              ) : null}
            </>
          ),
        }))}
      />
    </>
  );
}
