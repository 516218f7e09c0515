import { Alert, App, Button, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatVnDateTime } from '../../format';
import { type EvaluationView, SOURCE_LABELS } from './evaluationTypes';
import { ScoreForm } from './ScoreForm';

const points = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${p} điểm`);

/** The nine indicators with the suggestions and why, the saved scores, and the form the reader may fill. */
export function EvaluationPanel({
  view,
  onChange,
  onReload,
}: {
  view: EvaluationView;
  onChange: (next: EvaluationView) => void;
  onReload: () => void;
}) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'self-score' | 'appraisal' | null>(null);
  const e = view.evaluation;
  if (!view.evaluable) return <Alert type="info" showIcon title={view.notEvaluableReason} />;
  return (
    <div>
      <dl className="evaluation-totals" style={{ margin: '0 0 12px' }}>
        {[
          ['Tổng điểm gợi ý', `${view.suggestedTotal}/${view.maxTotal}`],
          [
            'Điểm tự chấm',
            e?.selfTotal != null
              ? `${e.selfTotal}/${view.maxTotal} — ${e.selfByName ?? ''}, ${formatVnDateTime(e.selfAt)}`
              : 'Chưa tự chấm',
          ],
          [
            'Điểm thẩm định',
            e?.appraisedTotal != null
              ? `${e.appraisedTotal}/${view.maxTotal} — ${e.appraisedByName ?? ''}, ${formatVnDateTime(e.appraisedAt)}`
              : 'Chưa thẩm định',
          ],
        ].map(([term, value]) => (
          <div key={term} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            <dt style={{ fontWeight: 600 }}>{term}:</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <dt style={{ fontWeight: 600 }}>Xếp loại:</dt>
          <dd style={{ margin: 0 }}>
            {e ? (
              <Tag color="blue" data-testid="evaluation-grade">
                {e.grade.label} ({e.finalTotal} điểm)
              </Tag>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
      {mode ? (
        <ScoreForm
          key={mode}
          view={view}
          mode={mode}
          onCancel={() => setMode(null)}
          onReload={() => {
            setMode(null);
            onReload();
          }}
          onSaved={(next) => {
            message.success(mode === 'self-score' ? 'Đã lưu điểm tự chấm.' : 'Đã lưu điểm thẩm định.');
            setMode(null);
            onChange(next);
          }}
        />
      ) : (
        <>
          <List
            size="small"
            dataSource={view.indicators}
            renderItem={(i) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {i.key}. {i.label}
                  </Typography.Text>
                  <Flex wrap gap={6} style={{ margin: '4px 0' }}>
                    <Tag>Gợi ý: {points(i.suggestion?.points)}</Tag>
                    <Tag color={i.selfScore === null ? undefined : 'geekblue'}>
                      Tự chấm: {points(i.selfScore)}
                    </Tag>
                    <Tag color={i.appraisedScore === null ? undefined : 'green'}>
                      Thẩm định: {points(i.appraisedScore)}
                    </Tag>
                  </Flex>
                  {i.suggestion ? (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {i.suggestion.reason}{' '}
                      <Typography.Text type="secondary" italic>
                        ({SOURCE_LABELS[i.suggestion.source]})
                      </Typography.Text>
                    </Typography.Paragraph>
                  ) : null}
                  {i.selfNote ? (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      Ghi chú tự chấm: {i.selfNote}
                    </Typography.Paragraph>
                  ) : null}
                  {i.appraisedNote ? (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      Ghi chú thẩm định: {i.appraisedNote}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            {view.canSelfScore ? (
              <Button type="primary" onClick={() => setMode('self-score')}>
                {e?.selfTotal != null ? 'Sửa điểm tự chấm' : 'Tự chấm điểm'}
              </Button>
            ) : null}
            {view.canAppraise ? (
              <Button type="primary" onClick={() => setMode('appraisal')}>
                {e?.appraisedTotal != null ? 'Sửa điểm thẩm định' : 'Thẩm định điểm'}
              </Button>
            ) : null}
          </Flex>
        </>
      )}
    </div>
  );
}
