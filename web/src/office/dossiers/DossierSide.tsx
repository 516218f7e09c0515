import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import {
  applicantKindLabels,
  dossierDocumentKindLabels,
  dossierFormLabels,
  labelOf,
  roleLabels,
} from '../../labels';
import type { DossierDetail, DossierDocument, DossierDocumentKind } from '../../types';
import { fileUrl, formsOf, formUrl } from './dossierLinks';

const dash = '—';

export function ApplicantSection({ dossier }: { dossier: DossierDetail }) {
  const { applicant } = dossier;
  const organisation = applicant.kind === 'organisation';
  return (
    <section className="section" aria-labelledby="dossier-applicant-title">
      <h2 id="dossier-applicant-title">Người nộp hồ sơ</h2>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: 'Đối tượng', children: labelOf(applicantKindLabels, applicant.kind) },
          {
            key: 'name',
            label: organisation ? 'Tên tổ chức' : 'Họ tên',
            children: <span className="wrap-anywhere">{applicant.fullName}</span>,
          },
          { key: 'id', label: 'Số CCCD', children: applicant.citizenId ?? dash },
          { key: 'phone', label: 'Số điện thoại', children: applicant.phone ?? dash },
          {
            key: 'email',
            label: 'Email',
            children: <span className="wrap-anywhere">{applicant.email ?? dash}</span>,
          },
          {
            key: 'address',
            label: 'Địa chỉ',
            children: <span className="wrap-anywhere">{applicant.address ?? dash}</span>,
          },
        ]}
      />
    </section>
  );
}

export function AgenciesSection({ dossier }: { dossier: DossierDetail }) {
  const current = dossier.currentAgency
    ? `${dossier.currentAgency.name}${dossier.currentRole ? ` — ${labelOf(roleLabels, dossier.currentRole)}` : ''}`
    : dash;
  return (
    <section className="section" aria-labelledby="dossier-agencies-title">
      <h2 id="dossier-agencies-title">Cơ quan</h2>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'receiving', label: 'Tiếp nhận', children: dossier.receivingAgency?.name ?? dash },
          { key: 'competent', label: 'Giải quyết', children: dossier.competentAgency?.name ?? dash },
          { key: 'assisting', label: 'Hỗ trợ', children: dossier.assistingAgency?.name ?? dash },
          { key: 'current', label: 'Đang ở', children: current },
        ]}
      />
    </section>
  );
}

const kindOrder: DossierDocumentKind[] = ['submitted', 'supplement', 'result'];

function copiesText(document: DossierDocument): string {
  const parts: string[] = [];
  if (document.originals) parts.push(`${document.originals} bản chính`);
  if (document.copies) parts.push(`${document.copies} bản sao`);
  return parts.join(', ');
}

export function DocumentsSection({ dossier }: { dossier: DossierDetail }) {
  const groups = kindOrder
    .map((kind) => ({ kind, documents: dossier.documents.filter((document) => document.kind === kind) }))
    .filter((group) => group.documents.length > 0);
  const resultFile = dossier.result?.fileId;
  const listed = dossier.documents.some((document) => document.fileSha256 === resultFile);
  return (
    <section className="section" aria-labelledby="dossier-documents-title">
      <h2 id="dossier-documents-title">Giấy tờ</h2>
      {groups.length === 0 && !resultFile ? (
        <Typography.Text type="secondary">Chưa ghi nhận giấy tờ nào.</Typography.Text>
      ) : null}
      {groups.map((group) => (
        <div key={group.kind} style={{ marginBottom: 12 }}>
          <h3 className="subsection-title">{labelOf(dossierDocumentKindLabels, group.kind)}</h3>
          <ol className="document-list">
            {group.documents.map((document) => (
              <li key={document.id}>
                <Typography.Paragraph
                  ellipsis={{
                    rows: 3,
                    expandable: 'collapsible',
                    symbol: (open) => (open ? 'Thu gọn' : 'Xem thêm'),
                  }}
                  style={{ marginBottom: 0 }}
                  className="wrap-anywhere"
                >
                  {document.name}
                </Typography.Paragraph>
                {copiesText(document) ? (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {copiesText(document)}
                  </Typography.Text>
                ) : null}
                {document.fileSha256 ? (
                  <div>
                    <a href={fileUrl(document.fileSha256)} target="_blank" rel="noopener">
                      <PaperClipOutlined /> Xem tệp
                    </a>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {resultFile && !listed ? (
        <div>
          <h3 className="subsection-title">{dossierDocumentKindLabels.result}</h3>
          <a href={fileUrl(resultFile)} target="_blank" rel="noopener">
            <PaperClipOutlined /> Xem tệp kết quả
          </a>
        </div>
      ) : null}
    </section>
  );
}

/** Links to the statutory forms the dossier has; each opens its PDF in a new tab. */
export function FormsSection({ dossier }: { dossier: DossierDetail }) {
  const forms = formsOf(dossier);
  return (
    <section className="section" aria-labelledby="dossier-forms-title">
      <h2 id="dossier-forms-title">In biểu mẫu</h2>
      {forms.length === 0 ? (
        <Typography.Text type="secondary">Hồ sơ chưa có biểu mẫu nào.</Typography.Text>
      ) : (
        <ul className="form-links">
          {forms.map((kind) => (
            <li key={kind}>
              <a
                href={formUrl(dossier.id, kind)}
                target="_blank"
                rel="noopener"
                title="Mở bản PDF trong thẻ mới"
              >
                <FilePdfOutlined aria-hidden /> {dossierFormLabels[kind]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
