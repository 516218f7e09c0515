import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { filterByLabel } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { useUnitsAndAgencies } from '../procedure-review/useUnitsAndAgencies';
import {
  type AssessmentList,
  type AssessmentView,
  type Criterion,
  type CriterionKind,
  formatValue,
  type Gap,
  gapCells,
  kindLabel,
  statusColor,
  statusLabel,
} from './egovTypes';

/** "Tự đánh giá chính quyền điện tử": a year's self-assessments, the gap list and the criteria. */
export default function EgovAssessmentsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || new Date().getFullYear();
  const list = useApi<AssessmentList>(`/api/office/egov-assessments?year=${year}`);
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i);
  const data = list.data;
  return (
    <>
      <PageHeader
        title="Tự đánh giá chính quyền điện tử"
        extra={
          <Select
            aria-label="Năm đánh giá"
            value={year}
            onChange={(y) => setParams({ nam: String(y) })}
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            style={{ width: 130 }}
          />
        }
      />
      {list.error ? (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {data ? (
        <Tabs
          items={[
            { key: 'list', label: 'Bản tự đánh giá', children: <AssessmentsTab data={data} /> },
            ...(data.canManage
              ? [
                  { key: 'gaps', label: 'Tiêu chí chưa đạt', children: <GapsTab year={year} /> },
                  {
                    key: 'criteria',
                    label: 'Bộ tiêu chí',
                    children: <CriteriaTab year={year} reload={list.reload} />,
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </>
  );
}

function AssessmentsTab({ data }: { data: AssessmentList }) {
  const navigate = useNavigate();
  const { units } = useUnitsAndAgencies();
  const [unitId, setUnitId] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const open = async (body: { agencyId?: string; unitId?: string }) => {
    setProblem(undefined);
    try {
      const a = await api.post<AssessmentView>('/api/office/egov-assessments', { year: data.year, ...body });
      navigate(`/quan-tri/chinh-quyen-dien-tu/${a.id}`);
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  return (
    <>
      {data.criteriaCount === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Năm ${data.year} chưa có bộ tiêu chí. Bộ phận CCHC sao chép từ năm trước ở thẻ «Bộ tiêu chí».`}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {data.myAgencies.map((a) => (
          <Button
            key={a.id}
            type="primary"
            onClick={() => void open({ agencyId: a.id })}
            disabled={data.criteriaCount === 0}
          >
            Tự đánh giá: {a.name}
          </Button>
        ))}
        {data.canManage ? (
          <>
            <Select
              aria-label="Đơn vị tự đánh giá chung"
              placeholder="Chọn đơn vị (toàn thành phố)"
              options={units}
              value={unitId}
              onChange={setUnitId}
              showSearch={{ filterOption: filterByLabel }}
              style={{ minWidth: 280 }}
            />
            <Button disabled={!unitId || data.criteriaCount === 0} onClick={() => void open({ unitId })}>
              Tự đánh giá toàn đơn vị
            </Button>
          </>
        ) : null}
      </Flex>
      <Table
        rowKey="id"
        pagination={false}
        dataSource={data.items}
        locale={{ emptyText: 'Chưa có bản tự đánh giá nào trong năm.' }}
        columns={[
          {
            title: 'Cơ quan, đơn vị',
            key: 'subject',
            render: (_, a) => <Link to={`/quan-tri/chinh-quyen-dien-tu/${a.id}`}>{a.subjectName}</Link>,
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (s: AssessmentList['items'][number]['status']) => (
              <Tag color={statusColor[s]}>{statusLabel[s]}</Tag>
            ),
          },
        ]}
      />
    </>
  );
}

function GapsTab({ year }: { year: number }) {
  const gaps = useApi<{
    subjects: {
      assessmentId: string;
      subjectName: string;
      status: string;
      score: number | null;
      gaps: Gap[];
    }[];
  }>(`/api/office/egov-assessments/gaps?year=${year}`);
  if (gaps.error) return <Alert type="error" showIcon title={gaps.error.message} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          Các tiêu chí dưới chỉ tiêu của những bản đã gửi hoặc đã thẩm định — căn cứ xây dựng kế hoạch đầu tư
          ứng dụng CNTT năm {year + 1}.
        </Typography.Text>
        <Button href={`/api/office/egov-assessments/gaps.xlsx?year=${year}`} download>
          Xuất Excel
        </Button>
      </Flex>
      {(gaps.data?.subjects ?? []).length === 0 && !gaps.loading ? (
        <Alert type="info" showIcon title="Chưa có bản tự đánh giá nào được gửi." />
      ) : null}
      {(gaps.data?.subjects ?? []).map((s) => (
        <Card
          key={s.assessmentId}
          size="small"
          style={{ marginBottom: 12 }}
          title={<Link to={`/quan-tri/chinh-quyen-dien-tu/${s.assessmentId}`}>{s.subjectName}</Link>}
          extra={`Điểm tự đánh giá: ${s.score ?? '—'}/100`}
        >
          <Table
            rowKey="criterionId"
            size="small"
            pagination={false}
            dataSource={s.gaps}
            locale={{ emptyText: 'Đạt tất cả tiêu chí.' }}
            columns={[
              { title: 'Số TT', dataIndex: 'code', width: 70 },
              { title: 'Tiêu chí', dataIndex: 'title' },
              { title: 'Chỉ tiêu', key: 'target', render: (_, g) => gapCells(g).target },
              {
                title: 'Đạt được',
                key: 'value',
                render: (_, g) => gapCells(g).value,
              },
              {
                title: 'Còn thiếu',
                key: 'shortfall',
                render: (_, g) => gapCells(g).shortfall,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

function CriteriaTab({ year, reload }: { year: number; reload: () => void }) {
  const criteria = useApi<{ items: Criterion[] }>(`/api/office/egov-assessments/criteria?year=${year}`);
  const [problem, setProblem] = useState<string>();
  const [adding, setAdding] = useState(false);
  const copy = async () => {
    setProblem(undefined);
    try {
      await api.post('/api/office/egov-assessments/criteria/copy', { fromYear: year - 1, toYear: year });
      criteria.reload();
      reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  const remove = async (c: Criterion) => {
    setProblem(undefined);
    try {
      await api.delete(`/api/office/egov-assessments/criteria/${c.id}`);
      criteria.reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => void copy()}>Sao chép bộ tiêu chí năm {year - 1}</Button>
        <Button type="primary" onClick={() => setAdding(true)}>
          Thêm tiêu chí
        </Button>
      </Flex>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={criteria.loading}
        dataSource={criteria.data?.items ?? []}
        columns={[
          { title: 'Số TT', dataIndex: 'code', width: 70 },
          { title: 'Nhóm', dataIndex: 'groupName', responsive: ['lg'] },
          {
            title: 'Tiêu chí',
            key: 'title',
            render: (_, c) => (
              <>
                {c.title}
                {c.note ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {c.note}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          { title: 'Loại', dataIndex: 'kind', render: (k: CriterionKind) => kindLabel[k] },
          {
            title: 'Chỉ tiêu',
            key: 'target',
            render: (_, c) => formatValue(c.kind === 'system' ? 'number' : c.kind, c.target, c.unit),
          },
          { title: 'Trọng số', dataIndex: 'weight' },
          {
            title: 'Áp dụng',
            key: 'applies',
            render: (_, c) =>
              [c.forAgencies ? 'Cơ quan' : null, c.forUnit ? 'Toàn đơn vị' : null].filter(Boolean).join(', '),
          },
          {
            title: '',
            key: 'remove',
            render: (_, c) => (
              <Button size="small" danger onClick={() => void remove(c)}>
                Xóa
              </Button>
            ),
          },
        ]}
      />
      {adding ? (
        <AddCriterionModal
          year={year}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            criteria.reload();
            reload();
          }}
        />
      ) : null}
    </>
  );
}

const sourceOptions = [
  { value: 'procedures_online', label: 'Tỷ lệ TTHC trực tuyến' },
  { value: 'dossiers_online', label: 'Tỷ lệ hồ sơ trực tuyến' },
  { value: 'documents_electronic', label: 'Tỷ lệ văn bản điện tử' },
  { value: 'documents_signed', label: 'Tỷ lệ văn bản ký số' },
  { value: 'staff_trained', label: 'Tỷ lệ CBCCVC được tập huấn' },
];

function AddCriterionModal({
  year,
  onClose,
  onDone,
}: {
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as CriterionKind | undefined;
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await api.post('/api/office/egov-assessments/criteria', {
        year,
        ...values,
        source: values.kind === 'system' ? values.source : null,
      });
      onDone();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  return (
    <Modal
      open
      title="Thêm tiêu chí"
      okText="Thêm"
      cancelText="Hủy"
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'number', unit: '', weight: 1, target: 1 }}>
        <Form.Item
          name="code"
          label="Số thứ tự"
          rules={[{ required: true, message: 'Vui lòng nhập số thứ tự.' }]}
        >
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="groupName" label="Nhóm" rules={[{ required: true, message: 'Vui lòng nhập nhóm.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="title"
          label="Nội dung tiêu chí"
          rules={[{ required: true, message: 'Vui lòng nhập nội dung.' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="kind" label="Loại">
          <Select options={Object.entries(kindLabel).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {kind === 'system' ? (
          <Form.Item
            name="source"
            label="Nguồn số liệu"
            rules={[{ required: true, message: 'Chọn nguồn số liệu.' }]}
          >
            <Select options={sourceOptions} />
          </Form.Item>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item name="unit" label="Đơn vị tính">
            <Input maxLength={20} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="target" label="Chỉ tiêu" rules={[{ required: true, message: 'Nhập chỉ tiêu.' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="weight" label="Trọng số" rules={[{ required: true, message: 'Nhập trọng số.' }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
