import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { isSurveyManager, type RoundView, type TemplateSummary } from './officeSurveyTypes';

const statusColor = { scheduled: 'default', open: 'green', closed: 'red' } as const;

/** /quan-tri/khao-sat — survey rounds (and, for the reform office, the templates). */
export default function SurveysPage() {
  const { user } = useAuth();
  const manager = isSurveyManager(user);
  const rounds = useApi<RoundView[]>('/api/office/survey-rounds');
  const templates = useApi<TemplateSummary[]>(manager ? '/api/office/survey-templates' : null);
  return (
    <>
      <PageHeader
        title="Khảo sát sự hài lòng"
        extra={
          manager ? (
            <>
              <ButtonLink type="primary" to="/quan-tri/khao-sat/dot/moi">
                Tạo đợt khảo sát
              </ButtonLink>
              <ButtonLink to="/quan-tri/khao-sat/mau/moi">Thiết kế mẫu phiếu mới</ButtonLink>
            </>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Đo lường sự hài lòng của người dân, tổ chức (SIPAS) theo 5 yếu tố; mục tiêu của kế hoạch: trên 90%.
        </Typography.Paragraph>
      </PageHeader>
      {rounds.error ? <ErrorState error={rounds.error} onRetry={rounds.reload} /> : null}
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>Các đợt khảo sát</h2>}
        style={{ marginBottom: 16 }}
      >
        <Table<RoundView>
          rowKey="id"
          loading={rounds.loading}
          dataSource={rounds.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: 'Chưa có đợt khảo sát nào.' }}
          columns={[
            {
              title: 'Đợt khảo sát',
              key: 'name',
              render: (_, r) => <Link to={`/quan-tri/khao-sat/dot/${r.id}`}>{r.name}</Link>,
            },
            {
              title: 'Trạng thái',
              key: 'status',
              render: (_, r) => <Tag color={statusColor[r.status]}>{r.statusLabel}</Tag>,
            },
            {
              title: 'Thời gian',
              key: 'time',
              render: (_, r) => `${formatVnDate(r.opensAt)} – ${formatVnDate(r.closesAt)}`,
            },
            { title: 'Số cơ quan', key: 'agencies', align: 'right', render: (_, r) => r.agencies.length },
            { title: 'Cỡ mẫu', key: 'sample', align: 'right', render: (_, r) => r.sample.drawn },
          ]}
        />
      </Card>
      {manager ? (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>Mẫu phiếu khảo sát</h2>}>
          {templates.error ? <ErrorState error={templates.error} onRetry={templates.reload} /> : null}
          <Table<TemplateSummary>
            rowKey="id"
            loading={templates.loading}
            dataSource={templates.data ?? []}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: 'Mẫu phiếu',
                key: 'name',
                render: (_, t) => <Link to={`/quan-tri/khao-sat/mau/${t.id}`}>{t.name}</Link>,
              },
              {
                title: 'Phiên bản',
                key: 'version',
                render: (_, t) => (
                  <Space>
                    {t.version}
                    {t.frozen ? <Tag>Đã dùng trong đợt khảo sát</Tag> : <Tag color="blue">Đang soạn</Tag>}
                  </Space>
                ),
              },
              { title: 'Số câu hỏi', dataIndex: 'questions', align: 'right' },
              { title: 'Số đợt đã dùng', dataIndex: 'rounds', align: 'right' },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
