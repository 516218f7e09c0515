import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { withQuery } from '../../api';
import { filterByLabel, formatDate } from '../../format';
import { useApi } from '../../useApi';
import {
  type DegreeLevel,
  degreeLabels,
  type Figure,
  formatShare,
  type IndicatorKey,
  type Indicators,
  indicatorLabels,
  type StaffAgencies,
} from './staffTypes';

type Drill = { indicator: IndicatorKey; counted: boolean; agencyId?: string; title: string };
type DrillRow = {
  id: string;
  agencyName: string;
  fullName: string;
  position: string | null;
  degreeLevel: DegreeLevel;
};

const metTag = (f: Figure) =>
  f.met ? <Tag color="green">Đạt chỉ tiêu</Tag> : <Tag color="red">Chưa đạt chỉ tiêu</Tag>;

/** The plan's staff targets as of a date, per agency, with the officials behind each figure. */
export function IndicatorsTab() {
  const agencies = useApi<StaffAgencies>('/api/office/staff/agencies');
  const [agencyId, setAgencyId] = useState<string>();
  const [asOf, setAsOf] = useState(dayjs().format('YYYY-MM-DD'));
  const [drill, setDrill] = useState<Drill>();
  const figures = useApi<Indicators>(withQuery('/api/office/staff/indicators', { agencyId, asOf }));
  const drillRows = useApi<DrillRow[]>(
    drill
      ? withQuery('/api/office/staff/indicators/officials', {
          agencyId: drill.agencyId ?? agencyId,
          asOf,
          indicator: drill.indicator,
          counted: drill.counted,
        })
      : null,
  );

  const figureCell = (f: Figure | undefined, agency?: { id: string; name: string }) =>
    f ? (
      <Flex gap={6} align="center" wrap>
        <Button
          type="link"
          size="small"
          onClick={() =>
            setDrill({
              indicator: f.key,
              counted: false,
              ...(agency ? { agencyId: agency.id } : {}),
              title: `${indicatorLabels[f.key]} — chưa đạt${agency ? ` — ${agency.name}` : ''}`,
            })
          }
        >
          {formatShare(f.share)}
        </Button>
        <Typography.Text type="secondary">
          ({f.counted}/{f.serving})
        </Typography.Text>
        {metTag(f)}
      </Flex>
    ) : null;

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="Tất cả cơ quan trong phạm vi"
          aria-label="Cơ quan, đơn vị"
          style={{ minWidth: 300 }}
          value={agencyId}
          onChange={setAgencyId}
          showSearch={{ filterOption: filterByLabel }}
          options={agencies.data?.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <DatePicker
          aria-label="Tính đến ngày"
          format="DD/MM/YYYY"
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
        />
      </Flex>
      {figures.error ? <Alert type="error" showIcon title={figures.error.message} /> : null}
      {figures.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {figures.data.scopeName}, tính đến ngày {formatDate(figures.data.asOf)}.
          </Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {figures.data.total.map((f) => {
              const target = figures.data?.targets.find((t) => t.key === f.key);
              return (
                <Col xs={24} md={12} key={f.key}>
                  <Card
                    title={indicatorLabels[f.key]}
                    extra={metTag(f)}
                    data-testid={`staff-indicator-${f.key}`}
                  >
                    <Statistic title="Tỷ lệ" value={formatShare(f.share)} />
                    <Typography.Paragraph>
                      {f.counted} / {f.serving} cán bộ đang công tác. Chỉ tiêu: {formatShare(f.targetShare)}{' '}
                      (hạn {formatDate(target?.dueBy)}).
                    </Typography.Paragraph>
                    <Typography.Paragraph type="secondary">{target?.label}</Typography.Paragraph>
                    <Flex gap={12}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() =>
                          setDrill({
                            indicator: f.key,
                            counted: true,
                            title: `${indicatorLabels[f.key]} — đã đạt`,
                          })
                        }
                      >
                        Xem {f.counted} cán bộ đã đạt
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() =>
                          setDrill({
                            indicator: f.key,
                            counted: false,
                            title: `${indicatorLabels[f.key]} — chưa đạt`,
                          })
                        }
                      >
                        Xem {f.serving - f.counted} cán bộ chưa đạt
                      </Button>
                    </Flex>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Table
            rowKey="agencyId"
            size="small"
            aria-label="Chỉ tiêu theo cơ quan"
            dataSource={figures.data.agencies}
            pagination={false}
            columns={[
              { title: 'Cơ quan, đơn vị', dataIndex: 'agencyName' },
              {
                title: 'Đang công tác',
                key: 'serving',
                align: 'right',
                render: (_, a) => a.figures[0]?.serving ?? 0,
              },
              {
                title: 'Tập huấn phần mềm DVC',
                key: 'trained',
                render: (_, a) =>
                  figureCell(
                    a.figures.find((f) => f.key === 'trained_online'),
                    { id: a.agencyId, name: a.agencyName },
                  ),
              },
              {
                title: 'Trình độ đại học trở lên',
                key: 'degree',
                render: (_, a) =>
                  figureCell(
                    a.figures.find((f) => f.key === 'university_degree'),
                    { id: a.agencyId, name: a.agencyName },
                  ),
              },
            ]}
          />
        </>
      ) : null}
      {drill ? (
        <Drawer open title={drill.title} onClose={() => setDrill(undefined)} size="large">
          <Table<DrillRow>
            rowKey="id"
            size="small"
            loading={drillRows.loading}
            dataSource={drillRows.data}
            pagination={{ pageSize: 50, showTotal: (n) => `${n} cán bộ` }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Cơ quan, đơn vị', dataIndex: 'agencyName' },
              { title: 'Chức vụ', dataIndex: 'position' },
              { title: 'Trình độ', dataIndex: 'degreeLevel', render: (v: DegreeLevel) => degreeLabels[v] },
            ]}
          />
        </Drawer>
      ) : null}
    </>
  );
}
