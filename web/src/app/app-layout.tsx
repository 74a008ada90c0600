import { GlobalOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Space, theme } from 'antd';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSignOut, type Session } from '../auth/session';
import { notify } from '../common/feedback';
import { LANGUAGES, type Language } from '../common/i18n/i18n';
import { useLanguage } from '../common/i18n/language';
import { PageLoading } from '../common/page';
import { Muted } from '../common/text';
import { activeNav, navFor } from './nav';

// The menu drawer is only used below the lg breakpoint: wide screens do not load it.
const Drawer = lazy(() => import('antd/es/drawer'));

/**
 * Language picker, shown in the header and on the sign-in page. A native select: two options do
 * not need antd's Select, which would otherwise be loaded by the sign-in route (about 15 KB).
 */
export function LanguageSelect() {
  const { t } = useTranslation('app');
  const { language, setLanguage } = useLanguage();
  const { token } = theme.useToken();
  return (
    <Space size={4}>
      <GlobalOutlined aria-hidden />
      <select
        aria-label={t('language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        style={{
          border: 'none',
          background: 'transparent',
          color: token.colorText,
          font: 'inherit',
          padding: '4px 0',
          cursor: 'pointer',
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </Space>
  );
}

/** The signed-in frame: navigation for the user's role, header with language and account. */
export function AppLayout({ session, children }: { session: Session; children: ReactNode }) {
  const { t } = useTranslation('app');
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { token } = theme.useToken();

  const items = navFor(session.user.role).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={() => setDrawer(false)}>
        {t(`nav.${item.label}`)}
      </Link>
    ),
  }));
  const selected = activeNav(location.pathname);
  const menu = (
    <nav aria-label={t('mainNavigation')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );

  const doSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => {
        notify('success', t('signedOut'));
        void navigate('/sign-in', { replace: true });
      },
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {wide && (
        <Layout.Sider
          width={216}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('productShort')}</span>
          </Link>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {!wide && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('openMenu')}
                onClick={() => setDrawer(true)}
              />
              <Link to="/" className="brand brand-inline">
                <span>{t('productShort')}</span>
              </Link>
            </>
          )}
          <div style={{ flex: 1 }} />
          <LanguageSelect />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <Muted>
                      {session.user.email ?? session.user.name} · {t(`roles.${session.user.role}`)}
                    </Muted>
                  ),
                },
                { type: 'divider' },
                { key: 'sign-out', icon: <LogoutOutlined />, label: t('signOut'), onClick: doSignOut },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} aria-label={t('account')}>
              {wide ? session.user.name : null}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: wide ? 24 : 12, outline: 'none' }}>
          <Suspense fallback={<PageLoading />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
      {!wide && (
        <Suspense fallback={null}>
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="left"
            size={260}
            title={t('product')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        </Suspense>
      )}
    </Layout>
  );
}
