import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import type { EvaluationRules, EvaluationSettings, GradeBand, Points } from './evaluationTypes';

const MAX = 18;

function bandProblems(bands: GradeBand[]): string[] {
  const problems: string[] = [];
  if (bands.length < 2) problems.push('Cần ít nhất 2 mức xếp loại.');
  if (bands.some((b) => !b.label.trim())) problems.push('Vui lòng nhập tên mức xếp loại.');
  if (new Set(bands.map((b) => b.label.trim().toLocaleLowerCase('vi'))).size !== bands.length)
    problems.push('Tên các mức xếp loại không được trùng nhau.');
  if (new Set(bands.map((b) => b.min)).size !== bands.length)
    problems.push('Điểm tối thiểu của các mức xếp loại không được trùng nhau.');
  if (!bands.some((b) => b.min === 0))
    problems.push('Mức thấp nhất phải bắt đầu từ 0 điểm để mọi tổng điểm đều được xếp loại.');
  return problems;
}

/** "≥ 15", "12 đến < 15" … from the bands sorted by threshold. */
function ranges(bands: GradeBand[]): string[] {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((b, i) => {
    const upper = sorted[i - 1]?.min;
    return `${b.label}: ${upper === undefined ? `từ ${b.min} điểm trở lên` : `từ ${b.min} đến dưới ${upper} điểm`}`;
  });
}

const ruleText: { key: keyof EvaluationRules; label: string }[] = [
  {
    key: 'lateWithApologyPoints',
    label: 'Tiêu chí 1 — quá hạn nhưng trong ngày hẹn lại của văn bản xin lỗi gửi đúng thời hạn',
  },
  { key: 'deskOnlyContactPoints', label: 'Tiêu chí 4 — người nộp chỉ liên hệ Bộ phận Một cửa' },
  {
    key: 'deskIntakeReturnPoints',
    label: 'Tiêu chí 5 — tiếp nhận và trả kết quả tại Bộ phận Một cửa, thẩm định tại cơ quan khác',
  },
];

/** Xếp loại kết quả đánh giá (of 18) and the scoring options where provinces differ. */
export function GradeBandsCard() {
  const { message } = App.useApp();
  const current = useApi<EvaluationSettings>('/api/admin/evaluation-settings');
  const [settings, setSettings] = useState<EvaluationSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (current.data && settings === null) setSettings(current.data);
  }, [current.data, settings]);
  if (current.error) return <ErrorState error={current.error} onRetry={current.reload} />;
  if (!settings) return <Loading />;
  const { bands, rules } = settings;
  const problems = bandProblems(bands);
  const setBand = (i: number, patch: Partial<GradeBand>) =>
    setSettings({ ...settings, bands: bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const keyed = bands.map((b, i) => ({ ...b, label: b.label.trim(), key: b.key || `muc_${i + 1}` }));
      setSettings(
        await api.put<EvaluationSettings>('/api/admin/evaluation-settings', { bands: keyed, rules }),
      );
      message.success('Đã lưu cách xếp loại; các phiếu đã chấm được xếp loại lại.');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>Xếp loại kết quả đánh giá giải quyết TTHC</h2>}>
      <Typography.Paragraph type="secondary">
        Tổng điểm 9 tiêu chí, tối đa {MAX} điểm. Mặc định theo Thông tư 01/2018/TT-VPCP: từ 15 điểm Xuất sắc;
        12 đến dưới 15 Tốt; 9 đến dưới 12 Khá; 6 đến dưới 9 Trung bình; dưới 6 Yếu.
      </Typography.Paragraph>
      <ol style={{ paddingLeft: 20 }}>
        {bands.map((b, i) => (
          <li key={b.key || i} style={{ marginBottom: 8 }}>
            <Flex wrap gap={8} align="center">
              <Input
                aria-label={`Tên mức xếp loại ${i + 1}`}
                value={b.label}
                maxLength={40}
                onChange={(e) => setBand(i, { label: e.target.value })}
                style={{ flex: '1 1 160px', maxWidth: 260 }}
              />
              <span>từ</span>
              <InputNumber
                aria-label={`Điểm tối thiểu của mức ${i + 1}`}
                min={0}
                max={MAX}
                step={1}
                value={b.min}
                onChange={(v) => setBand(i, { min: v ?? 0 })}
              />
              <span>điểm</span>
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={`Xóa mức xếp loại ${i + 1}`}
                onClick={() => setSettings({ ...settings, bands: bands.filter((_, j) => j !== i) })}
              />
            </Flex>
          </li>
        ))}
      </ol>
      <Button
        icon={<PlusOutlined />}
        disabled={bands.length >= 8}
        onClick={() =>
          setSettings({
            ...settings,
            bands: [...bands, { key: `muc_${Date.now() % 100000}`, label: '', min: MAX }],
          })
        }
      >
        Thêm mức xếp loại
      </Button>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        <Typography.Text strong>Xem trước: </Typography.Text>
        {ranges(bands).join('; ')}.
      </Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        {ruleText.map((r) => (
          <Form.Item key={r.key} label={r.label} htmlFor={`rule-${r.key}`}>
            <Select
              id={`rule-${r.key}`}
              style={{ width: 140 }}
              value={rules[r.key]}
              onChange={(v: Points) => setSettings({ ...settings, rules: { ...rules, [r.key]: v } })}
              options={[0, 1, 2].map((p) => ({ value: p, label: `${p} điểm` }))}
            />
          </Form.Item>
        ))}
      </Form>
      {problems.length > 0 ? <Alert type="warning" showIcon title={problems.join(' ')} /> : null}
      {error ? (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(error)} />
      ) : null}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={busy}
        disabled={problems.length > 0}
        onClick={save}
      >
        Lưu cách xếp loại
      </Button>
    </Card>
  );
}
