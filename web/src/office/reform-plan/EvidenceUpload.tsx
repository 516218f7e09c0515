import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage } from '../../api';

export interface UploadedEvidence {
  fileId: string;
  name: string;
}

/** Evidence files (PDF, JPEG, PNG) through the platform upload pipeline; lists what is attached. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value: UploadedEvidence[];
  onChange: (files: UploadedEvidence[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const upload = async (file: File) => {
    setUploading(true);
    setProblem(undefined);
    try {
      const stored = await api.upload<UploadedEvidence>('/api/office/reform-files', file);
      onChange([...value, { fileId: stored.fileId, name: stored.name }]);
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setUploading(false);
    }
  };
  return (
    <div>
      <input
        ref={input}
        type="file"
        hidden
        style={{ display: 'none' }}
        accept="application/pdf,image/jpeg,image/png"
        aria-label="Tệp minh chứng"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Button
        icon={<UploadOutlined />}
        loading={uploading}
        disabled={value.length >= 10}
        onClick={() => input.current?.click()}
      >
        {uploading ? 'Đang tải lên…' : 'Đính kèm minh chứng'}
      </Button>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} /> : null}
      {value.length > 0 ? (
        <ul className="document-list">
          {value.map((f) => (
            <li key={f.fileId}>
              {f.name}{' '}
              <Button
                type="link"
                size="small"
                onClick={() => onChange(value.filter((x) => x.fileId !== f.fileId))}
              >
                Bỏ
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
