import '../online/online.css';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { isOfficer, loginPath, useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { useApi } from '../../useApi';
import type { ApplicationInfo } from '../online/onlineTypes';

/**
 * "Nộp hồ sơ trực tuyến" when the procedure takes online applications (signed-out visitors sign in first and
 * come back), otherwise a plain word that it is filed at the desk.
 */
export function OnlineApplyCard({ code }: { code: string }) {
  const { user } = useAuth();
  const { data, error } = useApi<ApplicationInfo>(`/api/procedures/${encodeURIComponent(code)}/application`);
  if (error || !data) return null;

  if (!data.acceptsOnline || data.receivingOptions.length === 0) {
    return (
      <Alert
        type="info"
        showIcon
        className="apply-card"
        title="Thủ tục này chưa nhận hồ sơ qua mạng"
        description="Vui lòng nộp hồ sơ trực tiếp tại Bộ phận Một cửa hoặc gửi qua bưu điện. Nơi nộp và giấy tờ cần chuẩn bị có ở bên dưới."
      />
    );
  }

  const applyPath = `/nop-ho-so/${encodeURIComponent(data.procedureCode)}`;
  return (
    <section className="apply-card apply-card-online" aria-labelledby="apply-title">
      <h2 id="apply-title">Nộp hồ sơ qua mạng, không cần đến cơ quan</h2>
      {isOfficer(user) ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          Người dân, doanh nghiệp nộp hồ sơ trực tuyến bằng tài khoản của mình. Cán bộ tiếp nhận hồ sơ tại
          trang quản trị.
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            Điền thông tin, chụp hoặc tải giấy tờ lên rồi bấm nộp. Bạn có thể lưu lại và làm tiếp sau.
            {user ? null : ' Bạn cần đăng nhập (hoặc đăng ký tài khoản miễn phí) trước khi nộp.'}
          </Typography.Paragraph>
          <ButtonLink
            type="primary"
            size="large"
            icon={<CloudUploadOutlined />}
            to={user ? applyPath : loginPath(applyPath)}
            className="apply-button"
          >
            Nộp hồ sơ trực tuyến
          </ButtonLink>
        </>
      )}
    </section>
  );
}
