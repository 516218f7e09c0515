import { Alert, Table, Tag } from 'antd';

export interface VerifyReport {
  ok: boolean;
  sealedNow: number;
  pending: number;
  chains: {
    unitId: string;
    unitName: string | null;
    checked: number;
    headSeq: number | null;
    broken: { seq: number | null; entryId: string | null; problemVi: string } | null;
  }[];
}

const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

/** The integrity check's verdict and one row per chain (unit). */
export function VerifyResult({ report }: { report: VerifyReport }) {
  const checked = report.chains.reduce((n, c) => n + c.checked, 0);
  const broken = report.chains.filter((c) => c.broken);
  return (
    <div style={{ marginBottom: 24 }} data-testid="audit-verify-result">
      <Alert
        showIcon
        type={report.ok ? 'success' : 'error'}
        title={
          report.ok
            ? `Nhật ký toàn vẹn: đã kiểm tra ${checked.toLocaleString('vi-VN')} mục của ${report.chains.length} chuỗi.`
            : `Phát hiện ${broken.length} chuỗi bị can thiệp (sửa, xóa hoặc chèn dữ liệu trực tiếp).`
        }
        description={
          `Vừa niêm phong ${report.sealedNow.toLocaleString('vi-VN')} mục; ` +
          `${report.pending.toLocaleString('vi-VN')} mục đang chờ niêm phong (giao dịch chưa kết thúc).`
        }
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={report.chains}
        columns={[
          {
            title: 'Đơn vị (chuỗi)',
            render: (_, c) =>
              c.unitName ?? (c.unitId === SYSTEM_CHAIN ? 'Toàn hệ thống (tài khoản)' : c.unitId),
          },
          { title: 'Số mục đã kiểm tra', dataIndex: 'checked', align: 'right' },
          {
            title: 'Kết quả',
            render: (_, c) =>
              c.broken ? (
                <span>
                  <Tag color="red">Bị can thiệp</Tag>
                  Mục hỏng đầu tiên: số thứ tự {c.broken.seq ?? '—'}
                  {c.broken.entryId ? ` (mã ${c.broken.entryId})` : ''}. {c.broken.problemVi}
                </span>
              ) : (
                <Tag color="green">Toàn vẹn</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
