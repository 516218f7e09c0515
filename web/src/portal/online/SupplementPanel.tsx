import { Alert, Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { formatVnDateTime } from '../../format';
import { DocumentList } from './DocumentList';
import { attachFile, isConflict, newRequestKey, postOnce, removeDocument } from './onlineApi';
import type { MyDocument, MyDossier } from './onlineTypes';
import { UploadButton } from './UploadButton';

/** The agency asked for more: why, what to send, upload against the same dossier, then "Gửi bổ sung". */
export function SupplementPanel({
  dossier,
  onChanged,
  onConflict,
}: {
  dossier: MyDossier;
  onChanged: (dossier: MyDossier) => void;
  onConflict: () => void;
}) {
  const request = dossier.supplementRequest;
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newRequestKey());
  if (!request) return null;
  const supplied = dossier.documents.filter((d) => d.kind === 'supplement');

  const fail = (cause: unknown) => {
    if (isConflict(cause)) onConflict();
    else setProblem(errorMessage(cause));
  };
  const remove = async (document: MyDocument) => {
    try {
      onChanged(await removeDocument(dossier.id, document.id));
    } catch (cause) {
      fail(cause);
    }
  };
  const send = async () => {
    if (sending) return;
    if (supplied.length === 0 && !note.trim()) {
      setProblem('Vui lòng tải lên giấy tờ bổ sung (hoặc ghi rõ nội dung bổ sung) rồi bấm «Gửi bổ sung».');
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const trimmed = note.trim();
      onChanged(
        await postOnce<MyDossier>(
          `/api/my/dossiers/${dossier.id}/actions`,
          {
            version: dossier.version,
            action: { type: 'supply_supplement', ...(trimmed ? { note: trimmed } : {}) },
          },
          key.current,
        ),
      );
      key.current = newRequestKey();
      setNote('');
    } catch (cause) {
      fail(cause);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="section supplement-panel" aria-labelledby="supplement-title" id="bo-sung">
      <h2 id="supplement-title">Bổ sung hồ sơ</h2>
      <p style={{ marginTop: 0 }}>
        Ngày {formatVnDateTime(request.requestedAt)}, cơ quan yêu cầu bổ sung vì:
      </p>
      <ul className="problem-list">
        {request.reasons.map((reason) => (
          <li key={reason} className="pre-wrap">
            {reason}
          </li>
        ))}
      </ul>
      {request.documents?.length ? (
        <>
          <p style={{ margin: '8px 0 4px' }}>Giấy tờ cần gửi thêm:</p>
          <ul className="problem-list">
            {request.documents.map((document) => (
              <li key={document} className="pre-wrap">
                {document}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="subsection-title" style={{ marginTop: 16 }}>
        Giấy tờ bổ sung đã tải lên
      </h3>
      {supplied.length === 0 ? <p className="online-step-note">Chưa có.</p> : null}
      <DocumentList documents={supplied} onRemove={remove} numbered={false} />
      <Form layout="vertical" component="div">
        <Form.Item label="Tên giấy tờ bổ sung" htmlFor="supplement-name" style={{ marginBottom: 8 }}>
          <Input
            id="supplement-name"
            value={name}
            maxLength={300}
            placeholder="Ví dụ: Giấy chứng sinh (chụp lại)"
            onChange={(event) => setName(event.target.value)}
          />
        </Form.Item>
      </Form>
      <UploadButton
        label="Chọn tệp bổ sung hoặc chụp ảnh"
        onUploaded={async (file) => {
          try {
            onChanged(
              await attachFile(dossier.id, { fileId: file.fileId, name: name.trim() || 'Giấy tờ bổ sung' }),
            );
            setName('');
          } catch (cause) {
            if (isConflict(cause)) onConflict();
            throw cause;
          }
        }}
      />
      <p className="online-step-note" style={{ marginTop: 4 }}>
        Nhận tệp PDF, JPG, PNG; mỗi tệp tối đa 10 MB.
      </p>
      <Form layout="vertical" component="div">
        <Form.Item
          label="Ghi chú gửi cơ quan (không bắt buộc)"
          htmlFor="supplement-note"
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            id="supplement-note"
            value={note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => setNote(event.target.value)}
          />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 8 }} />
      ) : null}
      <Button type="primary" size="large" onClick={() => void send()} loading={sending} disabled={sending}>
        Gửi bổ sung
      </Button>
    </section>
  );
}
