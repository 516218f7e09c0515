import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';

function DocumentsList({ groupName, groupIndex }: { groupName: number; groupIndex: number }) {
  return (
    <Form.List name={[groupName, 'documents']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const label = `Giấy tờ ${groupIndex + 1}.${index + 1}`;
            return (
              <div key={field.key} style={{ borderTop: '1px dashed #e5e7eb', paddingTop: 12 }}>
                <Row gutter={12}>
                  <Col xs={24} lg={12}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={`${label} — Tên giấy tờ`}
                      rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên giấy tờ.' }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={3000} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6} lg={3}>
                    <Form.Item
                      name={[field.name, 'originals']}
                      label="Bản chính"
                      rules={[{ required: true, message: 'Nhập số bản.' }]}
                    >
                      <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6} lg={3}>
                    <Form.Item
                      name={[field.name, 'copies']}
                      label="Bản sao"
                      rules={[{ required: true, message: 'Nhập số bản.' }]}
                    >
                      <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={6}>
                    <Form.Item name={[field.name, 'formName']} label="Mẫu đơn, tờ khai">
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={18} lg={12}>
                    <Form.Item
                      name={[field.name, 'formUrl']}
                      label="Đường dẫn mẫu"
                      rules={[
                        { type: 'url', message: 'Đường dẫn không hợp lệ (cần bắt đầu bằng https://).' },
                      ]}
                    >
                      <Input type="url" inputMode="url" maxLength={2000} />
                    </Form.Item>
                  </Col>
                  <Col
                    xs={24}
                    sm={6}
                    lg={12}
                    style={{ display: 'flex', alignItems: 'center', paddingBottom: 24 }}
                  >
                    <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      Xóa {label.toLowerCase()}
                    </Button>
                  </Col>
                </Row>
              </div>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add({ name: '', originals: 1, copies: 0 })}>
            Thêm giấy tờ
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** "Thành phần hồ sơ": groups (cases) of documents, each with counts and an optional form template. */
export function DocumentGroupsEditor() {
  return (
    <Form.List name="requiredDocuments">
      {(groups, { add, remove }) => (
        <>
          {groups.map((group, index) => (
            <Card
              key={group.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`Nhóm giấy tờ ${index + 1}`}
              extra={
                <Button size="small" danger onClick={() => remove(group.name)}>
                  Xóa nhóm
                </Button>
              }
            >
              <Form.Item name={[group.name, 'group']} label="Tên nhóm / trường hợp (không bắt buộc)">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
              <DocumentsList groupName={group.name} groupIndex={index} />
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ group: null, documents: [] })}>
            Thêm nhóm giấy tờ
          </Button>
        </>
      )}
    </Form.List>
  );
}
