import { Col, Form, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { agencyLabel, filterByLabel } from '../format';
import { levelLabels, onlineModeLabels, optionsOf } from '../labels';
import type { Agency, FieldCount } from '../types';
import { useApi } from '../useApi';

export interface CatalogFilterValues {
  field: string;
  level: string;
  online: string;
  agency: string;
}

const levelOptions = optionsOf(levelLabels);
const onlineOptions = optionsOf(onlineModeLabels);

/** Lĩnh vực, Cấp thực hiện, Hình thức trực tuyến and Cơ quan thực hiện selects. */
export function CatalogFilters({
  values,
  onChange,
}: {
  values: CatalogFilterValues;
  onChange: (name: keyof CatalogFilterValues, value: string) => void;
}) {
  const fields = useApi<FieldCount[]>('/api/procedures/fields', { shared: true });
  const agencies = useApi<Agency[]>(`/api/agencies?at=${dayjs().format('YYYY-MM-DD')}`, { shared: true });

  const fieldOptions = (fields.data ?? []).map((item) => ({
    value: item.field,
    label: `${item.field} (${item.count})`,
  }));
  const agencyOptions = (agencies.data ?? []).map((agency) => ({
    value: agency.id,
    label: agencyLabel(agency),
  }));

  const select = (
    name: keyof CatalogFilterValues,
    label: string,
    options: { value: string; label: string }[],
    loading = false,
  ) => (
    <Col xs={12} lg={6}>
      <Form.Item label={label} htmlFor={`filter-${name}`} style={{ marginBottom: 8 }}>
        <Select
          id={`filter-${name}`}
          value={values[name] || undefined}
          onChange={(value?: string) => onChange(name, value ?? '')}
          options={options}
          allowClear
          loading={loading}
          placeholder="Tất cả"
          showSearch={{ filterOption: filterByLabel }}
          notFoundContent="Không có lựa chọn phù hợp"
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </Col>
  );

  return (
    <Form layout="vertical" component="div" size="middle">
      <Row gutter={[8, 0]}>
        {select('field', 'Lĩnh vực', fieldOptions, fields.loading)}
        {select('level', 'Cấp thực hiện', levelOptions)}
        {select('online', 'Hình thức trực tuyến', onlineOptions)}
        {select('agency', 'Cơ quan thực hiện', agencyOptions, agencies.loading)}
      </Row>
    </Form>
  );
}
