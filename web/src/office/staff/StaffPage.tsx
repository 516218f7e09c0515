import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../PageHeader';
import { CoursesTab } from './CoursesTab';
import { IndicatorsTab } from './IndicatorsTab';
import { OfficialsTab } from './OfficialsTab';

const tabs = ['can-bo', 'dao-tao', 'chi-tieu'] as const;

/** "Cán bộ, đào tạo": the officials register, training courses and the plan's staff targets. */
export default function StaffPage() {
  const [params, setParams] = useSearchParams();
  const active = tabs.find((t) => t === params.get('tab')) ?? 'can-bo';
  return (
    <>
      <PageHeader title="Cán bộ, đào tạo" />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'can-bo', label: 'Danh sách cán bộ', children: <OfficialsTab /> },
          { key: 'dao-tao', label: 'Đào tạo, bồi dưỡng', children: <CoursesTab /> },
          { key: 'chi-tieu', label: 'Chỉ tiêu kế hoạch', children: <IndicatorsTab /> },
        ]}
      />
    </>
  );
}
