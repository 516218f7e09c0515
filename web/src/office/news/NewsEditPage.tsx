import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { type ArticleFile, type Category, kindLabels } from '../../portal/news/newsTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type ArticleDraft, type EditorArticle, stateLabels } from './newsOfficeTypes';
import { RichTextEditor } from './RichTextEditor';

const empty: ArticleDraft = {
  kind: 'news',
  title: '',
  slug: '',
  summary: '',
  bodyHtml: '',
  categoryId: null,
  attachments: [],
  procedureCodes: [],
};

/** Writing, saving (each save is a revision), publishing now or later and unpublishing one article. */
export default function NewsEditPage() {
  const { id } = useParams();
  const isNew = !id || id === 'moi';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const loaded = useApi<EditorArticle>(isNew ? null : `/api/office/news/${id}`);
  const categories = useApi<Category[]>('/api/news/categories');
  const [draft, setDraft] = useState<ArticleDraft>(empty);
  const [initialHtml, setInitialHtml] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [newCategory, setNewCategory] = useState('');

  useEffect(() => {
    const a = loaded.data;
    if (!a) return;
    setDraft({
      kind: a.kind,
      title: a.title,
      slug: a.slug,
      summary: a.summary,
      bodyHtml: a.bodyHtml,
      categoryId: a.categoryId,
      attachments: a.attachments,
      procedureCodes: a.procedureCodes,
    });
    setInitialHtml(a.bodyHtml);
  }, [loaded.data]);

  if (!isNew && loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!isNew && !loaded.data) return <Loading />;
  const article = loaded.data;
  const set = (changes: Partial<ArticleDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      message.success(done);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.status === 409) loaded.reload();
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      if (isNew) {
        const created = await api.post<{ id: string }>('/api/office/news', draft);
        navigate(`/quan-tri/tin-tuc/${created.id}`, { replace: true });
      } else {
        await api.put(`/api/office/news/${id}`, { ...draft, version: article?.version });
        loaded.reload();
      }
    }, 'Đã lưu bài viết.');
  const publish = (at?: string) =>
    act(
      async () => {
        await api.post(`/api/office/news/${id}/publish`, {
          version: article?.version,
          ...(at ? { publishAt: new Date(at).toISOString() } : {}),
        });
        loaded.reload();
      },
      at ? 'Đã hẹn giờ đăng bài.' : 'Đã đăng bài lên cổng.',
    );
  const unpublish = () =>
    act(async () => {
      await api.post(`/api/office/news/${id}/unpublish`, { version: article?.version });
      loaded.reload();
    }, 'Đã gỡ bài khỏi cổng.');
  const upload = async (file: File, kind: 'image' | 'attachment') => {
    try {
      return await api.upload<ArticleFile>(`/api/office/news/files?kind=${kind}`, file);
    } catch (cause) {
      message.error(errorMessage(cause));
      return null;
    }
  };

  return (
    <>
      <PageHeader title={isNew ? 'Viết bài mới' : 'Sửa bài viết'}>
        {article ? (
          <Space wrap>
            <Tag color={stateLabels[article.state].color}>{stateLabels[article.state].label}</Tag>
            {article.publishAt ? <span>Thời điểm đăng: {formatVnDateTime(article.publishAt)}</span> : null}
            {article.state === 'published' ? (
              <a href={`/tin-tuc/${article.slug}`} target="_blank" rel="noreferrer">
                Xem trên cổng
              </a>
            ) : null}
          </Space>
        ) : null}
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={17}>
          <Card>
            <FormError error={error} />
            <Form layout="vertical" onFinish={save}>
              <Form.Item label="Loại bài viết" required>
                <Select
                  aria-label="Loại bài viết"
                  value={draft.kind}
                  onChange={(kind) => set({ kind })}
                  options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Tiêu đề" required htmlFor="news-title">
                <Input
                  id="news-title"
                  value={draft.title}
                  maxLength={250}
                  onChange={(e) => set({ title: e.target.value })}
                />
              </Form.Item>
              <Form.Item
                label="Đường dẫn (để trống: tạo từ tiêu đề)"
                htmlFor="news-slug"
                extra="Chữ thường không dấu, số và dấu gạch ngang."
              >
                <Input
                  id="news-slug"
                  value={draft.slug}
                  maxLength={120}
                  onChange={(e) => set({ slug: e.target.value })}
                />
              </Form.Item>
              <Form.Item label="Tóm tắt" required htmlFor="news-summary">
                <Input.TextArea
                  id="news-summary"
                  rows={2}
                  maxLength={600}
                  value={draft.summary}
                  onChange={(e) => set({ summary: e.target.value })}
                />
              </Form.Item>
              <Form.Item label="Nội dung" required>
                <RichTextEditor
                  label="Nội dung bài viết"
                  initialHtml={initialHtml}
                  onChange={(bodyHtml) => set({ bodyHtml })}
                  onPickImage={async (file) => {
                    const f = await upload(file, 'image');
                    return f ? `/api/news/files/${f.fileId}` : null;
                  }}
                />
              </Form.Item>
              <Form.Item label="Chuyên mục">
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    aria-label="Chuyên mục"
                    allowClear
                    style={{ width: '60%' }}
                    value={draft.categoryId ?? undefined}
                    onChange={(v) => set({ categoryId: v ?? null })}
                    options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  />
                  <Input
                    aria-label="Tên chuyên mục mới"
                    placeholder="Chuyên mục mới"
                    value={newCategory}
                    onChange={(e) => setNewCategory(e.target.value)}
                  />
                  <Button
                    onClick={() =>
                      act(async () => {
                        const c = await api.post<Category>('/api/office/news/categories', {
                          name: newCategory,
                        });
                        setNewCategory('');
                        categories.reload();
                        set({ categoryId: c.id });
                      }, 'Đã thêm chuyên mục.')
                    }
                  >
                    Thêm
                  </Button>
                </Space.Compact>
              </Form.Item>
              <Form.Item
                label="Thủ tục liên quan (mã thủ tục, ví dụ 1.001193)"
                extra="Bài viết sẽ hiện trong mục «Hướng dẫn» của trang thủ tục."
              >
                <Select
                  aria-label="Thủ tục liên quan"
                  mode="tags"
                  tokenSeparators={[',', ' ']}
                  value={draft.procedureCodes}
                  onChange={(procedureCodes) => set({ procedureCodes })}
                  open={false}
                />
              </Form.Item>
              <Form.Item label="Tệp đính kèm (PDF, PNG, JPEG)">
                <Upload
                  accept="application/pdf,image/png,image/jpeg"
                  showUploadList={false}
                  beforeUpload={async (file) => {
                    const f = await upload(file, 'attachment');
                    if (f) set({ attachments: [...draft.attachments, f] });
                    return false;
                  }}
                >
                  <Button>Tải tệp lên</Button>
                </Upload>
                <List
                  size="small"
                  dataSource={draft.attachments}
                  locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
                  renderItem={(f) => (
                    <List.Item
                      actions={[
                        <Button
                          key="remove"
                          size="small"
                          type="link"
                          onClick={() =>
                            set({ attachments: draft.attachments.filter((x) => x.fileId !== f.fileId) })
                          }
                        >
                          Bỏ
                        </Button>,
                      ]}
                    >
                      {f.name}
                    </List.Item>
                  )}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                Lưu bài viết
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          {article ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card title="Đăng bài">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Button type="primary" block disabled={busy} onClick={() => publish()}>
                    Đăng ngay
                  </Button>
                  <Input
                    type="datetime-local"
                    aria-label="Thời điểm hẹn đăng"
                    value={publishAt}
                    onChange={(e) => setPublishAt(e.target.value)}
                  />
                  <Button block disabled={busy || !publishAt} onClick={() => publish(publishAt)}>
                    Hẹn giờ đăng
                  </Button>
                  {article.state === 'published' || article.state === 'scheduled' ? (
                    <Button danger block disabled={busy} onClick={unpublish}>
                      Gỡ bài
                    </Button>
                  ) : null}
                </Space>
              </Card>
              <Card title="Các lần lưu">
                <List
                  size="small"
                  dataSource={article.revisions}
                  renderItem={(r) => (
                    <List.Item>
                      <Typography.Text>
                        Bản {r.version} — {r.savedByName}, {formatVnDateTime(r.savedAt)}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Space>
          ) : (
            <Alert type="info" showIcon message="Lưu bài viết trước, sau đó đăng ngay hoặc hẹn giờ đăng." />
          )}
        </Col>
      </Row>
    </>
  );
}
