import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { agencyRoleLabels, optionsOf, stepActorLabels, stepDurationUnitLabels } from '../../../labels';
import { StatutoryComparison } from './StatutoryComparison';

const actorOptions = optionsOf(stepActorLabels);
const agencyRoleOptions = optionsOf(agencyRoleLabels);
const unitOptions = optionsOf(stepDurationUnitLabels);

/** "Quy trình nội bộ": ordered steps with who acts, in which agency, and the time budget. */
export function ProcessStepsEditor() {
  return (
    <>
      <Form.List name="internalProcess">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={`Bước ${index + 1}`}
                extra={
                  <>
                    <Button
                      size="small"
                      type="text"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={`Đưa bước ${index + 1} lên trên`}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      type="text"
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={`Đưa bước ${index + 1} xuống dưới`}
                    >
                      ↓
                    </Button>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={`Xóa bước ${index + 1}`}
                    />
                  </>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} lg={7}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={`Tên bước ${index + 1}`}
                      rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên bước.' }]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item
                      name={[field.name, 'actorRole']}
                      label="Người thực hiện"
                      rules={[{ required: true, message: 'Chọn người thực hiện.' }]}
                    >
                      <Select options={actorOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item
                      name={[field.name, 'agencyRole']}
                      label="Tại cơ quan"
                      rules={[{ required: true, message: 'Chọn cơ quan.' }]}
                    >
                      <Select options={agencyRoleOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={12} lg={3}>
                    <Form.Item
                      name={[field.name, 'durationValue']}
                      label="Thời gian"
                      rules={[{ required: true, message: 'Nhập thời gian.' }]}
                    >
                      <InputNumber min={0.25} max={10000} decimalSeparator="," style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={12} lg={4}>
                    <Form.Item
                      name={[field.name, 'durationUnit']}
                      label="Đơn vị"
                      rules={[{ required: true, message: 'Chọn đơn vị.' }]}
                    >
                      <Select options={unitOptions} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              style={{ marginBottom: 12 }}
              onClick={() =>
                add({
                  name: '',
                  actorRole: 'specialist',
                  agencyRole: 'competent',
                  durationValue: 1,
                  durationUnit: 'working_days',
                })
              }
            >
              Thêm bước
            </Button>
          </>
        )}
      </Form.List>
      <StatutoryComparison />
    </>
  );
}
