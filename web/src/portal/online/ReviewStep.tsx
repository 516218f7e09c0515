import { Alert, Button, Checkbox, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { DocumentList } from './DocumentList';
import { displayValue, problemTarget } from './draftValues';
import type { MyDossier } from './onlineTypes';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="review-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value || <Typography.Text type="secondary">Chưa nhập</Typography.Text>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Step 4: everything at a glance, what still blocks the submission (each a link to fix it), then "Nộp hồ sơ". */
export function ReviewStep({
  dossier,
  submitting,
  onSubmit,
}: {
  dossier: MyDossier;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const [pledged, setPledged] = useState(false);
  const a = dossier.applicant;
  const problems = dossier.problems;
  const slotsWithFiles = dossier.documentSlots.filter(
    (s) => s.required || dossier.documents.some((d) => d.slot === s.slot),
  );
  const others = dossier.documents.filter((d) => d.slot === null);

  return (
    <>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`Còn ${problems.length} mục cần bổ sung trước khi nộp`}
          description={
            <ul className="problem-list">
              {problems.map((problem) => {
                const target = problemTarget(problem.path);
                return (
                  <li key={problem.path}>
                    <Link to={`?buoc=${target.step}&den=${encodeURIComponent(target.anchor)}`}>
                      {problem.message}
                    </Link>
                  </li>
                );
              })}
            </ul>
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="Hồ sơ đã đủ thông tin và giấy tờ bắt buộc"
          description="Hãy xem lại lần cuối rồi bấm «Nộp hồ sơ» ở cuối trang."
        />
      )}

      <section className="section" aria-labelledby="review-where">
        <h2 id="review-where" className="online-step-title">
          Nơi nộp hồ sơ
        </h2>
        <Facts
          rows={[
            ['Nơi tiếp nhận', dossier.receivingAgencyName],
            ['Cơ quan giải quyết', dossier.competentAgencyName],
          ]}
        />
      </section>

      <section className="section" aria-labelledby="review-applicant">
        <h2 id="review-applicant" className="online-step-title">
          Người nộp hồ sơ
        </h2>
        <Facts
          rows={[
            ['Họ và tên', a.fullName],
            ['Số định danh cá nhân (CCCD)', a.citizenId],
            ['Số điện thoại', a.phone],
            ['Email', a.email],
            ['Địa chỉ liên hệ', a.address],
          ]}
        />
        <Link to="?buoc=thong-tin">Sửa thông tin</Link>
      </section>

      {dossier.formSchema.fields.length > 0 ? (
        <section className="section" aria-labelledby="review-form">
          <h2 id="review-form" className="online-step-title">
            Nội dung đề nghị
          </h2>
          <Facts
            rows={dossier.formSchema.fields.map((field) => [
              field.label,
              displayValue(field, dossier.formData[field.key]),
            ])}
          />
          <Link to="?buoc=thong-tin">Sửa nội dung</Link>
        </section>
      ) : null}

      <section className="section" aria-labelledby="review-docs">
        <h2 id="review-docs" className="online-step-title">
          Giấy tờ gửi kèm
        </h2>
        {slotsWithFiles.length === 0 && others.length === 0 ? (
          <Typography.Text type="secondary">Chưa có giấy tờ nào.</Typography.Text>
        ) : null}
        {slotsWithFiles.map((slot) => {
          const files = dossier.documents.filter((d) => d.slot === slot.slot);
          return (
            <div key={slot.slot} className="doc-card">
              <h3>{slot.name}</h3>
              {files.length > 0 ? (
                <DocumentList documents={files} />
              ) : (
                <Typography.Text type="danger">Chưa tải lên</Typography.Text>
              )}
            </div>
          );
        })}
        {others.length > 0 ? (
          <div className="doc-card">
            <h3>Giấy tờ khác</h3>
            <DocumentList documents={others} numbered={false} />
          </div>
        ) : null}
        <Link to="?buoc=giay-to">Sửa giấy tờ</Link>
      </section>

      <section className="section" aria-labelledby="review-submit">
        <h2 id="review-submit" className="online-step-title">
          Nộp hồ sơ
        </h2>
        <Checkbox checked={pledged} onChange={(event) => setPledged(event.target.checked)}>
          Tôi cam đoan thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật.
        </Checkbox>
        <div className="wizard-actions">
          <Button
            type="primary"
            size="large"
            onClick={onSubmit}
            loading={submitting}
            disabled={submitting || problems.length > 0 || !pledged}
          >
            Nộp hồ sơ
          </Button>
        </div>
        <span className="save-note">
          {problems.length > 0
            ? 'Nút «Nộp hồ sơ» sẽ bấm được khi đã bổ sung đủ các mục nêu ở đầu trang.'
            : pledged
              ? 'Sau khi nộp, bạn không sửa được thông tin khai nữa.'
              : 'Đánh dấu ô cam đoan ở trên để nộp hồ sơ.'}
        </span>
      </section>
    </>
  );
}
