import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import {
  ELEMENT_LABELS,
  KIND_LABELS,
  type Question,
  type QuestionKind,
  type Scale,
  type TemplateContent,
} from '../../portal/surveys/surveyTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import type { TemplateView } from './officeSurveyTypes';

// The template designer: sections (the five SIPAS elements preset, titles editable), questions with their kind,
// scale and required flag, reordering, and the index settings. A template used by a round is saved as a new version.

const DEFAULT_LIKERT = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
const scaleLabels: Record<Scale['type'], string> = {
  likert: 'Thang Likert',
  single: 'Chọn một',
  multiple: 'Chọn nhiều',
  text: 'Trả lời tự do',
};
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const newKey = () => `q_${Math.random().toString(36).slice(2, 10)}`;

function scaleOf(type: Scale['type'], previous: Scale): Scale {
  const texts =
    previous.type === 'likert'
      ? previous.labels
      : previous.type === 'text'
        ? []
        : previous.options.map((o) => o.label);
  if (type === 'likert') return { type, labels: texts.length >= 2 ? texts : DEFAULT_LIKERT };
  if (type === 'text') return { type };
  const options = (texts.length >= 2 ? texts : ['Phương án 1', 'Phương án 2']).map((label, i) => ({
    key: `o${i + 1}`,
    label,
  }));
  return { type, options };
}

function QuestionEditor({
  question,
  number,
  onChange,
  onMove,
  onRemove,
}: {
  question: Question;
  number: number;
  onChange: (q: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const s = question.scale;
  const levelText =
    s.type === 'likert'
      ? s.labels.join('\n')
      : s.type === 'text'
        ? ''
        : s.options.map((o) => o.label).join('\n');
  const [draft, setDraft] = useState(levelText);
  useEffect(() => setDraft(levelText), [levelText]);
  const applyLevels = (text: string) => {
    setDraft(text);
    const items = lines(text);
    if (s.type === 'likert') onChange({ ...question, scale: { type: 'likert', labels: items } });
    else if (s.type !== 'text')
      onChange({
        ...question,
        scale: { type: s.type, options: items.map((label, i) => ({ key: `o${i + 1}`, label })) },
      });
  };
  return (
    <Card size="small" style={{ marginBottom: 8 }}>
      <Flex gap={8} wrap align="start">
        <Typography.Text strong style={{ minWidth: 28 }}>
          {number}.
        </Typography.Text>
        <Input.TextArea
          aria-label={`Nội dung câu hỏi ${number}`}
          autoSize
          style={{ flex: '1 1 280px' }}
          value={question.text}
          onChange={(e) => onChange({ ...question, text: e.target.value })}
        />
        <Space wrap>
          <Button
            aria-label={`Đưa câu ${number} lên`}
            icon={<ArrowUpOutlined />}
            onClick={() => onMove(-1)}
          />
          <Button
            aria-label={`Đưa câu ${number} xuống`}
            icon={<ArrowDownOutlined />}
            onClick={() => onMove(1)}
          />
          <Button aria-label={`Xóa câu ${number}`} danger icon={<DeleteOutlined />} onClick={onRemove} />
        </Space>
      </Flex>
      <Flex gap={12} wrap style={{ marginTop: 8 }} align="start">
        <Select<QuestionKind>
          aria-label={`Loại câu hỏi ${number}`}
          style={{ width: 160 }}
          value={question.kind}
          onChange={(kind) => onChange({ ...question, kind })}
          options={(Object.keys(KIND_LABELS) as QuestionKind[]).map((k) => ({
            value: k,
            label: KIND_LABELS[k],
          }))}
        />
        <Select<Scale['type']>
          aria-label={`Thang đo câu ${number}`}
          style={{ width: 160 }}
          value={s.type}
          onChange={(type) => onChange({ ...question, scale: scaleOf(type, s) })}
          options={(Object.keys(scaleLabels) as Scale['type'][]).map((k) => ({
            value: k,
            label: scaleLabels[k],
          }))}
        />
        <Space>
          <Switch
            id={`bat-buoc-${question.key}`}
            size="small"
            checked={question.required}
            onChange={(required) => onChange({ ...question, required })}
          />
          <label htmlFor={`bat-buoc-${question.key}`}>Bắt buộc</label>
        </Space>
        {s.type !== 'text' ? (
          <Input.TextArea
            aria-label={
              s.type === 'likert'
                ? `Các mức của câu ${number}, mỗi dòng một mức, từ thấp đến cao`
                : `Các phương án của câu ${number}, mỗi dòng một phương án`
            }
            autoSize={{ minRows: 2, maxRows: 8 }}
            style={{ flex: '1 1 240px' }}
            value={draft}
            onChange={(e) => applyLevels(e.target.value)}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

export default function TemplateDesignerPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = useParams().id ?? 'moi';
  const creating = id === 'moi';
  const loaded = useApi<TemplateView | TemplateContent>(
    creating ? '/api/office/survey-templates/preset' : `/api/office/survey-templates/${id}`,
  );
  const [content, setContent] = useState<TemplateContent | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) {
      const { name, description, sections, indexSettings } = loaded.data;
      setContent({ name, description, sections, indexSettings });
    }
  }, [loaded.data]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!content || !loaded.data) return <Loading />;
  const view = loaded.data as Partial<TemplateView>;
  let counter = 0;

  const setSections = (update: (sections: TemplateContent['sections']) => TemplateContent['sections']) =>
    setContent((c) => (c ? { ...c, sections: update(c.sections) } : c));
  const setQuestions = (si: number, update: (qs: Question[]) => Question[]) =>
    setSections((ss) => ss.map((s, i) => (i === si ? { ...s, questions: update(s.questions) } : s)));

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      if (creating) {
        const created = await api.post<TemplateView>('/api/office/survey-templates', content);
        message.success('Đã tạo mẫu phiếu.');
        navigate(`/quan-tri/khao-sat/mau/${created.id}`, { replace: true });
      } else {
        const saved = await api.put<{ template: TemplateView; newVersion: boolean }>(
          `/api/office/survey-templates/${id}`,
          content,
        );
        message.success(
          saved.newVersion
            ? `Mẫu phiếu đã được dùng trong đợt khảo sát nên được lưu thành phiên bản ${saved.template.version}.`
            : 'Đã lưu mẫu phiếu.',
        );
        if (saved.newVersion) navigate(`/quan-tri/khao-sat/mau/${saved.template.id}`, { replace: true });
        else loaded.reload();
      }
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const s = content.indexSettings;
  return (
    <>
      <PageHeader
        title={
          creating ? 'Thiết kế mẫu phiếu khảo sát' : `Mẫu phiếu khảo sát — phiên bản ${view.version ?? 1}`
        }
        extra={
          <Button type="primary" loading={saving} onClick={save}>
            Lưu mẫu phiếu
          </Button>
        }
      />
      {view.frozen ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Mẫu phiếu này đã được dùng trong đợt khảo sát: khi lưu, thay đổi được ghi thành phiên bản mới, phiên bản cũ giữ nguyên cho các đợt đã dùng."
        />
      ) : null}
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <label htmlFor="ten-mau">
          <Typography.Text strong>Tên mẫu phiếu</Typography.Text>
        </label>
        <Input
          id="ten-mau"
          value={content.name}
          onChange={(e) => setContent({ ...content, name: e.target.value })}
        />
        <label htmlFor="mo-ta-mau">
          <Typography.Text strong>Lời giới thiệu</Typography.Text>
        </label>
        <Input.TextArea
          id="mo-ta-mau"
          autoSize={{ minRows: 2 }}
          value={content.description}
          onChange={(e) => setContent({ ...content, description: e.target.value })}
        />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>Cách tính chỉ số hài lòng</h2>}
        style={{ marginBottom: 16 }}
      >
        <Flex gap={16} wrap>
          <label htmlFor="so-muc-hai-long">Số mức cao nhất được tính là hài lòng</label>
          <InputNumber
            id="so-muc-hai-long"
            min={1}
            max={9}
            value={s.satisfiedTopLevels}
            onChange={(v) => setContent({ ...content, indexSettings: { ...s, satisfiedTopLevels: v ?? 2 } })}
          />
          <Select
            aria-label="Chỉ số của yếu tố"
            style={{ width: 320 }}
            value={s.elementAggregation}
            onChange={(elementAggregation) =>
              setContent({ ...content, indexSettings: { ...s, elementAggregation } })
            }
            options={[
              { value: 'mean_of_questions', label: 'Yếu tố: trung bình các câu hỏi' },
              { value: 'pooled_answers', label: 'Yếu tố: gộp mọi câu trả lời' },
            ]}
          />
          <Select
            aria-label="Chỉ số chung"
            style={{ width: 320 }}
            value={s.overallAggregation}
            onChange={(overallAggregation) =>
              setContent({ ...content, indexSettings: { ...s, overallAggregation } })
            }
            options={[
              { value: 'mean_of_elements', label: 'Chỉ số chung: trung bình 5 yếu tố' },
              { value: 'weighted_elements', label: 'Chỉ số chung: có trọng số' },
            ]}
          />
        </Flex>
        {s.overallAggregation === 'weighted_elements' ? (
          <Flex gap={12} wrap style={{ marginTop: 12 }}>
            {(Object.keys(ELEMENT_LABELS) as (keyof typeof ELEMENT_LABELS)[]).map((e) => (
              <span key={e}>
                <label htmlFor={`trong-so-${e}`}>{ELEMENT_LABELS[e]}</label>{' '}
                <InputNumber
                  id={`trong-so-${e}`}
                  min={0}
                  max={100}
                  value={s.elementWeights?.[e] ?? 0}
                  onChange={(v) =>
                    setContent({
                      ...content,
                      indexSettings: { ...s, elementWeights: { ...s.elementWeights, [e]: v ?? 0 } },
                    })
                  }
                />
              </span>
            ))}
          </Flex>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Chỉ các câu hỏi loại «Sự hài lòng» dùng thang Likert được tính vào chỉ số.
        </Typography.Paragraph>
      </Card>
      {content.sections.map((section, si) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are only appended, never reordered or removed.
          key={`${section.element ?? 'khac'}-${si}`}
          style={{ marginBottom: 16 }}
          title={
            <Flex gap={8} align="center" wrap>
              {section.element ? (
                <Tag color="blue">{ELEMENT_LABELS[section.element]}</Tag>
              ) : (
                <Tag>Phần khác</Tag>
              )}
              <Input
                aria-label={`Tên phần ${si + 1}`}
                style={{ maxWidth: 480 }}
                value={section.title}
                onChange={(e) =>
                  setSections((ss) => ss.map((x, i) => (i === si ? { ...x, title: e.target.value } : x)))
                }
              />
            </Flex>
          }
        >
          {section.questions.map((q, qi) => {
            counter += 1;
            return (
              <QuestionEditor
                key={q.key}
                question={q}
                number={counter}
                onChange={(next) => setQuestions(si, (qs) => qs.map((x, i) => (i === qi ? next : x)))}
                onRemove={() => setQuestions(si, (qs) => qs.filter((_, i) => i !== qi))}
                onMove={(delta) =>
                  setQuestions(si, (qs) => {
                    const j = qi + delta;
                    if (j < 0 || j >= qs.length) return qs;
                    const next = [...qs];
                    [next[qi], next[j]] = [next[j] as Question, next[qi] as Question];
                    return next;
                  })
                }
              />
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setQuestions(si, (qs) => [
                ...qs,
                {
                  key: newKey(),
                  text: '',
                  kind: 'satisfaction',
                  scale: { type: 'likert', labels: DEFAULT_LIKERT },
                  required: true,
                },
              ])
            }
          >
            Thêm câu hỏi vào phần «{section.title}»
          </Button>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          setSections((ss) => [...ss, { element: null, title: 'Thông tin chung', questions: [] }])
        }
      >
        Thêm phần khác (ví dụ: thông tin người trả lời)
      </Button>
    </>
  );
}
