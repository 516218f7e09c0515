import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage, withQuery } from '../../api';
import type { ImportReport } from './documentTypes';

/** Import an agency's own register from CSV/Excel; shows what was imported and every rejected row. */
export function ImportDialog({
  open,
  agencies,
  onClose,
  onImported,
}: {
  open: boolean;
  agencies: { id: string; name: string }[];
  onClose: () => void;
  onImported: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [agencyId, setAgencyId] = useState<string | undefined>(agencies[0]?.id);
  const [mode, setMode] = useState<'all_or_nothing' | 'valid_rows'>('all_or_nothing');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [report, setReport] = useState<ImportReport>();

  const upload = async (file: File) => {
    if (!agencyId) return;
    setBusy(true);
    setProblem(undefined);
    setReport(undefined);
    try {
      const result = await api.upload<ImportReport>(
        withQuery('/api/office/documents/import', { agencyId, mode }),
        file,
      );
      setReport(result);
      if (result.imported > 0) onImported();
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Nhập sổ văn bản từ tệp"
      open={open}
      onCancel={onClose}
      footer={<Button onClick={onClose}>Đóng</Button>}
      width={680}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          Dùng tệp mẫu (CSV UTF-8 hoặc Excel .xlsx), giữ nguyên dòng tiêu đề.{' '}
          <a href="/api/office/documents/template?format=xlsx">Tải tệp mẫu Excel</a> ·{' '}
          <a href="/api/office/documents/template?format=csv">Tải tệp mẫu CSV</a>
        </Typography.Paragraph>
        <Flex vertical>
          <span>Cơ quan</span>
          <Select
            aria-label="Cơ quan nhập sổ"
            style={{ width: '100%' }}
            value={agencyId}
            onChange={setAgencyId}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Flex>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
          <Flex vertical gap={4}>
            <Radio value="all_or_nothing">
              Chỉ nhập khi mọi dòng hợp lệ (có dòng lỗi thì không nhập dòng nào)
            </Radio>
            <Radio value="valid_rows">Nhập các dòng hợp lệ, bỏ qua các dòng lỗi</Radio>
          </Flex>
        </Radio.Group>
        <input
          ref={input}
          type="file"
          hidden
          style={{ display: 'none' }}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Tệp sổ văn bản"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={busy}
          disabled={!agencyId}
          onClick={() => input.current?.click()}
        >
          Chọn tệp và nhập
        </Button>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
        {report ? (
          <Alert
            role="status"
            type={report.rejected.length === 0 ? 'success' : report.imported > 0 ? 'warning' : 'error'}
            showIcon
            title={
              report.imported > 0
                ? `Đã nhập ${report.imported}/${report.total} văn bản.`
                : `Chưa nhập văn bản nào (${report.total} dòng).`
            }
            description={
              report.rejected.length > 0 ? (
                <Flex vertical>
                  <span>{report.rejected.length} dòng bị từ chối:</span>
                  <ul style={{ margin: 0 }}>
                    {report.rejected.map((r) => (
                      <li key={r.row}>
                        Dòng {r.row}: {r.reason}
                      </li>
                    ))}
                  </ul>
                </Flex>
              ) : undefined
            }
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
