import { Form, type FormInstance, type FormRule, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { filterByLabel } from '../../format';
import { citizenIdPattern, compactDigits, messages, phonePattern } from '../../validation';
import { type DraftValues, draftFormName, initialValues } from './draftValues';
import type { FormField, MyDossier } from './onlineTypes';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

const digitsRule = (pattern: RegExp, message: string): FormRule => ({
  validator: (_, value: string | undefined) =>
    !value?.trim() || pattern.test(compactDigits(value))
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
});

function rulesOf(field: FormField): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required) {
    rules.push({
      required: true,
      whitespace: true,
      message:
        field.type === 'select' ? `Vui lòng chọn «${field.label}».` : `Vui lòng nhập «${field.label}».`,
    });
  }
  if (field.type === 'citizen_id') rules.push(digitsRule(citizenIdPattern, messages.citizenId));
  if (field.type === 'phone') rules.push(digitsRule(phonePattern, messages.phone));
  if (field.type === 'email') rules.push({ pattern: emailPattern, message: messages.email });
  if (field.type === 'number') {
    rules.push({
      validator: (_, value: string | undefined) => {
        if (!value?.trim()) return Promise.resolve();
        const n = Number(value.replace(',', '.'));
        if (!Number.isFinite(n)) return Promise.reject(new Error(`«${field.label}» phải là một số.`));
        if (field.min !== undefined && n < field.min)
          return Promise.reject(new Error(`«${field.label}» không được nhỏ hơn ${field.min}.`));
        if (field.max !== undefined && n > field.max)
          return Promise.reject(new Error(`«${field.label}» không được lớn hơn ${field.max}.`));
        return Promise.resolve();
      },
    });
  }
  if (field.pattern) {
    try {
      const pattern = new RegExp(field.pattern, 'u');
      rules.push({
        validator: (_, value: string | undefined) =>
          !value?.trim() || pattern.test(value.trim())
            ? Promise.resolve()
            : Promise.reject(new Error(field.patternMessage ?? `«${field.label}» không đúng định dạng.`)),
      });
    } catch {
      // A pattern the browser cannot read is left to the server.
    }
  }
  return rules;
}

function controlOf(field: FormField): ReactNode {
  const maxLength = field.maxLength ?? (field.type === 'textarea' ? 5000 : 500);
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={maxLength} />;
    case 'number':
      return <Input inputMode="decimal" maxLength={30} />;
    case 'date':
      return <Input type="date" min="1900-01-01" max="2100-12-31" />;
    case 'citizen_id':
      return <Input inputMode="numeric" autoComplete="off" maxLength={16} placeholder="12 chữ số" />;
    case 'phone':
      return <Input type="tel" inputMode="tel" maxLength={15} />;
    case 'email':
      return <Input type="email" inputMode="email" maxLength={254} />;
    case 'select': {
      const options = field.options ?? [];
      if (options.length <= 5) {
        return (
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Radio.Group>
        );
      }
      return (
        <Select
          showSearch={{ filterOption: filterByLabel }}
          allowClear
          placeholder="Chọn…"
          options={options.map((o) => ({ value: o.value, label: o.label }))}
        />
      );
    }
    default:
      return <Input maxLength={maxLength} />;
  }
}

/** Fields whose change is a finished answer (a choice, a date): saved at once rather than on leaving the field. */
export function savesOnChange(field: FormField | undefined): boolean {
  return field?.type === 'select' || field?.type === 'date';
}

/** Step 2: the applicant's data (prefilled from the account) and the procedure's own questions. */
export function InfoStep({
  dossier,
  form,
  onFieldDone,
  onChoiceChanged,
}: {
  dossier: MyDossier;
  form: FormInstance<DraftValues>;
  /** A field lost focus: time to save. */
  onFieldDone: () => void;
  onChoiceChanged: () => void;
}) {
  const fields = dossier.formSchema.fields;
  return (
    <Form
      form={form}
      name={draftFormName}
      layout="vertical"
      initialValues={initialValues(dossier)}
      scrollToFirstError={{ block: 'center' }}
      onBlur={() => onFieldDone()}
      onValuesChange={(changed: Partial<DraftValues>) => {
        const keys = Object.keys(changed.formData ?? {});
        if (keys.some((key) => savesOnChange(fields.find((f) => f.key === key)))) onChoiceChanged();
      }}
    >
      <section className="section" aria-labelledby="applicant-title">
        <h2 id="applicant-title" className="online-step-title">
          Người nộp hồ sơ
        </h2>
        <p className="online-step-note">
          Thông tin lấy từ tài khoản của bạn; hãy kiểm tra và bổ sung nếu thiếu.
        </p>
        <Form.Item
          label="Họ và tên"
          name={['applicant', 'fullName']}
          rules={[{ required: true, whitespace: true, message: messages.required('họ và tên') }]}
        >
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="Số định danh cá nhân (CCCD)"
          name={['applicant', 'citizenId']}
          extra="12 chữ số, in trên thẻ căn cước."
          rules={[
            { required: true, whitespace: true, message: messages.required('số định danh cá nhân (CCCD)') },
            digitsRule(citizenIdPattern, messages.citizenId),
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={16} />
        </Form.Item>
        <Form.Item
          label="Số điện thoại"
          name={['applicant', 'phone']}
          extra="Để cơ quan gọi khi cần; nhập số điện thoại hoặc email (hoặc cả hai)."
          rules={[
            digitsRule(phonePattern, messages.phone),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value?.trim() || getFieldValue(['applicant', 'email'])?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(messages.emailOrPhone)),
            }),
          ]}
        >
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={15} />
        </Form.Item>
        <Form.Item
          label="Email"
          name={['applicant', 'email']}
          rules={[{ pattern: emailPattern, message: messages.email }]}
        >
          <Input type="email" inputMode="email" autoComplete="email" maxLength={254} />
        </Form.Item>
        <Form.Item label="Địa chỉ liên hệ" name={['applicant', 'address']}>
          <Input autoComplete="street-address" maxLength={500} />
        </Form.Item>
      </section>

      {fields.length > 0 ? (
        <section className="section" aria-labelledby="form-title">
          <h2 id="form-title" className="online-step-title">
            Nội dung đề nghị
          </h2>
          <p className="online-step-note">Các mục có dấu * là bắt buộc.</p>
          {fields.map((field) => (
            <Form.Item
              key={field.key}
              label={field.label}
              name={['formData', field.key]}
              required={field.required ?? false}
              extra={field.help}
              rules={rulesOf(field)}
            >
              {controlOf(field)}
            </Form.Item>
          ))}
        </section>
      ) : null}
    </Form>
  );
}
