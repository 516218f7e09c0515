import { Empty } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { SearchBox } from '../components/SearchBox';
import { formatNumber } from '../format';
import type { FieldCount } from '../types';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

export function HomePage() {
  usePageTitle(undefined);
  const navigate = useNavigate();
  const fields = useApi<FieldCount[]>('/api/procedures/fields', { shared: true });
  const total = fields.data?.reduce((sum, item) => sum + item.count, 0) ?? 0;

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <div>
          <h1 id="home-title">Cổng dịch vụ công — Vị Thanh</h1>
          <p>Tra cứu thủ tục hành chính: thành phần hồ sơ, trình tự, thời hạn giải quyết, phí và lệ phí.</p>
          <SearchBox
            size="large"
            placeholder="Tìm thủ tục, ví dụ: khai sinh, đăng ký kết hôn"
            onSearch={(q) => navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc')}
          />
        </div>
      </section>

      <section className="home-shortcuts" aria-label="Lối tắt">
        <Link to="/tra-cuu" className="field-link">
          <span>
            <span className="field-name">Tra cứu hồ sơ</span>
            <span className="shortcut-note">Hồ sơ đã nộp đang ở bước nào, ngày hẹn trả kết quả</span>
          </span>
          <span aria-hidden="true">→</span>
        </Link>
        <Link to="/cong-khai-ket-qua" className="field-link" style={{ marginTop: 12 }}>
          <span>
            <span className="field-name">Công khai kết quả</span>
            <span className="shortcut-note">Kết quả giải quyết hồ sơ, mức độ hài lòng so với mục tiêu</span>
          </span>
          <span aria-hidden="true">→</span>
        </Link>
      </section>

      <section aria-labelledby="fields-title">
        <h2 id="fields-title" className="section-title">
          Lĩnh vực
          {total > 0 ? <span className="section-title-note">{formatNumber(total)} thủ tục</span> : null}
        </h2>
        {fields.loading && !fields.data ? <Loading /> : null}
        {fields.error ? <ErrorState error={fields.error} onRetry={fields.reload} /> : null}
        {fields.data && fields.data.length === 0 ? (
          <Empty description="Chưa có thủ tục nào được công bố." />
        ) : null}
        {fields.data && fields.data.length > 0 ? (
          <ul className="field-grid">
            {fields.data.map((item) => (
              <li key={item.field}>
                <Link to={`/thu-tuc?field=${encodeURIComponent(item.field)}`} className="field-link">
                  <span className="field-name">{item.field}</span>
                  <span className="field-count">{formatNumber(item.count)} thủ tục</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
