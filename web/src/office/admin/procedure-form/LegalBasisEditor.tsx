import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';

/** "Căn cứ pháp lý": one document reference per row. */
export function LegalBasisEditor() {
  return (
    <Form.List name="legalBasis">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item
                name={field.name}
                style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                rules={[
                  { required: true, whitespace: true, message: 'Vui lòng nhập văn bản hoặc xóa dòng này.' },
                ]}
              >
                <Input
                  prefix={`${index + 1}.`}
                  aria-label={`Căn cứ pháp lý ${index + 1}`}
                  maxLength={300}
                  placeholder="Ví dụ: Luật Hộ tịch số 60/2014/QH13"
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`Xóa căn cứ pháp lý ${index + 1}`}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add('')}>
            Thêm căn cứ pháp lý
          </Button>
        </>
      )}
    </Form.List>
  );
}
