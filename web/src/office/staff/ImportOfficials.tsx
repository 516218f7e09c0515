import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import type { ImportReport } from './staffTypes';

const maxBytes = 5 * 1024 * 1024;

/** "Nhập từ Excel": the template download, the upload, and the report of imported and rejected rows. */
export function ImportOfficials({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<string>();

  const send = async (file: File) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setReport(await api.upload<ImportReport>('/api/office/staff/officials/import', file));
      onImported();
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} href="/api/office/staff/officials/import-template" download>
        Tải tệp mẫu Excel
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > maxBytes) setProblem('Tệp quá lớn: tối đa 5 MB.');
          else void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          Nhập từ Excel
        </Button>
      </Upload>
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem}
          closable={{ onClose: () => setProblem(undefined) }}
        />
      ) : null}
      <Modal
        open={report !== undefined}
        title="Kết quả nhập danh sách cán bộ"
        onCancel={() => setReport(undefined)}
        footer={<Button onClick={() => setReport(undefined)}>Đóng</Button>}
        width={760}
      >
        {report ? (
          <>
            <Typography.Paragraph>
              Tổng số dòng: {report.total}. Thêm mới: {report.inserted}. Cập nhật: {report.updated}. Bị từ
              chối: {report.rejected.length}.
            </Typography.Paragraph>
            {report.rejected.length > 0 ? (
              <Table
                size="small"
                rowKey="row"
                pagination={false}
                aria-label="Các dòng bị từ chối"
                dataSource={report.rejected}
                columns={[
                  { title: 'Dòng', dataIndex: 'row', width: 70 },
                  { title: 'Họ và tên', dataIndex: 'fullName', width: 180 },
                  {
                    title: 'Lý do',
                    dataIndex: 'reasons',
                    render: (reasons: string[]) => (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            ) : (
              <Alert type="success" showIcon title="Tất cả các dòng đã được nhập." />
            )}
          </>
        ) : null}
      </Modal>
    </>
  );
}
