import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../PageHeader';

const RegisterTab = lazy(() => import('./RegisterTab'));
const ExchangeTab = lazy(() => import('./ExchangeTab'));
const IsoTab = lazy(() => import('./IsoTab'));
const LegalReviewTab = lazy(() => import('./LegalReviewTab'));

const tabs = [
  { key: 'so-van-ban', label: 'Sổ văn bản đến, đi', Component: RegisterTab },
  { key: 'trao-doi-dien-tu', label: 'Tỷ lệ trao đổi điện tử', Component: ExchangeTab },
  { key: 'iso', label: 'ISO 9001:2015', Component: IsoTab },
  { key: 'ra-soat-vbqppl', label: 'Rà soát văn bản QPPL', Component: LegalReviewTab },
];

/** "Văn bản, ISO": the documents register, the electronic exchange share, ISO and the legal review. */
export default function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const active = tabs.some((t) => t.key === params.get('tab')) ? (params.get('tab') as string) : 'so-van-ban';
  return (
    <>
      <PageHeader title="Văn bản, ISO" />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={tabs.map(({ key, label, Component }) => ({
          key,
          label,
          children: (
            <Suspense fallback={<Loading />}>
              <Component />
            </Suspense>
          ),
        }))}
      />
    </>
  );
}
