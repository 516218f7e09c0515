import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatVnDateTime, vietnamDate, vietnamToday } from '../../format';
import { ReasonField } from './ActionFields';

/** Apology (Mẫu 04): the reason and the new appointment, a day after the due date in force. */
export default function ApologyFields({ dueAt }: { dueAt: string | null }) {
  const dueDay = dueAt ? vietnamDate(dueAt) : vietnamToday();
  return (
    <>
      {dueAt ? (
        <Typography.Paragraph type="secondary">
          Hạn giải quyết hiện tại: {formatVnDateTime(dueAt)}. Văn bản xin lỗi phải gửi trước hạn ít nhất 1
          ngày làm việc.
        </Typography.Paragraph>
      ) : null}
      <ReasonField label="Lý do chậm trả kết quả" />
      <Form.Item
        name="newDueDate"
        label="Ngày hẹn trả mới"
        extra="Ngày làm việc sau hạn giải quyết hiện tại; kết quả trả trước 17:00."
        rules={[{ required: true, message: 'Vui lòng chọn ngày hẹn trả mới.' }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          showToday={false}
          placeholder="Chọn ngày"
          style={{ width: '100%' }}
          disabledDate={(day: Dayjs) => day.format('YYYY-MM-DD') <= dueDay}
          defaultPickerValue={dayjs(dueDay).add(1, 'day')}
        />
      </Form.Item>
    </>
  );
}
