import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from './text';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 64 }} role="status">
      <Spin size="large" description={t('loading')} />
    </Flex>
  );
}

/** A page's heading row: the one h1 of the page and its main actions. */
export function PageHeader({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <Heading style={{ fontSize: 22 }}>{title}</Heading>
        {extra && (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
