import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { fileUrl } from './onlineApi';
import type { MyDocument } from './onlineTypes';

const kindOf = (mime: string | null) =>
  mime === 'application/pdf' ? 'PDF' : mime === 'image/png' ? 'PNG' : mime === 'image/jpeg' ? 'JPG' : 'tệp';

/** Attached files: a link to view each and, when allowed, a button to remove it (with a confirmation). */
export function DocumentList({
  documents,
  onRemove,
  numbered = true,
}: {
  documents: MyDocument[];
  onRemove?: (document: MyDocument) => Promise<void>;
  numbered?: boolean;
}) {
  const [removing, setRemoving] = useState<string | null>(null);
  if (documents.length === 0) return null;
  return (
    <ul className="doc-files">
      {documents.map((document, index) => {
        const title = numbered
          ? `Tệp ${index + 1} (${kindOf(document.mime)})`
          : `${document.name} (${kindOf(document.mime)})`;
        return (
          <li key={document.id}>
            <span className="doc-file-name">{title}</span>
            {document.fileId ? (
              <a href={fileUrl(document.fileId)} target="_blank" rel="noopener" aria-label={`Xem ${title}`}>
                Xem
              </a>
            ) : null}
            {onRemove ? (
              <Popconfirm
                title="Gỡ tệp này khỏi hồ sơ?"
                okText="Gỡ tệp"
                cancelText="Không"
                onConfirm={async () => {
                  setRemoving(document.id);
                  try {
                    await onRemove(document);
                  } finally {
                    setRemoving(null);
                  }
                }}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  loading={removing === document.id}
                  aria-label={`Gỡ ${title}`}
                >
                  Gỡ
                </Button>
              </Popconfirm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
