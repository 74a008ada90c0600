import { Flex, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../common/api/client';
import { notify } from '../common/feedback';
import { QueryState } from '../common/query-state';
import { SESSION_KEY, useSession, type Session } from './session';

/** Renders its children for a signed-in user; otherwise goes to /sign-in keeping the target. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const client = useQueryClient();
  const { t } = useTranslation();
  const { t: tApp } = useTranslation('app');

  useEffect(
    () =>
      onUnauthorized(() => {
        if (client.getQueryData(SESSION_KEY)) notify('warning', tApp('sessionExpired'));
        client.setQueryData(SESSION_KEY, null);
      }),
    [client, tApp],
  );

  if (session.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('loading')} />
      </Flex>
    );
  }
  if (session.data === null) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <QueryState query={session}>{(s) => (s ? children(s) : null)}</QueryState>;
}
