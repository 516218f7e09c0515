import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Result,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import {
  type Figures,
  type IndicatorKey,
  indicatorKeys,
  type KpiSettings,
} from '../../portal/results/kpiTypes';
import '../../portal/results/results.css';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { componentDrafts, INDICATOR_LABELS, settingsProblems } from './settingsForm';

// Targets of the reform plan and the Decision 766 points and thresholds (administrators and the reform office).
// The indicators, their groups and the values in force come with the figures; every one is saved explicitly.

export default function KpiSettingsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const allowed = Boolean(user?.roles.some((r) => r.role === 'admin' || r.role === 'reform_officer'));
  const settings = useApi<KpiSettings>(allowed ? '/api/kpi/settings' : null);
  const figures = useApi<Figures>(allowed ? '/api/kpi/figures' : null);
  const [draft, setDraft] = useState<KpiSettings>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [tried, setTried] = useState(false);
  const index = figures.data?.index766;
  const labels = useMemo(
    () => Object.fromEntries((index?.groups ?? []).flatMap((g) => g.components.map((c) => [c.key, c.label]))),
    [index],
  );

  const reset = () => {
    if (!settings.data || !index) return;
    setDraft({
      targets: { ...settings.data.targets },
      index766: { components: componentDrafts(index), noFeedback: settings.data.index766.noFeedback },
    });
  };
  useEffect(reset, [settings.data, index]);

  if (!allowed)
    return (
      <Result
        status="403"
        title={<h1 className="result-title">Không có quyền truy cập</h1>}
        subTitle="Chức năng này dành cho quản trị hệ thống và cán bộ cải cách hành chính."
      />
    );

  const problems = draft ? settingsProblems(draft, labels) : [];
  const setTarget = (key: IndicatorKey, target: KpiSettings['targets'][IndicatorKey]) =>
    setDraft((d) => {
      if (!d) return d;
      const targets = { ...d.targets };
      if (target) targets[key] = target;
      else delete targets[key];
      return { ...d, targets };
    });
  const setComponent = (key: string, change: Partial<{ max: number; threshold: number | null }>) =>
    setDraft((d) => {
      const current = d?.index766.components[key];
      if (!d || !current) return d;
      return {
        ...d,
        index766: {
          ...d.index766,
          components: { ...d.index766.components, [key]: { ...current, ...change } },
        },
      };
    });

  const save = async () => {
    setTried(true);
    setServerError(undefined);
    if (!draft || problems.length > 0) return;
    setSaving(true);
    try {
      const saved = await api.put<KpiSettings>('/api/office/kpi/settings', draft);
      settings.setData(saved);
      figures.reload();
      message.success('Đã lưu mục tiêu và cách tính điểm.');
    } catch (cause) {
      setServerError(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const error = settings.error ?? figures.error;
  return (
    <>
      <PageHeader
        title="Mục tiêu kế hoạch và điểm Bộ chỉ số 766"
        extra={<ButtonLink to="/quan-tri/chi-so">Về trang chỉ số</ButtonLink>}
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            settings.reload();
            figures.reload();
          }}
        />
      ) : null}
      {!draft || !index ? (
        settings.loading || figures.loading ? (
          <Loading />
        ) : null
      ) : (
        <Flex vertical gap={16}>
          <Card title={<h2 className="kpi-card-h2">Mục tiêu của Kế hoạch cải cách hành chính</h2>}>
            {indicatorKeys.map((key) => {
              const t = draft.targets[key];
              const id = `target-${key}`;
              return (
                <Flex key={key} wrap gap={8} align="center" style={{ marginBottom: 12 }}>
                  <label htmlFor={id} style={{ flex: '1 1 280px' }}>
                    {INDICATOR_LABELS[key]}
                  </label>
                  <Checkbox
                    checked={Boolean(t)}
                    onChange={(e) => setTarget(key, e.target.checked ? { op: '>=', value: 80 } : undefined)}
                  >
                    Có mục tiêu
                  </Checkbox>
                  <Select
                    aria-label={`Phép so sánh — ${INDICATOR_LABELS[key]}`}
                    disabled={!t}
                    style={{ width: 90 }}
                    value={t?.op ?? '>='}
                    options={[
                      { value: '>=', label: 'từ' },
                      { value: '>', label: 'trên' },
                    ]}
                    onChange={(op) => t && setTarget(key, { ...t, op })}
                  />
                  <InputNumber
                    id={id}
                    disabled={!t}
                    min={0}
                    max={100}
                    step={0.5}
                    suffix="%"
                    value={t?.value ?? null}
                    onChange={(v) => t && setTarget(key, { ...t, value: v ?? Number.NaN })}
                  />
                </Flex>
              );
            })}
          </Card>
          <Card title={<h2 className="kpi-card-h2">Bộ chỉ số 766: điểm tối đa và ngưỡng đạt đủ điểm</h2>}>
            <Typography.Paragraph type="secondary">
              Điểm của một chỉ số = điểm tối đa × tỷ lệ, hoặc đủ điểm khi tỷ lệ đạt ngưỡng (dưới ngưỡng: điểm
              tối đa × tỷ lệ ÷ ngưỡng). Tổng điểm tối đa của các chỉ số là 100.
            </Typography.Paragraph>
            {index.groups.map((g) => (
              <fieldset key={g.key} className="kpi-fieldset">
                <legend>{g.label}</legend>
                {g.components.map((c) => {
                  const value = draft.index766.components[c.key] ?? { max: c.max, threshold: c.threshold };
                  return (
                    <Flex key={c.key} wrap gap={8} align="center" style={{ marginBottom: 8 }}>
                      <label htmlFor={`max-${c.key}`} style={{ flex: '1 1 280px' }}>
                        {c.label}
                      </label>
                      <InputNumber
                        id={`max-${c.key}`}
                        aria-label={`Điểm tối đa — ${c.label}`}
                        min={0}
                        max={100}
                        suffix="điểm"
                        value={value.max}
                        onChange={(v) => setComponent(c.key, { max: v ?? Number.NaN })}
                      />
                      <Checkbox
                        checked={value.threshold !== null}
                        onChange={(e) => setComponent(c.key, { threshold: e.target.checked ? 80 : null })}
                      >
                        Có ngưỡng
                      </Checkbox>
                      <InputNumber
                        aria-label={`Ngưỡng đạt đủ điểm — ${c.label}`}
                        disabled={value.threshold === null}
                        min={1}
                        max={100}
                        suffix="%"
                        value={value.threshold}
                        onChange={(v) => setComponent(c.key, { threshold: v ?? Number.NaN })}
                      />
                    </Flex>
                  );
                })}
              </fieldset>
            ))}
            <Flex wrap gap={8} align="center">
              <label htmlFor="no-feedback" style={{ flex: '1 1 280px' }}>
                Kỳ không phát sinh phản ánh, kiến nghị
              </label>
              <Select
                id="no-feedback"
                style={{ minWidth: 260 }}
                value={draft.index766.noFeedback}
                options={[
                  { value: 'full_points', label: 'Tính đủ điểm hai chỉ số PAKN' },
                  { value: 'not_scored', label: 'Không tính hai chỉ số PAKN' },
                ]}
                onChange={(noFeedback) => setDraft({ ...draft, index766: { ...draft.index766, noFeedback } })}
              />
            </Flex>
          </Card>
          {tried && problems.length > 0 ? (
            <Alert
              type="error"
              role="alert"
              showIcon
              title="Chưa lưu được, vui lòng sửa:"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {serverError ? <Alert type="error" role="alert" showIcon title={serverError} /> : null}
          <Space>
            <Button type="primary" loading={saving} onClick={save}>
              Lưu
            </Button>
            <Button onClick={reset}>Hoàn tác</Button>
          </Space>
        </Flex>
      )}
    </>
  );
}
