import { PlusOutlined } from '@ant-design/icons';
import { Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { attendanceLabels, type MeetingRow } from './meetingTypes';

/** "Họp không giấy": the meetings I organise or am invited to, upcoming or past. */
export default function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const when = params.get('xem') === 'da-hop' ? 'past' : 'upcoming';
  const { data, error, loading, reload } = useApi<MeetingRow[]>(`/api/office/meetings?when=${when}`);
  return (
    <>
      <PageHeader
        title="Họp không giấy"
        extra={
          <ButtonLink type="primary" icon={<PlusOutlined />} to="/quan-tri/hop/moi">
            Tạo cuộc họp
          </ButtonLink>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={when}
        onChange={(v) => setParams(v === 'past' ? { xem: 'da-hop' } : {})}
        options={[
          { value: 'upcoming', label: 'Sắp họp' },
          { value: 'past', label: 'Đã họp' },
        ]}
      />
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Loading />
      ) : data?.length ? (
        <List
          bordered
          dataSource={data}
          renderItem={(m) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                <Link to={`/quan-tri/hop/${m.id}`} className="wrap-anywhere">
                  <Typography.Text strong>{m.title}</Typography.Text>
                </Link>
                <Typography.Text type="secondary">
                  {formatVnDateTime(m.startsAt)} · {m.place} · {m.agencyName}
                </Typography.Text>
                <Space wrap size={4}>
                  {m.organiser ? <Tag color="blue">Cơ quan tổ chức</Tag> : null}
                  {m.invited ? <Tag>Được mời</Tag> : null}
                  {m.myAttendance && m.myAttendance !== 'unknown' ? (
                    <Tag color={attendanceLabels[m.myAttendance].color}>
                      {attendanceLabels[m.myAttendance].label}
                    </Tag>
                  ) : null}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty
          description={when === 'past' ? 'Chưa có cuộc họp đã diễn ra.' : 'Không có cuộc họp sắp tới.'}
        />
      )}
    </>
  );
}
