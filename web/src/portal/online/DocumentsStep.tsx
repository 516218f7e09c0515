import { Alert, Collapse, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { DocumentList } from './DocumentList';
import { attachFile, isConflict, removeDocument } from './onlineApi';
import type { DocumentSlot, MyDocument, MyDossier } from './onlineTypes';
import { UploadButton } from './UploadButton';

const acceptedNote = 'Nhận tệp PDF, JPG, PNG; mỗi tệp tối đa 10 MB.';

function SlotCard({
  slot,
  documents,
  onAttach,
  onRemove,
}: {
  slot: DocumentSlot;
  documents: MyDocument[];
  onAttach: (fileId: string) => Promise<void>;
  onRemove: (document: MyDocument) => Promise<void>;
}) {
  const done = documents.length > 0;
  const noteId = `slot-note-${slot.slot}`;
  return (
    <section
      id={`slot-${slot.slot}`}
      tabIndex={-1}
      className={`doc-card${slot.required ? (done ? ' done' : ' missing') : done ? ' done' : ''}`}
      aria-label={slot.name}
    >
      <h3>{slot.name}</h3>
      <p className="doc-meta" id={noteId}>
        {slot.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nộp nếu thuộc trường hợp này</Tag>}
        {done ? <Tag color="green">Đã tải lên</Tag> : null}
        <br />
        {acceptedNote}
      </p>
      <DocumentList documents={documents} onRemove={onRemove} />
      <UploadButton
        label={done ? 'Tải thêm trang hoặc tệp khác' : 'Chọn tệp hoặc chụp ảnh'}
        describedBy={noteId}
        onUploaded={(file) => onAttach(file.fileId)}
      />
    </section>
  );
}

/** Step 3: one card per document to upload, the catalog's notes folded away, and "other documents". */
export function DocumentsStep({
  dossier,
  onChanged,
  onFailure,
}: {
  dossier: MyDossier;
  onChanged: (dossier: MyDossier) => void;
  /** A failed attach or removal (a 409 reloads the page). */
  onFailure: (error: unknown) => void;
}) {
  const [otherName, setOtherName] = useState('');
  const uploadable = dossier.documentSlots.filter((s) => s.uploadable);
  const required = uploadable.filter((s) => s.required);
  const optional = uploadable.filter((s) => !s.required);
  const notes = dossier.documentSlots.filter((s) => !s.uploadable);
  const ofSlot = (slot: string) => dossier.documents.filter((d) => d.slot === slot);
  const others = dossier.documents.filter((d) => d.slot === null && d.kind === 'submitted');

  const attach = async (body: { fileId: string; slot?: string; name?: string }) => {
    try {
      onChanged(await attachFile(dossier.id, body));
    } catch (error) {
      // The upload button shows the message; a conflict also reloads the dossier.
      if (isConflict(error)) onFailure(error);
      throw error;
    }
  };
  const remove = async (document: MyDocument) => {
    try {
      onChanged(await removeDocument(dossier.id, document.id));
    } catch (error) {
      onFailure(error);
    }
  };
  const card = (slot: DocumentSlot) => (
    <SlotCard
      key={slot.slot}
      slot={slot}
      documents={ofSlot(slot.slot)}
      onAttach={(fileId) => attach({ fileId, slot: slot.slot })}
      onRemove={remove}
    />
  );

  return (
    <div id="documents-top" tabIndex={-1}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Chụp rõ nét, đủ các trang"
        description="Bạn có thể chụp ảnh giấy tờ bằng điện thoại hoặc chọn tệp có sẵn. Mỗi giấy tờ có thể gồm nhiều ảnh (nhiều trang)."
      />
      {required.length > 0 ? (
        <section className="section" aria-labelledby="required-docs">
          <h2 id="required-docs" className="online-step-title">
            Giấy tờ bắt buộc
          </h2>
          {required.map(card)}
        </section>
      ) : null}
      {optional.length > 0 ? (
        <Collapse
          style={{ marginBottom: 16, background: '#fff' }}
          defaultActiveKey={optional.some((slot) => ofSlot(slot.slot).length > 0) ? ['optional'] : []}
          items={[
            {
              key: 'optional',
              label: `Giấy tờ trong một số trường hợp (${optional.length} loại) — chỉ tải lên khi bạn thuộc trường hợp được nêu`,
              children: optional.map(card),
            },
          ]}
        />
      ) : null}
      <section className="section" aria-labelledby="other-docs">
        <h2 id="other-docs" className="online-step-title">
          Giấy tờ khác (nếu có)
        </h2>
        <p className="online-step-note" id="other-docs-note">
          Giấy tờ không có trong danh sách trên nhưng bạn muốn gửi kèm. Ghi tên giấy tờ rồi chọn tệp.{' '}
          {acceptedNote}
        </p>
        <DocumentList documents={others} onRemove={remove} numbered={false} />
        <Form layout="vertical" component="div">
          <Form.Item label="Tên giấy tờ" htmlFor="other-doc-name" style={{ marginBottom: 8 }}>
            <Input
              id="other-doc-name"
              value={otherName}
              maxLength={300}
              placeholder="Ví dụ: Giấy xác nhận cư trú"
              onChange={(event) => setOtherName(event.target.value)}
            />
          </Form.Item>
        </Form>
        <UploadButton
          label="Chọn tệp giấy tờ khác"
          describedBy="other-docs-note"
          beforeChoose={() => (otherName.trim() ? null : 'Vui lòng ghi tên giấy tờ trước khi chọn tệp.')}
          onUploaded={async (file) => {
            await attach({ fileId: file.fileId, name: otherName.trim() });
            setOtherName('');
          }}
        />
      </section>
      {notes.length > 0 ? (
        <Collapse
          style={{ marginBottom: 16, background: '#fff' }}
          items={[
            {
              key: 'notes',
              label: `Lưu ý (${notes.length} mục, không cần tải lên)`,
              children: (
                <ul className="problem-list">
                  {notes.map((note) => (
                    <li key={note.slot} className="wrap-anywhere">
                      {note.name}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
