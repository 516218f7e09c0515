import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, type FormInstance, Input, InputNumber, Typography } from 'antd';
import type { DocumentGroup } from '../../types';

export interface DocumentRow {
  checked: boolean;
  name: string;
  group: string | null;
  originals: number;
  copies: number;
  /** Added at the counter, not from the procedure's list. */
  custom?: boolean;
}

/** "- Tờ khai đăng ký khai sinh" → "Tờ khai đăng ký khai sinh" (the catalogue keeps its source's bullets). */
export function cleanName(name: string): string {
  return name.trim().replace(/^[-•*+]\s*/, '');
}

/** The procedure's required documents as checklist rows; those asking for at least one paper are ticked. */
export function rowsOf(groups: DocumentGroup[]): DocumentRow[] {
  return groups.flatMap((group) =>
    group.documents.map((document) => ({
      checked: document.originals + document.copies > 0,
      name: cleanName(document.name),
      group: group.group,
      originals: document.originals,
      copies: document.copies,
    })),
  );
}

/** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp". */
function groupTitle(group: string): string {
  return group.replace(/^[\s*•-]+/, '').replace(/[\s:]+$/, '');
}

const countStyle = { width: 72 };

/**
 * Thành phần hồ sơ as a checklist: tick what the applicant handed in, adjust the number of originals and
 * copies, add a paper the list does not name.
 */
export function DocumentChecklist({ form }: { form: FormInstance }) {
  // `preserve`: the rows' names and groups are in the store without fields of their own.
  const rows = (Form.useWatch('documents', { form, preserve: true }) as DocumentRow[] | undefined) ?? [];
  const checked = rows.filter((row) => row?.checked).length;

  const setAll = (value: boolean) =>
    form.setFieldValue(
      'documents',
      rows.map((row) => ({ ...row, checked: value })),
    );

  return (
    <div data-enter-skip="">
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text aria-live="polite">
          Đã nhận {checked}/{rows.length} giấy tờ
        </Typography.Text>
        {rows.length > 1 ? (
          <Flex wrap gap={8}>
            <Button size="small" onClick={() => setAll(true)}>
              Chọn tất cả
            </Button>
            <Button size="small" onClick={() => setAll(false)}>
              Bỏ chọn tất cả
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Form.List name="documents">
        {(fields, { add, remove }) => (
          <>
            <ol className="document-checklist">
              {fields.map((field, index) => {
                const row = rows[index];
                const previous = rows[index - 1];
                const showGroup = row?.group && row.group !== previous?.group;
                const number = index + 1;
                return (
                  <li key={field.key}>
                    {showGroup ? <div className="document-group">{groupTitle(row.group ?? '')}</div> : null}
                    <div className="document-row">
                      <div className="document-name">
                        {row?.custom ? (
                          <Flex gap={8} align="start">
                            <Form.Item name={[field.name, 'checked']} valuePropName="checked" noStyle>
                              <Checkbox aria-label={`Đã nhận giấy tờ khác ${number}`} />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'name']}
                              style={{ flex: 1, marginBottom: 0 }}
                              rules={[{ required: true, whitespace: true, message: 'Nhập tên giấy tờ.' }]}
                            >
                              <Input aria-label={`Tên giấy tờ khác ${number}`} placeholder="Tên giấy tờ" />
                            </Form.Item>
                          </Flex>
                        ) : (
                          <Form.Item name={[field.name, 'checked']} valuePropName="checked" noStyle>
                            <Checkbox className="wrap-anywhere">{row?.name}</Checkbox>
                          </Form.Item>
                        )}
                      </div>
                      <Flex gap={8} align="center" className="document-counts">
                        <div className="count-field">
                          <span aria-hidden="true">Bản chính</span>
                          <Form.Item name={[field.name, 'originals']} noStyle>
                            <InputNumber
                              min={0}
                              max={99}
                              precision={0}
                              size="small"
                              style={countStyle}
                              aria-label={`Số bản chính của giấy tờ ${number}`}
                            />
                          </Form.Item>
                        </div>
                        <div className="count-field">
                          <span aria-hidden="true">Bản sao</span>
                          <Form.Item name={[field.name, 'copies']} noStyle>
                            <InputNumber
                              min={0}
                              max={99}
                              precision={0}
                              size="small"
                              style={countStyle}
                              aria-label={`Số bản sao của giấy tờ ${number}`}
                            />
                          </Form.Item>
                        </div>
                        {row?.custom ? (
                          <Button
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={`Bỏ giấy tờ khác ${number}`}
                            onClick={() => remove(field.name)}
                          />
                        ) : null}
                      </Flex>
                    </div>
                  </li>
                );
              })}
            </ol>
            {fields.length === 0 ? (
              <Typography.Paragraph type="secondary">
                Thủ tục chưa có danh mục thành phần hồ sơ; ghi các giấy tờ đã nhận bằng nút bên dưới.
              </Typography.Paragraph>
            ) : null}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({ checked: true, name: '', group: null, originals: 1, copies: 0, custom: true })
              }
            >
              Thêm giấy tờ khác
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
