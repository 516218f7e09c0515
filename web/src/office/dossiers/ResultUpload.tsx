import { UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import type { UploadedFile } from '../../types';

const maxBytes = 10 * 1024 * 1024;
const acceptedTypes = ['application/pdf', 'image/png', 'image/jpeg'];
const acceptedExtensions = /\.(pdf|png|jpe?g)$/i;

/**
 * A form control for the result document: the file goes to POST /api/office/files at once and the control's
 * value becomes the returned fileId (undefined while nothing is uploaded).
 */
export default function ResultUpload({
  id,
  onChange,
  disabled,
}: {
  id?: string;
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  disabled?: boolean;
}) {
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string>();

  return (
    <>
      <Upload
        id={id}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        maxCount={1}
        fileList={fileList}
        disabled={disabled}
        beforeUpload={(file) => {
          setProblem(undefined);
          if (!acceptedTypes.includes(file.type) && !acceptedExtensions.test(file.name)) {
            setProblem('Chỉ nhận tệp PDF, PNG hoặc JPEG.');
            return Upload.LIST_IGNORE;
          }
          if (file.size > maxBytes) {
            setProblem('Tệp quá lớn: tối đa 10 MB.');
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          onChange?.(undefined);
          api.upload<UploadedFile>('/api/office/files', file as Blob).then(
            (uploaded) => {
              onSuccess?.(uploaded);
              onChange?.(uploaded.fileId);
            },
            (cause: unknown) => {
              setProblem(errorMessage(cause));
              onError?.(cause instanceof Error ? cause : new Error(String(cause)));
            },
          );
        }}
        onChange={({ fileList: next }) => setFileList(next)}
        onRemove={() => {
          onChange?.(undefined);
          setProblem(undefined);
        }}
        showUploadList={{ showRemoveIcon: true }}
        locale={{ removeFile: 'Bỏ tệp', uploading: 'Đang tải lên…', uploadError: 'Tải lên không thành công' }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled}>
          Chọn tệp kết quả
        </Button>
      </Upload>
      {problem ? (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      ) : null}
    </>
  );
}
