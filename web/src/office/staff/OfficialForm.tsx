import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { filterByLabel } from '../../format';
import { optionsOf } from '../../labels';
import {
  categoryLabels,
  type DegreeLevel,
  degreeLabels,
  type Official,
  type PoliticalTheory,
  type StaffAgency,
  type StaffCategory,
  theoryLabels,
} from './staffTypes';

interface Values {
  agencyId: string;
  fullName: string;
  birthDate?: Dayjs;
  position?: string;
  category?: StaffCategory;
  degreeLevel?: DegreeLevel;
  fieldOfStudy?: string;
  politicalTheory?: PoliticalTheory | null;
  startDate?: Dayjs;
  endDate?: Dayjs | null;
}

const day = (value: string | null | undefined) => (value ? dayjs(value) : undefined);
const iso = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD');

/** Add or edit one official; leaving is recorded with the end date (the official stays in the history). */
export function OfficialForm({
  official,
  agencies,
  onClose,
  onSaved,
}: {
  official: Official | null;
  agencies: StaffAgency[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    const body = {
      agencyId: values.agencyId,
      fullName: values.fullName ?? '',
      birthDate: iso(values.birthDate) ?? '',
      position: values.position || null,
      category: values.category,
      degreeLevel: values.degreeLevel,
      fieldOfStudy: values.fieldOfStudy || null,
      politicalTheory: values.politicalTheory ?? null,
      startDate: iso(values.startDate) ?? '',
      endDate: iso(values.endDate) ?? null,
      userId: official?.userId ?? null,
    };
    try {
      if (official) await api.put(`/api/office/staff/officials/${official.id}`, body);
      else await api.post('/api/office/staff/officials', body);
      message.success(official ? 'Đã lưu thông tin cán bộ.' : 'Đã thêm cán bộ.');
      onSaved();
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={official ? 'Sửa thông tin cán bộ' : 'Thêm cán bộ, công chức, viên chức'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          agencyId: official?.agencyId ?? agencies.find((a) => a.canManage)?.id,
          fullName: official?.fullName,
          birthDate: day(official?.birthDate),
          position: official?.position ?? undefined,
          category: official?.category,
          degreeLevel: official?.degreeLevel,
          fieldOfStudy: official?.fieldOfStudy ?? undefined,
          politicalTheory: official?.politicalTheory ?? null,
          startDate: day(official?.startDate),
          endDate: day(official?.endDate) ?? null,
        }}
      >
        <Form.Item
          name="agencyId"
          label="Cơ quan, đơn vị"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
        >
          <Select
            showSearch={{ filterOption: filterByLabel }}
            options={agencies.filter((a) => a.canManage).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, message: 'Vui lòng nhập họ và tên.' }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label="Ngày sinh"
          rules={[{ required: true, message: 'Vui lòng nhập ngày sinh.' }]}
        >
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="position" label="Chức vụ">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="category"
          label="Ngạch, loại"
          rules={[{ required: true, message: 'Vui lòng chọn ngạch, loại.' }]}
        >
          <Select options={optionsOf(categoryLabels)} />
        </Form.Item>
        <Form.Item
          name="degreeLevel"
          label="Trình độ chuyên môn"
          rules={[{ required: true, message: 'Vui lòng chọn trình độ chuyên môn.' }]}
        >
          <Select options={optionsOf(degreeLabels)} />
        </Form.Item>
        <Form.Item name="fieldOfStudy" label="Chuyên ngành">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="politicalTheory" label="Lý luận chính trị">
          <Select allowClear options={optionsOf(theoryLabels)} />
        </Form.Item>
        <Form.Item
          name="startDate"
          label="Ngày bắt đầu công tác"
          rules={[{ required: true, message: 'Vui lòng nhập ngày bắt đầu công tác.' }]}
        >
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label="Ngày thôi việc (nếu có)">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}
