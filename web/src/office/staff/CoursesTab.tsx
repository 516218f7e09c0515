import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../format';
import { useApi } from '../../useApi';
import { CourseDrawer } from './CourseDrawer';
import { CourseForm } from './CourseForm';
import type { Course, StaffAgencies, Topic } from './staffTypes';

/** Training courses and attendance. */
export function CoursesTab() {
  const courses = useApi<Course[]>('/api/office/staff/courses');
  const topics = useApi<Topic[]>('/api/office/staff/topics');
  const agencies = useApi<StaffAgencies>('/api/office/staff/agencies');
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string>();

  return (
    <>
      {agencies.data?.managesAll ? (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Thêm lớp đào tạo
          </Button>
        </Flex>
      ) : null}
      {courses.error ? <Alert type="error" showIcon title={courses.error.message} /> : null}
      <Table<Course>
        rowKey="id"
        size="small"
        loading={courses.loading}
        dataSource={courses.data}
        aria-label="Lớp đào tạo, bồi dưỡng"
        columns={[
          {
            title: 'Tên lớp, khóa học',
            dataIndex: 'name',
            render: (name: string, c) => (
              <Button
                type="link"
                style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpen(c.id)}
              >
                {name}
              </Button>
            ),
          },
          { title: 'Chủ đề', dataIndex: 'topicLabel' },
          { title: 'Đơn vị tổ chức', dataIndex: 'organiser' },
          {
            title: 'Thời gian',
            key: 'dates',
            render: (_, c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`,
          },
          { title: 'Học viên', dataIndex: 'participants', align: 'right' },
          { title: 'Hoàn thành', dataIndex: 'completed', align: 'right' },
        ]}
      />
      {adding && topics.data ? (
        <CourseForm
          topics={topics.data}
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false);
            courses.reload();
            setOpen(id);
          }}
        />
      ) : null}
      {open ? (
        <CourseDrawer courseId={open} onClose={() => setOpen(undefined)} onChanged={courses.reload} />
      ) : null}
    </>
  );
}
