import { serverPages } from '../common/pagination';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { errorText } from '../common/errors';
import { formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { EventStatusTag, eventWhen, useEventTitle } from './event-bits';
import { EventsImport } from './events-import';
import { useEvents, useVenueName, type EventStatus, type EventView } from './queries';
import { useNamingColumn } from '../common/naming-column';

const STATUSES: EventStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'completed'];
const PAGE_SIZE = 20;

/** Organizers: their organization's events. Planners and admins: every event. Paged on the server. */
export default function EventsPage() {
  const { t } = useTranslation('events');
  const naming = useNamingColumn(280);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const title = useEventTitle();
  const venueName = useVenueName();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const status = (params.get('status') ?? undefined) as EventStatus | undefined;
  const q = params.get('q') ?? undefined;
  const events = useEvents({ status, q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  // The export takes the list's filters (every page of them).
  const filters = new URLSearchParams(
    Object.entries({ status, q }).filter((e): e is [string, string] => !!e[1]),
  );
  const exportQuery = filters.size ? `?${filters}` : '';

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={user.role === 'organizer' ? t('myEvents') : t('allEvents')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={`/api/v1/events/export.csv${exportQuery}`}>
              {t('exportCsv')}
            </Button>
            {STAFF.includes(user.role) && <EventsImport />}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/events/new')}>
              {t('register')}
            </Button>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          defaultValue={q}
          allowClear
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
          style={{ maxWidth: 320 }}
        />
        <Select<EventStatus | ''>
          aria-label={t('filterStatus')}
          value={status ?? ''}
          onChange={(v) => update({ status: v || undefined, page: undefined })}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: t('anyStatus') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </Flex>
      {events.error && !events.data ? (
        <Typography.Text type="danger" role="alert">
          {errorText(events.error)}
        </Typography.Text>
      ) : (
        <Table<EventView>
          rowKey="id"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          pagination={serverPages({
            page,
            pageSize: PAGE_SIZE,
            total: events.data?.total ?? 0,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
          })}
          columns={[
            {
              ...naming,
              title: t('columns.title'),
              key: 'title',
              render: (_, e) => <Link to={`/events/${e.id}`}>{title(e)}</Link>,
            },
            { title: t('columns.venue'), key: 'venue', render: (_, e) => venueName(e.venue) },
            { title: t('columns.when'), key: 'when', render: (_, e) => eventWhen(e) },
            {
              title: t('columns.attendance'),
              key: 'attendance',
              align: 'right',
              render: (_, e) => formatInt(e.expectedAttendance),
            },
            ...(user.role === 'organizer'
              ? []
              : [
                  {
                    title: t('columns.organization'),
                    key: 'org',
                    render: (_: unknown, e: EventView) => e.organizationName,
                  },
                ]),
            {
              title: t('columns.status'),
              key: 'status',
              render: (_, e) => <EventStatusTag status={e.status} />,
            },
          ]}
        />
      )}
    </>
  );
}
