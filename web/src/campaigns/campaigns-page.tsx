import { serverPages } from '../common/pagination';
import { useCurrentUser } from '../auth/session';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { formatDate, formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import {
  CHANNELS,
  STATUS_COLOR,
  STATUSES,
  useCampaignList,
  type Campaign,
  type CampaignStatus,
  type Channel,
} from './campaign-api';
import { useNamingColumn } from '../common/naming-column';

const PAGE_SIZE = 20;

function yearOptions(): number[] {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now + 1; y >= 2019; y--) years.push(y);
  return years;
}

/** Filterable, searchable list of campaigns, paginated on the server; filters live in the URL. */
export default function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const naming = useNamingColumn(260);
  const staff = STAFF.includes(useCurrentUser().role);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const q = params.get('q') ?? '';
  const channel = (params.get('channel') as Channel | null) ?? undefined;
  const status = (params.get('status') as CampaignStatus | null) ?? undefined;
  const year = Number(params.get('year')) || undefined;

  const list = useCampaignList({
    q,
    channel,
    status,
    year,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const any = t('filters.any');
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href="/api/v1/campaigns/export.csv">
              {t('exportCsv')}
            </Button>
            {staff && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/campaigns/new')}>
                {t('newCampaign')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('search')}
          aria-label={t('search')}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
        />
        <Select<Channel | ''>
          aria-label={t('filters.channel')}
          value={channel ?? ''}
          onChange={(v) => update({ channel: v || undefined })}
          style={{ minWidth: 150 }}
          options={[
            { value: '', label: `${t('filters.channel')}: ${any}` },
            ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
          ]}
        />
        <Select<CampaignStatus | ''>
          aria-label={t('filters.status')}
          value={status ?? ''}
          onChange={(v) => update({ status: v || undefined })}
          style={{ minWidth: 130 }}
          options={[
            { value: '', label: `${t('filters.status')}: ${any}` },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select<number>
          aria-label={t('filters.year')}
          value={year ?? 0}
          onChange={(v) => update({ year: v || undefined })}
          style={{ minWidth: 110 }}
          options={[
            { value: 0, label: `${t('filters.year')}: ${any}` },
            ...yearOptions().map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<Campaign>
            rowKey="id"
            size="middle"
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty description={t('none')} /> }}
            pagination={serverPages({
              page,
              pageSize: PAGE_SIZE,
              total: data.total,
              showTotal: (count) => t('total', { count }),
              onChange: (p) => update({ page: p }),
            })}
            columns={[
              {
                ...naming,
                title: t('columns.name'),
                dataIndex: 'name',
                render: (name: string, c) => <Link to={`/campaigns/${c.id}`}>{name}</Link>,
              },
              {
                title: t('columns.channel'),
                dataIndex: 'channel',
                width: 130,
                render: (c: Channel) => t(`channel.${c}`),
              },
              {
                title: t('columns.period'),
                key: 'period',
                width: 200,
                render: (_, c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`,
              },
              {
                title: t('columns.budget'),
                dataIndex: 'budgetYuan',
                align: 'right',
                width: 130,
                render: (v: number) => formatInt(v),
              },
              {
                title: t('columns.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: CampaignStatus) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
              },
              { title: t('columns.unit'), dataIndex: 'responsibleUnit', responsive: ['lg'] },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
