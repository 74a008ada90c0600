import { serverPages } from '../common/pagination';
import { Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../common/query-state';
import { formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { EventActions } from './event-actions';
import { WarningList, eventWhen, useEventTitle } from './event-bits';
import { useEventChecks, useEvents, useVenueName, type EventView } from './queries';

const PAGE_SIZE = 10;

/** Planners: submitted events with their warnings; approve, reject, or approve with an override. */
export default function ApprovalsPage() {
  const { t } = useTranslation('events');
  const [page, setPage] = useState(1);
  const events = useEvents({ status: 'submitted', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader title={t('approvals.title')}>
        <Typography.Text type="secondary">{t('approvals.subtitle')}</Typography.Text>
      </PageHeader>
      <QueryState
        query={events}
        isEmpty={(p) => p.total === 0}
        empty={<Empty description={t('approvals.empty')} />}
      >
        {(data) => (
          <List<EventView>
            dataSource={data.items}
            pagination={
              data.total > PAGE_SIZE
                ? serverPages({ page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage })
                : false
            }
            renderItem={(event) => (
              <List.Item style={{ padding: 0, border: 0, marginBottom: 16 }}>
                <QueueItem event={event} />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </>
  );
}

function QueueItem({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const title = useEventTitle();
  const venueName = useVenueName();
  const checks = useEventChecks(event.id);
  return (
    <Card
      style={{ width: '100%' }}
      role="region"
      aria-label={title(event)}
      title={
        <h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          <Link to={`/events/${event.id}`}>{title(event)}</Link>
        </h2>
      }
      extra={
        checks.data && checks.data.length > 0 ? (
          <Tag color={checks.data.some((w) => w.requiresOverride) ? 'error' : 'warning'}>
            {t('approvals.warnings')}: {checks.data.length}
          </Tag>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          {event.organizationName} · {venueName(event.venue)} · {eventWhen(event)} · {t('detail.attendance')}{' '}
          {formatInt(event.expectedAttendance)}
        </Typography.Text>
        {checks.isPending ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : checks.data && checks.data.length > 0 ? (
          <WarningList warnings={checks.data} startsAt={event.startsAt} />
        ) : (
          <Typography.Text type="secondary">
            {t('approvals.warnings')}: {t('approvals.none')}
          </Typography.Text>
        )}
        <Flex wrap gap={8}>
          <EventActions event={event} warnings={checks.data} compact />
        </Flex>
      </Flex>
    </Card>
  );
}
