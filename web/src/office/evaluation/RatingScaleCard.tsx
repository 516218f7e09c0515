import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Input, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { RatingForm } from '../../ratings/RatingForm';
import type { RatingLevel, RatingView } from '../../ratings/ratingTypes';
import { useApi } from '../../useApi';

const KEY = /^[a-z0-9_]{1,40}$/;

/** The same checks as the server (ratings/rating-rules.ts scaleProblems), shown before saving. */
export function scaleProblems(levels: RatingLevel[]): string[] {
  const problems: string[] = [];
  if (levels.length < 2) problems.push('Thang đánh giá cần ít nhất 2 mức.');
  if (levels.length > 7) problems.push('Thang đánh giá có tối đa 7 mức.');
  if (levels.some((l) => !KEY.test(l.key)))
    problems.push('Mã mức gồm chữ thường không dấu, số, gạch dưới (tối đa 40).');
  if (levels.some((l) => !l.label.trim())) problems.push('Vui lòng nhập tên mức đánh giá.');
  if (new Set(levels.map((l) => l.key)).size !== levels.length)
    problems.push('Mã các mức đánh giá không được trùng nhau.');
  if (new Set(levels.map((l) => l.label.trim().toLocaleLowerCase('vi'))).size !== levels.length)
    problems.push('Tên các mức đánh giá không được trùng nhau.');
  if (!levels.some((l) => l.satisfied)) problems.push('Cần ít nhất một mức được tính là hài lòng.');
  if (!levels.some((l) => !l.satisfied)) problems.push('Cần ít nhất một mức được tính là không hài lòng.');
  return problems;
}

function preview(levels: RatingLevel[]): RatingView {
  return {
    dossierCode: '000.01.92.H92-261125-0001',
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    agencyName: 'UBND phường Vị Thanh',
    canRate: true,
    levels,
    rating: null,
  };
}

/** Thang đánh giá mức độ hài lòng: levels with their order, label and whether each counts as satisfied. */
export function RatingScaleCard() {
  const { message } = App.useApp();
  const scale = useApi<{ levels: RatingLevel[] }>('/api/admin/rating-scale');
  const [levels, setLevels] = useState<RatingLevel[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (scale.data && levels === null) setLevels(scale.data.levels);
  }, [scale.data, levels]);
  if (scale.error) return <ErrorState error={scale.error} onRetry={scale.reload} />;
  if (!levels) return <Loading />;

  const problems = scaleProblems(levels);
  const update = (i: number, patch: Partial<RatingLevel>) =>
    setLevels(levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...levels];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    setLevels(next);
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.put<{ levels: RatingLevel[] }>('/api/admin/rating-scale', {
        levels: levels.map((l) => ({ ...l, label: l.label.trim() })),
      });
      setLevels(saved.levels);
      message.success('Đã lưu thang đánh giá.');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 18 }}>Thang đánh giá mức độ hài lòng</h2>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        Người dân chọn một mức khi đánh giá hồ sơ. Mức được đánh dấu «Tính là hài lòng» được cộng vào tỷ lệ
        hài lòng; các mức còn lại tính là không hài lòng (Quyết định 766). Đánh giá đã gửi giữ nguyên tên mức
        lúc gửi.
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <ol style={{ paddingLeft: 20 }}>
            {levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and reordered by index
              <li key={i} style={{ marginBottom: 8 }}>
                <Flex wrap gap={8} align="center">
                  <Input
                    aria-label={`Tên mức ${i + 1}`}
                    value={l.label}
                    maxLength={60}
                    onChange={(e) => update(i, { label: e.target.value })}
                    style={{ flex: '1 1 180px' }}
                  />
                  <Input
                    aria-label={`Mã mức ${i + 1}`}
                    value={l.key}
                    maxLength={40}
                    onChange={(e) => update(i, { key: e.target.value })}
                    style={{ flex: '0 1 160px' }}
                  />
                  <Checkbox
                    checked={l.satisfied}
                    onChange={(e) => update(i, { satisfied: e.target.checked })}
                  >
                    Tính là hài lòng
                  </Checkbox>
                  <Button
                    icon={<ArrowUpOutlined />}
                    aria-label={`Đưa mức ${i + 1} lên`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    aria-label={`Đưa mức ${i + 1} xuống`}
                    disabled={i === levels.length - 1}
                    onClick={() => move(i, 1)}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`Xóa mức ${i + 1}`}
                    onClick={() => setLevels(levels.filter((_, j) => j !== i))}
                  />
                </Flex>
              </li>
            ))}
          </ol>
          <Button
            icon={<PlusOutlined />}
            disabled={levels.length >= 7}
            onClick={() =>
              setLevels([...levels, { key: `muc_${levels.length + 1}`, label: '', satisfied: true }])
            }
          >
            Thêm mức
          </Button>
          {problems.length > 0 ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={problems.join(' ')} />
          ) : null}
          {error ? (
            <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(error)} />
          ) : null}
          <Flex gap={8} style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} disabled={problems.length > 0} onClick={save}>
              Lưu thang đánh giá
            </Button>
            <Button onClick={() => setLevels(scale.data?.levels ?? levels)}>Hoàn tác</Button>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Text strong>Xem trước trang đánh giá của người dân</Typography.Text>
          <div
            className="evaluation-preview"
            style={{ border: '1px dashed #bbb', padding: 12, marginTop: 8 }}
          >
            <RatingForm
              key={JSON.stringify(levels)}
              view={preview(levels.filter((l) => l.label.trim()))}
              onRate={async (input) => {
                const chosen = levels.find((l) => l.key === input.level);
                const at = new Date().toISOString();
                return {
                  ...preview(levels),
                  rating: {
                    level: input.level,
                    levelLabel: chosen?.label ?? input.level,
                    comment: input.comment ?? null,
                    channel: 'portal',
                    ratedAt: at,
                    updatedAt: at,
                    changeableUntil: at,
                  },
                };
              }}
            />
          </div>
        </Col>
      </Row>
    </Card>
  );
}
