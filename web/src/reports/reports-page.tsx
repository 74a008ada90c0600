import { useCurrentUser } from '../auth/session';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { PageHeader } from '../common/page';
import { DeliveryLog } from './delivery-log';
import { ReportPreview } from './report-preview';
import { Subscriptions } from './subscriptions';

/** Weekly report: preview (admins, planners, viewers); subscriptions and delivery log (staff). */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const staff = STAFF.includes(useCurrentUser().role);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'preview';
  const items = [
    { key: 'preview', label: t('tabs.preview'), children: <ReportPreview /> },
    ...(staff
      ? [
          { key: 'subscriptions', label: t('tabs.subscriptions'), children: <Subscriptions /> },
          { key: 'deliveries', label: t('tabs.deliveries'), children: <DeliveryLog /> },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        activeKey={items.some((i) => i.key === tab) ? tab : 'preview'}
        onChange={(key) => setParams(key === 'preview' ? {} : { tab: key }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </>
  );
}
