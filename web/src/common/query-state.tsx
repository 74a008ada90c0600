import { Alert, Button, Empty, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

interface Props<T> {
  query: { data: T | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
  /** Whether the loaded data counts as empty (shows the empty state). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry), empty and loaded states of one query, the same on every page. */
export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }} role="status" aria-live="polite">
        <Spin description={t('loading')} />
      </Flex>
    );
  }
  if (query.error || query.data === undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('errors.title')}
        description={errorText(query.error)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t('empty')} />}</>;
  return <>{children(query.data)}</>;
}
