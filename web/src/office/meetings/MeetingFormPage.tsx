import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { filterByLabel } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import type { Invitable, MeetingView } from './meetingTypes';

interface AgendaDraft {
  key: string;
  id?: string;
  title: string;
  presenter: string;
}

/** `2026-12-07T09:00` in the browser's time zone, for <input type="datetime-local">. */
const localInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');
let keySeed = 0;
const newItem = (): AgendaDraft => ({ key: `n${++keySeed}`, title: '', presenter: '' });

/** Creating or editing a meeting: details, the ordered agenda and the invited officers. */
export default function MeetingFormPage() {
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const { user } = useAuth();
  const existing = useApi<MeetingView>(isNew ? null : `/api/office/meetings/${id}`);
  const invitable = useApi<Invitable[]>('/api/office/meetings/invitable');
  const allAgencies = useApi<{ id: string; name: string }[]>(isAdmin(user) ? '/api/agencies' : null, {
    shared: true,
  });
  const [agencyId, setAgencyId] = useState<string>();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [place, setPlace] = useState('');
  const [onlineLink, setOnlineLink] = useState('');
  const [agenda, setAgenda] = useState<AgendaDraft[]>([newItem()]);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const ownAgencies = [
    ...new Map(
      (user?.roles ?? []).flatMap((r) =>
        r.agencyId ? [[r.agencyId, r.agencyName ?? r.agencyId] as const] : [],
      ),
    ),
  ].map(([value, label]) => ({ value, label }));
  const agencyOptions = isAdmin(user)
    ? (allAgencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))
    : ownAgencies;

  useEffect(() => {
    const m = existing.data;
    if (!m) return;
    setAgencyId(m.agencyId);
    setTitle(m.title);
    setStartsAt(localInput(m.startsAt));
    setEndsAt(localInput(m.endsAt));
    setPlace(m.place);
    setOnlineLink(m.onlineLink ?? '');
    setAgenda(m.agenda.map((a) => ({ key: a.id, id: a.id, title: a.title, presenter: a.presenter ?? '' })));
    setParticipantIds(m.participants.map((p) => p.userId));
  }, [existing.data]);
  useEffect(() => {
    if (isNew && !agencyId && ownAgencies[0]) setAgencyId(ownAgencies[0].value);
  }, [isNew, agencyId, ownAgencies[0]]);

  if (!isNew && existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!isNew && !existing.data) return <Loading />;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const body = {
      agencyId,
      title,
      startsAt: toIso(startsAt),
      endsAt: endsAt ? toIso(endsAt) : null,
      place,
      onlineLink: onlineLink.trim(),
      agenda: agenda.map((a) => ({ ...(a.id ? { id: a.id } : {}), title: a.title, presenter: a.presenter })),
      participantIds,
    };
    try {
      if (isNew) {
        const created = await api.post<{ id: string }>('/api/office/meetings', body);
        navigate(`/quan-tri/hop/${created.id}`);
      } else {
        await api.put(`/api/office/meetings/${id}`, { ...body, version: existing.data?.version });
        navigate(`/quan-tri/hop/${id}`);
      }
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.status === 409) existing.reload();
    } finally {
      setBusy(false);
    }
  };
  const move = (i: number, by: number) =>
    setAgenda((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      if (item) next.splice(i + by, 0, item);
      return next;
    });

  return (
    <>
      <PageHeader title={isNew ? 'Tạo cuộc họp' : 'Sửa cuộc họp'} />
      <Card style={{ maxWidth: 860 }}>
        <FormError error={error} />
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label="Cơ quan tổ chức" required>
            <Select
              aria-label="Cơ quan tổ chức"
              value={agencyId}
              disabled={!isNew}
              onChange={setAgencyId}
              options={agencyOptions}
              showSearch
              filterOption={filterByLabel}
            />
          </Form.Item>
          <Form.Item label="Tên cuộc họp" required htmlFor="m-title">
            <Input id="m-title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item label="Bắt đầu" required htmlFor="m-start">
              <Input
                id="m-start"
                type="datetime-local"
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
            </Form.Item>
            <Form.Item label="Kết thúc" htmlFor="m-end">
              <Input
                id="m-end"
                type="datetime-local"
                value={endsAt}
                onChange={(e) => setEndsAt(e.target.value)}
              />
            </Form.Item>
          </Space>
          <Form.Item label="Địa điểm" required htmlFor="m-place">
            <Input id="m-place" value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} />
          </Form.Item>
          <Form.Item label="Đường dẫn phòng họp trực tuyến (https://…)" htmlFor="m-link">
            <Input
              id="m-link"
              value={onlineLink}
              maxLength={500}
              onChange={(e) => setOnlineLink(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="Chương trình họp" required>
            <Space direction="vertical" style={{ width: '100%' }}>
              {agenda.map((a, i) => (
                <Space.Compact key={a.key} style={{ width: '100%' }}>
                  <Input
                    aria-label={`Nội dung ${i + 1}`}
                    placeholder={`Nội dung ${i + 1}`}
                    value={a.title}
                    onChange={(e) =>
                      setAgenda((list) =>
                        list.map((x) => (x.key === a.key ? { ...x, title: e.target.value } : x)),
                      )
                    }
                  />
                  <Input
                    aria-label={`Người trình bày nội dung ${i + 1}`}
                    placeholder="Người trình bày"
                    style={{ maxWidth: 220 }}
                    value={a.presenter}
                    onChange={(e) =>
                      setAgenda((list) =>
                        list.map((x) => (x.key === a.key ? { ...x, presenter: e.target.value } : x)),
                      )
                    }
                  />
                  <Button aria-label="Lên" disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </Button>
                  <Button aria-label="Xuống" disabled={i === agenda.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </Button>
                  <Button
                    aria-label="Xóa nội dung"
                    icon={<DeleteOutlined />}
                    disabled={agenda.length === 1}
                    onClick={() => setAgenda((list) => list.filter((x) => x.key !== a.key))}
                  />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => setAgenda((list) => [...list, newItem()])}>
                Thêm nội dung
              </Button>
            </Space>
          </Form.Item>
          <Form.Item label="Thành phần mời (cán bộ)">
            <Select
              aria-label="Thành phần mời"
              mode="multiple"
              value={participantIds}
              onChange={setParticipantIds}
              loading={invitable.loading}
              filterOption={filterByLabel}
              options={(invitable.data ?? []).map((o) => ({
                value: o.id,
                label: `${o.fullName} — ${o.agencies}`,
              }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {isNew ? 'Tạo cuộc họp' : 'Lưu thay đổi'}
            </Button>
            <Button onClick={() => navigate(isNew ? '/quan-tri/hop' : `/quan-tri/hop/${id}`)}>Hủy</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
