import { Alert, App, Checkbox, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import type { Direction, DocumentStatus, OfficialDocument } from './documentTypes';
import { statusLabels } from './documentTypes';

interface Values {
  agencyId: string;
  direction: Direction;
  number: string;
  symbol: string;
  issuedOn: string;
  summary: string;
  counterpartAgencyId?: string;
  counterpartName?: string;
  counterpartKind: 'agency' | 'other';
  electronic: boolean;
  digitallySigned: boolean;
  dueOn?: string;
  handler?: string;
  status: DocumentStatus;
}

/**
 * Adds one incoming or outgoing document to a register the officer keeps, or corrects one (`editing`): the
 * correction sends the version read, so a change made meanwhile by someone else is refused with what to do.
 */
export function AddDocumentDialog({
  open,
  kept,
  agencies,
  editing,
  onClose,
  onAdded,
}: {
  open: boolean;
  kept: { id: string; name: string }[];
  editing?: OfficialDocument;
  /** Every agency of the system, for the sender/recipient choice. */
  agencies: { id: string; name: string }[];
  onClose: () => void;
  onAdded: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const direction = Form.useWatch('direction', form);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(undefined);
    const { agencyId, counterpartAgencyId, counterpartName, dueOn, handler, ...rest } = values;
    const document = {
      ...rest,
      counterpartAgencyId: counterpartAgencyId ?? null,
      ...(counterpartAgencyId ? {} : { counterpartName }),
      dueOn: dueOn || null,
      handler: handler || null,
    };
    try {
      if (editing) {
        await api.patch(`/api/office/documents/${editing.id}`, { document, version: editing.version });
        message.success('Đã lưu văn bản đã sửa.');
      } else {
        await api.post('/api/office/documents', { agencyId, document });
        message.success('Đã thêm văn bản vào sổ.');
      }
      form.resetFields();
      onAdded();
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={editing ? 'Sửa văn bản trong sổ' : 'Thêm văn bản vào sổ'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      width={720}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                agencyId: editing.agencyId,
                direction: editing.direction,
                number: editing.number,
                symbol: editing.symbol,
                issuedOn: editing.issuedOn,
                summary: editing.summary,
                counterpartKind: editing.counterpartKind,
                counterpartAgencyId: editing.counterpartAgencyId ?? undefined,
                counterpartName: editing.counterpartAgencyId ? undefined : editing.counterpartName,
                electronic: editing.electronic,
                digitallySigned: editing.digitallySigned,
                dueOn: editing.dueOn ?? undefined,
                handler: editing.handler ?? undefined,
                status: editing.status,
              }
            : {
                agencyId: kept[0]?.id,
                direction: 'incoming',
                counterpartKind: 'agency',
                electronic: true,
                digitallySigned: true,
                status: 'pending',
              }
        }
      >
        <Form.Item
          name="agencyId"
          label="Cơ quan"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
        >
          <Select disabled={Boolean(editing)} options={kept.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="direction" label="Loại">
          <Radio.Group
            options={[
              { value: 'incoming', label: 'Văn bản đến' },
              { value: 'outgoing', label: 'Văn bản đi' },
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={6}>
            <Form.Item
              name="number"
              label="Số"
              rules={[{ required: true, message: 'Vui lòng nhập số văn bản.' }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="symbol"
              label="Ký hiệu"
              rules={[{ required: true, message: 'Vui lòng nhập ký hiệu văn bản.' }]}
            >
              <Input maxLength={60} placeholder="UBND-VP" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="issuedOn"
              label="Ngày văn bản"
              rules={[{ required: true, message: 'Vui lòng nhập ngày văn bản.' }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          label="Trích yếu"
          rules={[{ required: true, message: 'Vui lòng nhập trích yếu.' }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="counterpartAgencyId"
              label={
                direction === 'outgoing' ? 'Cơ quan nhận (trong hệ thống)' : 'Cơ quan gửi (trong hệ thống)'
              }
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="counterpartName" label="Hoặc nhập tên cơ quan, tổ chức, cá nhân">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="counterpartKind" label="Gửi/nhận với">
          <Radio.Group
            options={[
              { value: 'agency', label: 'Cơ quan nhà nước' },
              { value: 'other', label: 'Tổ chức, cá nhân khác' },
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item name="electronic" valuePropName="checked">
              <Checkbox>Văn bản điện tử</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="digitallySigned" valuePropName="checked">
              <Checkbox>Có chữ ký số</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label="Trạng thái">
              <Select options={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="dueOn" label="Hạn xử lý">
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="handler" label="Người xử lý">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Modal>
  );
}
