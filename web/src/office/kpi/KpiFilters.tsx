import { DatePicker, Form, Select, Switch, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { filterByLabel } from '../../format';
import { isCurrentUnit } from '../../portal/results/kpiFormat';
import type { FigureParams, UnitNode } from '../../portal/results/kpiTypes';
import type { Agency, FieldCount } from '../../types';
import { useApi } from '../../useApi';
import { ProcedureSearch } from '../dossiers/ProcedureSearch';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** The unit tree as TreeSelect data: today's units only in the current view, every unit in the historical one. */
function unitTreeData(nodes: UnitNode[], historical: boolean): TreeOption[] {
  return nodes
    .filter((u) => historical || isCurrentUnit(u))
    .map((u) => ({ value: u.id, title: u.name, children: unitTreeData(u.children ?? [], historical) }));
}

/** The dashboard's filters; every change goes to `onChange` (the page keeps them in the address). */
export function KpiFilters({
  value,
  onChange,
}: {
  value: FigureParams;
  onChange: (changes: Partial<FigureParams>) => void;
}) {
  const units = useApi<UnitNode[]>('/api/units', { shared: true });
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const fields = useApi<FieldCount[]>('/api/procedures/fields', { shared: true });
  const historical = value.view === 'historical';
  const treeData = useMemo(() => unitTreeData(units.data ?? [], historical), [units.data, historical]);

  return (
    <Form layout="vertical" className="kpi-office-filters" component="div">
      <Form.Item label="Đơn vị hành chính" htmlFor="kpi-f-unit">
        <TreeSelect
          id="kpi-f-unit"
          value={value.unit}
          treeData={treeData}
          placeholder="Toàn hệ thống"
          allowClear
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          loading={units.loading}
          onChange={(unit) => onChange({ unit: unit || undefined })}
        />
      </Form.Item>
      <Form.Item
        label="Theo địa giới tại thời điểm đó"
        htmlFor="kpi-f-view"
        extra={
          historical ? 'Tổ chức đơn vị tại thời điểm phát sinh hồ sơ.' : 'Đơn vị cũ cộng vào đơn vị hiện nay.'
        }
      >
        <Switch
          id="kpi-f-view"
          checked={historical}
          onChange={(on) =>
            onChange({ view: on ? 'historical' : 'current', ...(on ? {} : { unit: undefined }) })
          }
        />
      </Form.Item>
      <Form.Item label="Kỳ (từ tháng – đến tháng)" htmlFor="kpi-f-period">
        <DatePicker.RangePicker
          id={{ start: 'kpi-f-period' }}
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={[dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)]}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          placeholder={['Từ tháng', 'Đến tháng']}
          onChange={(range) => {
            if (range?.[0] && range[1])
              onChange({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') });
          }}
        />
      </Form.Item>
      <Form.Item label="Cơ quan" htmlFor="kpi-f-agency">
        <Select
          id="kpi-f-agency"
          value={value.agency}
          allowClear
          placeholder="Tất cả cơ quan"
          loading={agencies.loading}
          showSearch={{ filterOption: filterByLabel }}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.unitName})` }))}
          onChange={(agency) => onChange({ agency })}
        />
      </Form.Item>
      <Form.Item label="Lĩnh vực" htmlFor="kpi-f-field">
        <Select
          id="kpi-f-field"
          value={value.field}
          allowClear
          placeholder="Tất cả lĩnh vực"
          loading={fields.loading}
          showSearch={{ filterOption: filterByLabel }}
          options={(fields.data ?? []).map((f) => ({ value: f.field, label: f.field }))}
          onChange={(field) => onChange({ field })}
        />
      </Form.Item>
      <Form.Item label="Thủ tục" htmlFor="kpi-f-procedure">
        <ProcedureSearch
          id="kpi-f-procedure"
          value={value.procedure}
          onChange={(procedure) => onChange({ procedure })}
        />
      </Form.Item>
    </Form>
  );
}
