import { Result } from 'antd';
import { usePageTitle } from '../usePageTitle';
import { ButtonLink } from './ButtonLink';

export function NotFound({
  title = 'Không tìm thấy trang',
  description = 'Đường dẫn không đúng hoặc trang đã được chuyển đi nơi khác.',
  backTo = '/',
  backLabel = 'Về trang chủ',
}: {
  title?: string;
  description?: string;
  backTo?: string;
  backLabel?: string;
}) {
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{title}</h1>}
      subTitle={description}
      extra={
        <ButtonLink type="primary" to={backTo}>
          {backLabel}
        </ButtonLink>
      }
    />
  );
}
