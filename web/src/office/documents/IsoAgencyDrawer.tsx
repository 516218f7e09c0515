import { Alert, App, Button, Descriptions, Drawer, Form, Input, List, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import { type IsoAudit, type IsoDetail, vnDate } from './documentTypes';
import { IsoProcedurePicker } from './IsoProcedurePicker';

/** One agency's ISO record: certificate or declaration, procedures under ISO, audits; editable by its officers. */
export function IsoAgencyDrawer({
  agencyId,
  onClose,
  onChanged,
}: {
  agencyId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const detail = useApi<IsoDetail>(`/api/office/iso/${agencyId}`);
  const [problem, setProblem] = useState<string>();
  const save = async (call: () => Promise<IsoDetail>, done: string) => {
    setProblem(undefined);
    try {
      detail.setData(await call());
      message.success(done);
      onChanged();
      return true;
    } catch (cause) {
      setProblem(errorMessage(cause));
      return false;
    }
  };
  const d = detail.data;
  return (
    <Drawer
      title={d ? `ISO 9001:2015 — ${d.agencyName}` : 'ISO 9001:2015'}
      open
      onClose={onClose}
      size="large"
    >
      {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : null}
      {!d ? (
        <Loading />
      ) : (
        <>
          {problem ? (
            <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
          ) : null}
          {d.canEdit ? (
            <Form
              layout="vertical"
              initialValues={d.registration ?? { basis: 'declaration' }}
              onFinish={(v) =>
                save(
                  () =>
                    api.put<IsoDetail>(`/api/office/iso/${agencyId}`, {
                      scope: v.scope,
                      basis: v.basis,
                      effectiveOn: v.effectiveOn,
                      certifyingBody: v.certifyingBody || null,
                      endedOn: v.endedOn || null,
                    }),
                  'Đã lưu hệ thống ISO của cơ quan.',
                )
              }
            >
              <Form.Item
                name="scope"
                label="Phạm vi áp dụng"
                rules={[{ required: true, message: 'Vui lòng nhập phạm vi áp dụng.' }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="basis" label="Căn cứ">
                <Radio.Group
                  options={[
                    { value: 'declaration', label: 'Công bố hệ thống phù hợp' },
                    { value: 'certificate', label: 'Giấy chứng nhận' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="effectiveOn"
                label="Ngày công bố/chứng nhận"
                rules={[{ required: true, message: 'Vui lòng nhập ngày.' }]}
              >
                <Input type="date" />
              </Form.Item>
              <Form.Item name="certifyingBody" label="Tổ chức chứng nhận">
                <Input />
              </Form.Item>
              <Form.Item name="endedOn" label="Ngày ngừng áp dụng (nếu có)">
                <Input type="date" />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                Lưu
              </Button>
            </Form>
          ) : d.registration ? (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Phạm vi">{d.registration.scope}</Descriptions.Item>
              <Descriptions.Item label="Căn cứ">
                {d.registration.basis === 'certificate' ? 'Giấy chứng nhận' : 'Công bố'} ngày{' '}
                {vnDate(d.registration.effectiveOn)}
              </Descriptions.Item>
              <Descriptions.Item label="Tổ chức chứng nhận">
                {d.registration.certifyingBody ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label="Ngừng áp dụng">{vnDate(d.registration.endedOn)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Alert type="warning" showIcon title="Cơ quan chưa áp dụng ISO 9001:2015." />
          )}
          <Typography.Title level={3} style={{ marginTop: 24 }}>
            Quy trình nội bộ áp dụng ISO ({d.procedures.length})
          </Typography.Title>
          {d.canEdit ? (
            <IsoProcedurePicker
              initial={d.procedures}
              onSave={(procedureCodes) =>
                save(
                  () => api.put<IsoDetail>(`/api/office/iso/${agencyId}/procedures`, { procedureCodes }),
                  'Đã lưu danh sách thủ tục áp dụng ISO.',
                )
              }
            />
          ) : null}
          <List
            size="small"
            dataSource={d.procedures}
            locale={{ emptyText: 'Chưa có thủ tục nào.' }}
            renderItem={(p) => (
              <List.Item>
                {p.code} — {p.name} ({p.stepCount} bước)
              </List.Item>
            )}
          />
          <Typography.Title level={3} style={{ marginTop: 24 }}>
            Đánh giá nội bộ, bên ngoài
          </Typography.Title>
          <Table<IsoAudit>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.audits}
            columns={[
              { title: 'Ngày', dataIndex: 'auditedOn', render: vnDate },
              {
                title: 'Loại',
                dataIndex: 'kind',
                render: (k: string) => (k === 'internal' ? 'Nội bộ' : 'Bên ngoài'),
              },
              { title: 'Phát hiện', dataIndex: 'findings' },
              { title: 'Hành động khắc phục', dataIndex: 'correctiveActions' },
              {
                title: 'Khắc phục xong',
                dataIndex: 'closedOn',
                render: (v: string | null) => (v ? vnDate(v) : 'Chưa'),
              },
            ]}
          />
          {d.canEdit ? (
            <Form
              layout="inline"
              style={{ marginTop: 12, rowGap: 8 }}
              initialValues={{ kind: 'internal' }}
              onFinish={(v) =>
                save(
                  () =>
                    api.post<IsoDetail>(`/api/office/iso/${agencyId}/audits`, {
                      auditedOn: v.auditedOn,
                      kind: v.kind,
                      findings: v.findings,
                      correctiveActions: v.correctiveActions || null,
                      closedOn: v.closedOn || null,
                    }),
                  'Đã thêm đợt đánh giá.',
                )
              }
            >
              <Form.Item
                name="auditedOn"
                rules={[{ required: true, message: 'Vui lòng nhập ngày đánh giá.' }]}
              >
                <Input type="date" aria-label="Ngày đánh giá" />
              </Form.Item>
              <Form.Item name="kind">
                <Radio.Group
                  options={[
                    { value: 'internal', label: 'Nội bộ' },
                    { value: 'external', label: 'Bên ngoài' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="findings" rules={[{ required: true, message: 'Vui lòng nhập phát hiện.' }]}>
                <Input placeholder="Phát hiện" />
              </Form.Item>
              <Form.Item name="correctiveActions">
                <Input placeholder="Hành động khắc phục" />
              </Form.Item>
              <Form.Item name="closedOn">
                <Input type="date" aria-label="Ngày khắc phục xong" />
              </Form.Item>
              <Button htmlType="submit">Thêm đợt đánh giá</Button>
            </Form>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
