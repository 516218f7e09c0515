import { AutoComplete, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { agencyLabel, filterByLabel } from '../../../format';
import { levelLabels, onlineLevelLabels, onlineModeLabels, optionsOf, timeUnitLabels } from '../../../labels';
import type { Agency, FieldCount } from '../../../types';
import { useApi } from '../../../useApi';
import { isExpired } from '../../agencyText';
import { DocumentGroupsEditor } from './DocumentGroupsEditor';
import type { ProcedureFormValues } from './formValues';
import { LegalBasisEditor } from './LegalBasisEditor';
import { ProcessStepsEditor } from './ProcessStepsEditor';

const levelOptions = optionsOf(levelLabels);
const onlineModeOptions = optionsOf(onlineModeLabels);
const timeUnitOptions = optionsOf(timeUnitLabels);
const onlineLevelOptions = Object.entries(onlineLevelLabels).map(([value, label]) => ({
  value: Number(value),
  label,
}));
const required = (what: string) => ({ required: true, whitespace: true, message: `Vui lòng nhập ${what}.` });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      size="small"
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}

const text = (rows = 2) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 12 }} />;

/** Every field of ProcedureInput, grouped in sections. */
export function ProcedureForm({
  form,
  isNew,
  disabled,
  onFinish,
  onValuesChange,
}: {
  form: FormInstance<ProcedureFormValues>;
  isNew: boolean;
  disabled: boolean;
  onFinish: (values: ProcedureFormValues) => void;
  onValuesChange: () => void;
}) {
  const fields = useApi<FieldCount[]>('/api/procedures/fields', { shared: true });
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const fieldOptions = (fields.data ?? []).map((item) => ({ value: item.field, label: item.field }));
  const agencyOptions = (agencies.data ?? []).map((agency) => ({
    value: agency.id,
    label: `${agencyLabel(agency)}${isExpired(agency.validTo) ? ' (hết hiệu lực)' : ''}`,
  }));

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      disabled={disabled}
      scrollToFirstError={{ block: 'center' }}
      id="procedure-form"
    >
      <Section title="Thông tin chung">
        <Row gutter={12}>
          <Col xs={24} sm={8} lg={6}>
            <Form.Item
              name="code"
              label="Mã thủ tục"
              rules={[required('mã thủ tục')]}
              extra={isNew ? 'Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193.' : undefined}
            >
              <Input disabled={!isNew} maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16} lg={18}>
            <Form.Item name="name" label="Tên thủ tục" rules={[required('tên thủ tục')]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="field" label="Lĩnh vực" rules={[required('lĩnh vực')]}>
              <AutoComplete options={fieldOptions} showSearch={{ filterOption: filterByLabel }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="levels"
              label="Cấp thực hiện"
              rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một cấp thực hiện.' }]}
            >
              <Select mode="multiple" options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionNo" label="Quyết định công bố">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="subjects" label="Đối tượng thực hiện">
              {text(1)}
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title="Thời hạn, phí và hình thức">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="processingTimeValue" label="Thời hạn giải quyết">
              <InputNumber min={0} max={3650} decimalSeparator="," style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="processingTimeUnit" label="Đơn vị thời gian">
              <Select options={timeUnitOptions} allowClear placeholder="Chưa xác định đơn vị" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="processingTimeText" label="Ghi chú thời hạn">
              {text(1)}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="feeText" label="Phí, lệ phí (mô tả)">
              {text(1)}
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="feeAmountVnd" label="Số tiền (đồng)">
              <InputNumber<number>
                min={0}
                precision={0}
                style={{ width: '100%' }}
                formatter={(value) =>
                  value === undefined || value === null
                    ? ''
                    : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
                }
                parser={(value) => Number((value ?? '').replace(/\D/g, ''))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="onlineMode"
              label="Hình thức trực tuyến"
              rules={[{ required: true, message: 'Chọn hình thức.' }]}
            >
              <Select options={onlineModeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="onlineLevel" label="Mức độ (cách phân loại cũ)">
              <Select options={onlineLevelOptions} allowClear placeholder="Không có" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title="Cơ quan thực hiện / Nơi nộp hồ sơ">
        <Form.Item name="agencyIds" label="Cơ quan tiếp nhận hồ sơ">
          <Select
            mode="multiple"
            options={agencyOptions}
            loading={agencies.loading}
            showSearch={{ filterOption: filterByLabel }}
            notFoundContent="Không có cơ quan phù hợp"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="implementingAgencyText" label="Cơ quan thực hiện (theo danh mục)">
              {text()}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="competentAgencyText" label="Cơ quan có thẩm quyền">
              {text()}
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title="Kết quả và điều kiện">
        <Form.Item name="resultText" label="Kết quả thực hiện">
          {text()}
        </Form.Item>
        <Form.Item name="conditions" label="Yêu cầu, điều kiện">
          {text(3)}
        </Form.Item>
      </Section>

      <Section title="Căn cứ pháp lý">
        <LegalBasisEditor />
      </Section>

      <Section title="Thành phần hồ sơ">
        <DocumentGroupsEditor />
      </Section>

      <Section title="Quy trình nội bộ">
        <ProcessStepsEditor />
      </Section>
    </Form>
  );
}
