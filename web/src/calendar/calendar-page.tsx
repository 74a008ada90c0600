import { LeftOutlined, LinkOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Grid,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import type { paths } from '../common/api/schema';
import { errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { PageHeader } from '../common/page';
import { useVenues } from '../events/queries';

type Item = Schemas['CalendarItemView'];
type Query = paths['/api/v1/calendar']['get']['parameters']['query'];
type Channel = NonNullable<Query['channel']>;
type Status = NonNullable<Query['status']>;
type View = 'month' | 'week';

const CHANNELS: Channel[] = [
  'media',
  'overseas',
  'festival',
  'sports_event',
  'regional',
  'online',
  'influencer',
  'high_speed_rail',
  'new_media_partnership',
  'travel_agency',
];
const STATUSES: Status[] = [
  'draft',
  'scheduled',
  'active',
  'completed',
  'cancelled',
  'submitted',
  'approved',
  'rejected',
];
const MAX_PER_DAY = 3;

/** Days shown for a view: whole weeks from Monday, covering the month or the one week. */
function period(view: View, anchor: Dayjs): { from: Dayjs; days: Dayjs[] } {
  const monday = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day');
  const from = view === 'week' ? monday(anchor) : monday(anchor.startOf('month'));
  const count = view === 'week' ? 7 : Math.ceil((anchor.endOf('month').diff(from, 'day') + 1) / 7) * 7;
  return { from, days: Array.from({ length: count }, (_, i) => from.add(i, 'day')) };
}

/** Month and week views of campaigns and events, filtered by venue, channel and status. */
export default function CalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const narrow = !(screens.md ?? true);
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const anchor = dayjs(params.get('date') ?? undefined).isValid()
    ? dayjs(params.get('date') ?? undefined)
    : dayjs();
  const venue = params.get('venue') ?? undefined;
  const channel = (params.get('channel') ?? undefined) as Channel | undefined;
  const status = (params.get('status') ?? undefined) as Status | undefined;
  const { from, days } = period(view, anchor);
  const to = days[days.length - 1];
  const filters = { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), venue, channel, status };
  const calendar = useQuery({
    queryKey: keys.calendar(filters),
    queryFn: () => ok(api.GET('/api/v1/calendar', { params: { query: filters } })),
    placeholderData: (previous) => previous,
  });
  const venues = useVenues();

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const move = (step: number) => set({ date: anchor.add(step, view).format('YYYY-MM-DD') });

  const byDay = useMemo(() => {
    const map = new Map<string, Item[]>();
    for (const item of calendar.data?.items ?? []) {
      for (let d = dayjs(item.startDate); !d.isAfter(dayjs(item.endDate), 'day'); d = d.add(1, 'day')) {
        const key = d.format('YYYY-MM-DD');
        if (key < filters.from || key > filters.to) continue;
        map.set(key, [...(map.get(key) ?? []), item]);
      }
    }
    return map;
  }, [calendar.data, filters.from, filters.to]);

  // An empty period says where the nearest items are (the grid stays, to plan on a day).
  const empty = calendar.data?.items.length === 0 ? calendar.data : null;
  const title = (item: Item) => (i18n.language === 'en' && item.titleEn ? item.titleEn : item.title);
  const heading =
    view === 'month'
      ? anchor.format(i18n.language === 'en' ? 'MMMM YYYY' : 'YYYY年M月')
      : t('range', { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });

  return (
    <>
      <PageHeader title={t('title')} extra={<FeedButton />} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<View>
          aria-label={t('view')}
          value={view}
          onChange={(v) => set({ view: v === 'month' ? undefined : v })}
          options={[
            { value: 'month', label: t('month') },
            { value: 'week', label: t('week') },
          ]}
        />
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('previous')} onClick={() => move(-1)} />
          <Button onClick={() => set({ date: undefined })}>{t('today')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('next')} onClick={() => move(1)} />
        </Space.Compact>
        <DatePicker
          picker={view === 'month' ? 'month' : 'week'}
          value={anchor}
          allowClear={false}
          aria-label={heading}
          onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') })}
        />
        <Typography.Text strong aria-live="polite" style={{ fontSize: 16 }}>
          {heading}
        </Typography.Text>
        {calendar.isFetching && <Spin size="small" />}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="group" aria-label={t('filters')}>
        <Select
          aria-label={t('venue')}
          value={venue ?? ''}
          onChange={(v) => set({ venue: v || undefined })}
          style={{ minWidth: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: '', label: t('anyVenue') },
            ...(venues.data?.items ?? []).map((v) => ({
              value: v.id,
              label: i18n.language === 'en' ? v.nameEn : v.nameZh,
            })),
          ]}
        />
        <Select
          aria-label={t('channel')}
          value={channel ?? ''}
          onChange={(v) => set({ channel: v || undefined })}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: t('anyChannel') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
          ]}
        />
        <Select
          aria-label={t('status')}
          value={status ?? ''}
          onChange={(v) => set({ status: v || undefined })}
          style={{ minWidth: 140 }}
          options={[
            { value: '', label: t('anyStatus') },
            ...STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
        />
      </Flex>
      {empty && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('empty')}
          description={empty.earlier || empty.later ? undefined : t('nothingAtAll')}
          action={
            <Space wrap>
              {empty.earlier && (
                <Button size="small" icon={<LeftOutlined />} onClick={() => set({ date: empty.earlier! })}>
                  {t('earlier', { date: empty.earlier })}
                </Button>
              )}
              {empty.later && (
                <Button size="small" onClick={() => set({ date: empty.later! })}>
                  {t('later', { date: empty.later })} <RightOutlined />
                </Button>
              )}
            </Space>
          }
        />
      )}
      {calendar.error && !calendar.data ? (
        <Alert
          type="error"
          showIcon
          title={errorText(calendar.error)}
          action={<Button onClick={() => void calendar.refetch()}>{tc('retry')}</Button>}
        />
      ) : calendar.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : narrow ? (
        <Agenda days={days.filter((d) => byDay.has(d.format('YYYY-MM-DD')))} byDay={byDay} title={title} />
      ) : (
        <MonthGrid days={days} anchor={anchor} view={view} byDay={byDay} title={title} />
      )}
    </>
  );
}

function ItemLink({ item, title }: { item: Item; title: (i: Item) => string }) {
  const { t } = useTranslation('calendar');
  const href = item.kind === 'event' ? `/events/${item.id}` : `/campaigns/${item.id}`;
  const color = item.kind === 'event' ? '#0958d9' : '#722ed1';
  return (
    <Link
      to={href}
      className="calendar-item"
      style={{ borderInlineStartColor: color }}
      title={`${t(`kind.${item.kind}`)} · ${title(item)} · ${item.allDay ? t('allDay') : formatDateTime(item.startsAt)}`}
    >
      <span className="calendar-item-kind" style={{ color }}>
        {t(`kind.${item.kind}`)}
      </span>{' '}
      {title(item)}
    </Link>
  );
}

function MonthGrid({
  days,
  anchor,
  view,
  byDay,
  title,
}: {
  days: Dayjs[];
  anchor: Dayjs;
  view: View;
  byDay: Map<string, Item[]>;
  title: (i: Item) => string;
}) {
  const { t } = useTranslation('calendar');
  // Planners and admins plan from a date: the campaign form starts on the day chosen.
  const planner = STAFF.includes(useCurrentUser().role);
  const [expanded, setExpanded] = useState<string | null>(null);
  const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="calendar-grid">
        <thead>
          <tr>
            {days.slice(0, 7).map((d) => (
              <th key={d.day()} scope="col">
                {d.format('dd')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].format('YYYY-MM-DD')}>
              {week.map((d) => {
                const key = d.format('YYYY-MM-DD');
                const items = byDay.get(key) ?? [];
                const all = expanded === key || view === 'week';
                const shown = all ? items : items.slice(0, MAX_PER_DAY);
                const outside = view === 'month' && d.month() !== anchor.month();
                return (
                  <td
                    key={key}
                    className={outside ? 'outside' : undefined}
                    style={{ height: view === 'week' ? 240 : 110 }}
                  >
                    <div className={key === today ? 'calendar-day today' : 'calendar-day'}>
                      <time dateTime={key}>{view === 'week' ? d.format('MM-DD') : d.date()}</time>
                      {planner && (
                        <Link
                          to={`/campaigns/new?startDate=${key}`}
                          className="calendar-new"
                          aria-label={t('newCampaignOn', { date: key })}
                          title={t('newCampaignOn', { date: key })}
                        >
                          <PlusOutlined aria-hidden />
                        </Link>
                      )}
                    </div>
                    <Flex vertical gap={2}>
                      {shown.map((item) => (
                        <ItemLink key={`${item.kind}-${item.id}`} item={item} title={title} />
                      ))}
                      {!all && items.length > MAX_PER_DAY && (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0, height: 'auto' }}
                          onClick={() => setExpanded(key)}
                        >
                          {t('more', { count: items.length - MAX_PER_DAY })}
                        </Button>
                      )}
                    </Flex>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phones: the days that have something, one under the other. */
function Agenda({
  days,
  byDay,
  title,
}: {
  days: Dayjs[];
  byDay: Map<string, Item[]>;
  title: (i: Item) => string;
}) {
  const { t } = useTranslation('calendar');
  return (
    <Flex vertical gap={12}>
      {days.map((d) => (
        <section key={d.format('YYYY-MM-DD')} aria-label={t('itemsOn', { date: d.format('YYYY-MM-DD') })}>
          <Typography.Text strong>{d.format('YYYY-MM-DD dd')}</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((item) => (
              <ItemLink key={`${item.kind}-${item.id}`} item={item} title={title} />
            ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}

/** Makes (or remakes) the user's private iCalendar feed and copies its URL. */
function FeedButton() {
  const { t } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const [url, setUrl] = useState<Schemas['CalendarTokenView'] | null>(null);
  const issue = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/me/calendar-token')),
    onSuccess: async (feed) => {
      setUrl(feed);
      try {
        await navigator.clipboard.writeText(feed.feedUrl);
        notify('success', t('feed.copied'));
      } catch {
        notify('info', tc('copyFailed', { text: feed.feedUrl }));
      }
    },
    onError: (error) => notify('error', errorText(error)),
  });
  return (
    <>
      <Button icon={<LinkOutlined />} loading={issue.isPending} onClick={() => issue.mutate()}>
        {t('feed.button')}
      </Button>
      <Modal
        open={url !== null}
        title={t('feed.title')}
        onCancel={() => setUrl(null)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('feed.intro')}</Typography.Paragraph>
        <label htmlFor="calendar-feed-url">{t('feed.url')}</label>
        <Input id="calendar-feed-url" readOnly value={url?.feedUrl} onFocus={(e) => e.target.select()} />
        {url && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            <a href={url.webcalUrl}>{t('feed.webcal')}</a>
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
