import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { api, errorMessage, withQuery } from '../api';
import { PageHeader } from '../office/PageHeader';
import { DossierFacts } from './DossierFacts';
import { RatingForm } from './RatingForm';
import type { RatingView } from './ratingTypes';

/**
 * /quan-tri/danh-gia-tai-quay — the counter tablet: the desk officer types or scans the code on the receipt,
 * the citizen taps a level. "Hồ sơ tiếp theo" clears the screen for the next person.
 */
export default function CounterRatingPage() {
  const [code, setCode] = useState('');
  const [view, setView] = useState<RatingView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const find = async (value: string) => {
    if (!value.trim()) return;
    setLoading(true);
    setProblem(null);
    setView(null);
    try {
      setView(await api.get<RatingView>(withQuery('/api/office/ratings', { code: value.trim() })));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };
  const next = () => {
    setCode('');
    setView(null);
    setProblem(null);
  };

  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader title="Đánh giá tại quầy" />
      <label htmlFor="counter-code">Mã hồ sơ (nhập hoặc quét mã trên giấy tiếp nhận)</label>
      <Input.Search
        id="counter-code"
        size="large"
        value={code}
        autoFocus
        enterButton="Tìm hồ sơ"
        loading={loading}
        onChange={(e) => setCode(e.target.value)}
        onSearch={find}
        style={{ margin: '8px 0 16px' }}
      />
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      {view ? (
        <>
          <DossierFacts view={view} />
          <h2>Mời ông/bà chọn mức độ hài lòng</h2>
          <RatingForm
            key={view.dossierCode ?? ''}
            large
            view={view}
            onRate={(input) => api.post<RatingView>('/api/office/ratings', { code: code.trim(), ...input })}
          />
          <Button size="large" style={{ marginTop: 24, minHeight: 56 }} onClick={next}>
            Hồ sơ tiếp theo
          </Button>
        </>
      ) : null}
    </div>
  );
}
