import { Alert, Button, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorMessage } from '../../api';
import type { EvaluationView, Points } from './evaluationTypes';

/**
 * The nine 0/1/2 choices with a note each, prefilled (self-score: the suggestions, then the saved self-score;
 * appraisal: the self-score, then the saved appraisal). Sends the version read; a stale one shows the server's
 * message with a reload.
 */
export function ScoreForm({
  view,
  mode,
  onSaved,
  onReload,
  onCancel,
}: {
  view: EvaluationView;
  mode: 'self-score' | 'appraisal';
  onSaved: (next: EvaluationView) => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  const initial = Object.fromEntries(
    view.indicators.map((i) => [
      i.key,
      mode === 'self-score'
        ? (i.selfScore ?? i.suggestion?.points ?? null)
        : (i.appraisedScore ?? i.selfScore ?? null),
    ]),
  ) as Record<string, Points | null>;
  const [scores, setScores] = useState(initial);
  const [notes, setNotes] = useState<Record<string, string>>(
    Object.fromEntries(
      view.indicators.map((i) => [i.key, (mode === 'self-score' ? i.selfNote : i.appraisedNote) ?? '']),
    ),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const missing = view.indicators.filter((i) => scores[i.key] === null);
  const total = view.indicators.reduce((s, i) => s + (scores[i.key] ?? 0), 0);
  const who = mode === 'self-score' ? 'tự chấm' : 'thẩm định';

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.put<EvaluationView>(
        `/api/office/dossiers/${encodeURIComponent(view.dossier.id)}/evaluation/${mode}`,
        {
          version: view.version,
          scores,
          notes: Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim() !== '')),
        },
      );
      onSaved(next);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label={mode === 'self-score' ? 'Phiếu tự chấm điểm' : 'Phiếu thẩm định điểm'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ol className="evaluation-form-list">
        {view.indicators.map((i) => (
          <li key={i.key} style={{ marginBottom: 12 }}>
            <Typography.Text strong id={`score-${mode}-${i.key}`}>
              {i.key}. {i.label}
            </Typography.Text>
            <Flex wrap gap={12} align="center" style={{ marginTop: 4 }}>
              <Radio.Group
                aria-labelledby={`score-${mode}-${i.key}`}
                value={scores[i.key]}
                onChange={(e) => setScores((s) => ({ ...s, [i.key]: e.target.value as Points }))}
                options={[0, 1, 2].map((p) => ({ value: p, label: `${p} điểm` }))}
              />
              <Input
                aria-label={`Ghi chú tiêu chí ${i.key}`}
                placeholder="Ghi chú (không bắt buộc)"
                maxLength={1000}
                value={notes[i.key]}
                onChange={(e) => setNotes((n) => ({ ...n, [i.key]: e.target.value }))}
                style={{ flex: '1 1 220px', minWidth: 0 }}
              />
            </Flex>
          </li>
        ))}
      </ol>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          title={errorMessage(error)}
          action={
            error instanceof ApiError && error.status === 409 ? (
              <Button size="small" onClick={onReload}>
                Tải lại
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        <Button type="primary" htmlType="submit" loading={busy} disabled={missing.length > 0}>
          {mode === 'self-score' ? 'Lưu điểm tự chấm' : 'Lưu điểm thẩm định'}
        </Button>
        <Button onClick={onCancel}>Hủy</Button>
        <Typography.Text>
          Tổng điểm {who}: <strong>{total}</strong>/{view.maxTotal}
        </Typography.Text>
        {missing.length > 0 ? (
          <Typography.Text type="warning">
            Còn {missing.length} tiêu chí chưa chấm: {missing.map((i) => i.key).join(', ')}.
          </Typography.Text>
        ) : null}
      </Flex>
    </form>
  );
}
