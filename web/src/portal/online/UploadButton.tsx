import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage, isAbort } from '../../api';
import { acceptAttribute, fileProblem, uploadFile } from './onlineApi';
import type { UploadedDocumentFile } from './onlineTypes';

/**
 * A button that picks a file (or takes a photo on a phone), uploads it with a progress bar and hands the stored
 * file to `onUploaded` (which attaches it). Errors say what to do next.
 */
export function UploadButton({
  label = 'Chọn tệp hoặc chụp ảnh',
  onUploaded,
  disabled,
  describedBy,
  beforeChoose,
}: {
  label?: string;
  onUploaded: (file: UploadedDocumentFile) => Promise<void>;
  disabled?: boolean;
  describedBy?: string;
  /** Checked before the file picker opens; a message stops it. */
  beforeChoose?: () => string | null;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = percent !== null;

  const send = async (file: File) => {
    const local = fileProblem(file);
    if (local) {
      setProblem(local);
      return;
    }
    setProblem(null);
    setPercent(0);
    try {
      const uploaded = await uploadFile(file, setPercent);
      await onUploaded(uploaded);
    } catch (cause) {
      if (!isAbort(cause)) setProblem(errorMessage(cause));
    } finally {
      setPercent(null);
    }
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        hidden
        accept={acceptAttribute}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void send(file);
        }}
      />
      <Button
        icon={<UploadOutlined />}
        className="upload-button"
        disabled={disabled || busy}
        loading={busy}
        aria-describedby={describedBy}
        onClick={() => {
          const stop = beforeChoose?.();
          if (stop) {
            setProblem(stop);
            return;
          }
          setProblem(null);
          input.current?.click();
        }}
      >
        {busy ? 'Đang tải lên…' : label}
      </Button>
      {busy ? (
        <Progress
          percent={percent ?? 0}
          size="small"
          aria-label="Tiến độ tải tệp lên"
          status="active"
          style={{ marginTop: 8 }}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
