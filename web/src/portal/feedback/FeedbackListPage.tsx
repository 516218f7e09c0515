import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../auth';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import type { FeedbackStatus } from './feedbackApi';
import { PublishedFeedbackList } from './PublishedFeedbackList';

interface MyItem {
  id: string;
  code: string;
  title: string;
  status: FeedbackStatus;
  statusLabel: string;
  createdAt: string;
}

/** The signed-in citizen's own feedback, each linked to its page (answer, rating). */
function MyFeedback() {
  const { data } = useApi<{ items: MyItem[]; total: number }>('/api/my/feedback?pageSize=5');
  if (!data || data.items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="my-feedback-title">
      <h2 id="my-feedback-title" className="section-title">
        Phản ánh của tôi
      </h2>
      <ul className="document-list">
        {data.items.map((item) => (
          <li key={item.id}>
            <Link to={`/phan-anh-kien-nghi/tra-cuu?id=${item.id}`}>{item.title}</Link>{' '}
            <Tag color={item.status === 'answered' ? 'green' : undefined}>{item.statusLabel}</Tag>
            <span className="feedback-meta"> {formatVnDate(item.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Phản ánh, kiến nghị" (/phan-anh-kien-nghi): the published answers, and the ways in. */
export default function FeedbackListPage() {
  usePageTitle('Phản ánh, kiến nghị');
  const { user } = useAuth();
  return (
    <div>
      <h1 className="page-title">Phản ánh, kiến nghị</h1>
      <p>
        Người dân, doanh nghiệp phản ánh, kiến nghị về thủ tục, quy định hành chính và hành vi của cán bộ; câu
        trả lời của cơ quan có thẩm quyền được công khai tại đây (không kèm thông tin cá nhân của người gửi).
      </p>
      <p className="form-links">
        <Link to="/phan-anh-kien-nghi/gui">
          <Button type="primary" size="large">
            Gửi phản ánh, kiến nghị
          </Button>
        </Link>{' '}
        <Link to="/phan-anh-kien-nghi/tra-cuu">Theo dõi phản ánh đã gửi</Link>
      </p>
      {user?.kind === 'citizen' ? <MyFeedback /> : null}
      <section className="section" aria-labelledby="published-title">
        <h2 id="published-title" className="section-title">
          Phản ánh, kiến nghị đã được trả lời
        </h2>
        <PublishedFeedbackList limit={10} />
      </section>
    </div>
  );
}
