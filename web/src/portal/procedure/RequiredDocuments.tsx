import { Typography } from 'antd';
import type { DocumentGroup, RequiredDocument } from '../../types';

function quantityText(document: RequiredDocument): string {
  return `Bản chính: ${document.originals} · Bản sao: ${document.copies}`;
}

/** "Thành phần hồ sơ": groups (cases) of documents with counts and form templates. */
export function RequiredDocuments({ groups }: { groups: DocumentGroup[] }) {
  if (groups.length === 0) return <Typography.Text type="secondary">Chưa có thông tin.</Typography.Text>;
  return (
    <>
      {groups.map((group, groupIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity and never reorder here.
        <div key={groupIndex} style={{ marginBottom: 12 }}>
          {group.group ? (
            <h3 style={{ fontSize: 15, margin: '8px 0' }} className="wrap-anywhere">
              {group.group}
            </h3>
          ) : null}
          <ol style={{ paddingLeft: 22, margin: 0 }}>
            {group.documents.map((document, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: documents have no identity.
              <li key={index} style={{ marginBottom: 8 }} className="wrap-anywhere">
                <div>{document.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {quantityText(document)}
                  {document.formName ? (
                    <>
                      {' · Mẫu: '}
                      {document.formUrl ? (
                        <a href={document.formUrl} target="_blank" rel="noopener noreferrer">
                          {document.formName}
                        </a>
                      ) : (
                        document.formName
                      )}
                    </>
                  ) : null}
                </Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
