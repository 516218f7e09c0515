import { Alert, Button, Card, Flex, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { agencyLabel, filterByLabel, vietnamToday } from '../../format';
import type { Agency } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import type { RoundView, TemplateSummary } from './officeSurveyTypes';

// A new survey round: template, agencies, opening dates, the public link and the sample of resolved dossiers.

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const startOfVnDay = (iso: string) => `${iso}T00:00:00+07:00`;
const endOfVnDay = (iso: string) => `${iso}T23:59:59+07:00`;

export default function RoundCreatePage() {
  const navigate = useNavigate();
  const templates = useApi<TemplateSummary[]>('/api/office/survey-templates');
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const today = vietnamToday();
  const [name, setName] = useState(`Khảo sát sự hài lòng năm ${today.slice(0, 4)}`);
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState(addDays(today, 30));
  const [openLink, setOpenLink] = useState(true);
  const [sampleSize, setSampleSize] = useState<number>(0);
  const [sampleFrom, setSampleFrom] = useState(addDays(today, -90));
  const [sampleTo, setSampleTo] = useState(today);
  const [role, setRole] = useState<'receiving' | 'competent'>('receiving');
  const [seed, setSeed] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const chosenTemplate = templateId ?? templates.data?.[0]?.id;
  const current = (agencies.data ?? []).filter((a) => !a.validTo);

  const create = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const round = await api.post<RoundView>('/api/office/survey-rounds', {
        templateId: chosenTemplate,
        name,
        agencyIds,
        opensAt: startOfVnDay(opens),
        closesAt: endOfVnDay(closes),
        openLink,
        ...(sampleSize > 0
          ? {
              sample: {
                from: sampleFrom,
                to: sampleTo,
                agencyRole: role,
                size: sampleSize,
                ...(seed ? { seed } : {}),
              },
            }
          : {}),
      });
      navigate(`/quan-tri/khao-sat/dot/${round.id}`);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (label: string, id: string, control: React.ReactNode) => (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={id}>
        <Typography.Text strong>{label}</Typography.Text>
      </label>
      <div>{control}</div>
    </div>
  );

  return (
    <>
      <PageHeader title="Tạo đợt khảo sát" />
      <Card style={{ maxWidth: 860 }}>
        {field(
          'Tên đợt khảo sát',
          'ten-dot',
          <Input id="ten-dot" value={name} onChange={(e) => setName(e.target.value)} />,
        )}
        {field(
          'Mẫu phiếu',
          'mau-phieu',
          <Select
            id="mau-phieu"
            style={{ width: '100%' }}
            loading={templates.loading}
            value={chosenTemplate}
            onChange={setTemplateId}
            options={(templates.data ?? []).map((t) => ({
              value: t.id,
              label: `${t.name} (phiên bản ${t.version})`,
            }))}
          />,
        )}
        {field(
          'Cơ quan được khảo sát',
          'co-quan-khao-sat',
          <Select
            id="co-quan-khao-sat"
            mode="multiple"
            style={{ width: '100%' }}
            placeholder="Chọn cơ quan"
            value={agencyIds}
            onChange={setAgencyIds}
            showSearch={{ filterOption: filterByLabel }}
            options={current.map((a) => ({ value: a.id, label: agencyLabel(a) }))}
          />,
        )}
        <Flex gap={16} wrap>
          {field(
            'Ngày bắt đầu nhận phiếu',
            'ngay-mo',
            <Input id="ngay-mo" type="date" value={opens} onChange={(e) => setOpens(e.target.value)} />,
          )}
          {field(
            'Ngày kết thúc',
            'ngay-dong',
            <Input id="ngay-dong" type="date" value={closes} onChange={(e) => setCloses(e.target.value)} />,
          )}
        </Flex>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Switch id="mo-cong-khai" checked={openLink} onChange={setOpenLink} />
          <label htmlFor="mo-cong-khai">Mở đường dẫn công khai và mã QR cho mọi người dân</label>
        </Flex>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          Chọn mẫu từ hồ sơ đã giải quyết
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Chọn ngẫu nhiên hồ sơ đã có kết quả trong kỳ; người nộp hồ sơ được liên hệ bằng đường dẫn cá nhân.
          Hạt giống ngẫu nhiên được lưu để có thể chọn lại đúng mẫu này. Để cỡ mẫu 0 nếu không chọn mẫu.
        </Typography.Paragraph>
        <Flex gap={16} wrap>
          {field(
            'Cỡ mẫu (số hồ sơ)',
            'co-mau',
            <InputNumber
              id="co-mau"
              min={0}
              max={2000}
              value={sampleSize}
              onChange={(v) => setSampleSize(v ?? 0)}
            />,
          )}
          {field(
            'Giải quyết từ ngày',
            'mau-tu',
            <Input
              id="mau-tu"
              type="date"
              value={sampleFrom}
              onChange={(e) => setSampleFrom(e.target.value)}
            />,
          )}
          {field(
            'Đến ngày',
            'mau-den',
            <Input id="mau-den" type="date" value={sampleTo} onChange={(e) => setSampleTo(e.target.value)} />,
          )}
          {field(
            'Cơ quan là nơi',
            'vai-tro',
            <Select
              id="vai-tro"
              style={{ width: 200 }}
              value={role}
              onChange={setRole}
              options={[
                { value: 'receiving', label: 'tiếp nhận hồ sơ' },
                { value: 'competent', label: 'giải quyết hồ sơ' },
              ]}
            />,
          )}
          {field(
            'Hạt giống ngẫu nhiên (không bắt buộc)',
            'hat-giong',
            <InputNumber id="hat-giong" min={1} value={seed} onChange={(v) => setSeed(v)} />,
          )}
        </Flex>
        {problem ? (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" loading={saving} onClick={create}>
          Tạo đợt khảo sát
        </Button>
      </Card>
    </>
  );
}
