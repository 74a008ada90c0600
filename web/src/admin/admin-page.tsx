import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../common/page';
import { HolidaysAdmin } from './holidays-admin';
import { OrganizationsAdmin } from './organizations-admin';
import { UsersAdmin } from './users-admin';
import { VenuesAdmin } from './venues-admin';

const TABS = ['users', 'organizations', 'venues', 'holidays'] as const;
type Tab = (typeof TABS)[number];

/** Administration (admins only; at /administration because the server keeps /admin for Bull Board): users, organizations, venues and holidays. */
export default function AdminPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const current = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'users';
  const content: Record<Tab, React.ReactNode> = {
    users: <UsersAdmin />,
    organizations: <OrganizationsAdmin />,
    venues: <VenuesAdmin />,
    holidays: <HolidaysAdmin />,
  };
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        activeKey={current}
        onChange={(key) => setParams(key === 'users' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`tabs.${key}`), children: content[key] }))}
      />
    </>
  );
}
