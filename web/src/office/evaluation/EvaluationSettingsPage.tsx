import { Typography } from 'antd';
import { PageHeader } from '../PageHeader';
import { GradeBandsCard } from './GradeBandsCard';
import { RatingScaleCard } from './RatingScaleCard';

/** Cài đặt đánh giá (administrators): the citizens' rating scale and the evaluation's grade bands. */
export default function EvaluationSettingsPage() {
  return (
    <>
      <PageHeader title="Cài đặt đánh giá">
        <Typography.Text type="secondary">
          Thang đánh giá mức độ hài lòng của người dân và cách xếp loại kết quả giải quyết thủ tục hành chính.
        </Typography.Text>
      </PageHeader>
      <RatingScaleCard />
      <GradeBandsCard />
    </>
  );
}
