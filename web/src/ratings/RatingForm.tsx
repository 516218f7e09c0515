import './ratings.css';
import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api';
import { formatVnDateTime } from '../format';
import type { RatingInput, RatingView } from './ratingTypes';

/**
 * The level buttons, an optional comment and the current rating with until when it can be changed; used by the
 * portal card, the public link page and the counter tablet. `onRate` sends and returns the new view.
 */
export function RatingForm({
  view,
  onRate,
  large = false,
}: {
  view: RatingView;
  onRate: (input: RatingInput) => Promise<RatingView>;
  large?: boolean;
}) {
  const [current, setCurrent] = useState(view);
  const [level, setLevel] = useState(view.rating?.level ?? '');
  const [comment, setComment] = useState(view.rating?.comment ?? '');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const rating = current.rating;

  const send = async () => {
    setSending(true);
    setProblem(null);
    setSaved(false);
    try {
      const next = await onRate({ level, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setCurrent(next);
      setSaved(true);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={large ? 'rating-counter' : undefined}>
      {rating ? (
        <Alert
          type={saved ? 'success' : 'info'}
          showIcon
          title={saved ? 'Đã ghi nhận đánh giá. Cảm ơn ông/bà!' : `Đánh giá hiện tại: ${rating.levelLabel}`}
          description={
            <>
              {saved ? `Mức đã chọn: ${rating.levelLabel}. ` : null}
              {current.canRate && rating.changeableUntil
                ? `Có thể thay đổi đến ${formatVnDateTime(rating.changeableUntil)}.`
                : 'Đánh giá không còn thay đổi được.'}
              {rating.comment ? ` Góp ý: «${rating.comment}»` : null}
            </>
          }
        />
      ) : null}
      {current.canRate ? (
        <>
          <div className="rating-levels" role="radiogroup" aria-label="Mức độ hài lòng">
            {current.levels.map((l) => (
              <Button
                key={l.key}
                size="large"
                role="radio"
                aria-checked={level === l.key}
                type={level === l.key ? 'primary' : 'default'}
                onClick={() => setLevel(l.key)}
              >
                {l.label}
              </Button>
            ))}
          </div>
          <label htmlFor="rating-comment">
            <Typography.Text strong>Góp ý (không bắt buộc)</Typography.Text>
          </label>
          <Input.TextArea
            id="rating-comment"
            rows={3}
            maxLength={1000}
            showCount
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Ý kiến của ông/bà về việc giải quyết hồ sơ"
          />
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
          <Button
            type="primary"
            size="large"
            style={{ marginTop: 12, minHeight: 48 }}
            disabled={!level}
            loading={sending}
            onClick={send}
          >
            {rating ? 'Cập nhật đánh giá' : 'Gửi đánh giá'}
          </Button>
        </>
      ) : rating ? null : (
        <Typography.Paragraph type="secondary">
          Hồ sơ có thể được đánh giá sau khi trả kết quả.
        </Typography.Paragraph>
      )}
    </div>
  );
}
