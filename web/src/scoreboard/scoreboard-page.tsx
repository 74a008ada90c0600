import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Grid, Select, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatInt, formatPercent } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import {
  GROUPS,
  useScoreboard,
  type GroupBy,
  type Leader,
  type ScoreRow,
  type UnmeasuredCode,
} from './scoreboard-api';

function yearOptions(): number[] {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now + 1; y >= 2019; y--) years.push(y);
  return years;
}

const money = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined
    ? '—'
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(n);

/** Ranks with ties: the same rank shared by several rows reads "tied N". */
function rankText(
  rank: number | null | undefined,
  all: (number | null | undefined)[],
  tie: (r: number) => string,
) {
  if (rank === null || rank === undefined) return '—';
  return all.filter((r) => r === rank).length > 1 ? tie(rank) : String(rank);
}

/** The scoreboard: year, grouping in the URL; ranked rows, unmeasured items apart, CSV export. */
export default function ScoreboardPage() {
  const { t } = useTranslation('scoreboard');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || 2022;
  const by = (GROUPS as string[]).includes(params.get('by') ?? '') ? (params.get('by') as GroupBy) : 'unit';
  const board = useScoreboard(year, by);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Select<number>
              aria-label={t('year')}
              value={year}
              onChange={(v) => set('year', String(v))}
              style={{ minWidth: 100 }}
              options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
            />
            <Button icon={<DownloadOutlined />} href={`/api/v1/scoreboard/export.csv?year=${year}&by=${by}`}>
              {t('exportCsv')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={by}
        onChange={(k) => set('by', k)}
        items={GROUPS.map((g) => ({ key: g, label: t(`by.${g}`) }))}
      />
      <QueryState
        query={board}
        isEmpty={(b) => b.rows.length === 0}
        empty={<Empty description={t('none')} />}
      >
        {(b) => <Board rows={b.rows} by={b.by} leader={b.leader} today={b.today} />}
      </QueryState>
    </>
  );
}

/** The API's caveats, in the console's language (the API words them in English, for the CSV and scripts). */
const CAVEATS = ['method', 'noEffect', 'spend', 'discipline'] as const;

function Board({
  rows,
  by,
  leader,
  today,
}: {
  rows: ScoreRow[];
  by: GroupBy;
  leader: Leader | null | undefined;
  today: string;
}) {
  const { t } = useTranslation('scoreboard');
  const { t: tc } = useTranslation('campaigns');
  const label = (r: { key: string; label: string }) =>
    by === 'channel' ? tc(`channel.${r.key}`, { defaultValue: r.label }) : r.label;
  const ranks = rows.map((r) => r.ranks.yuanPerMeasuredVisitor);
  // On a phone the rank and the name stay in view, narrower, while the figures scroll beside them.
  const narrow = !Grid.useBreakpoint().sm;
  const wrapper = useRef<HTMLDivElement>(null);
  // A table wider than the screen (a phone) scrolls sideways: its scrolling area takes the keyboard
  // focus to scroll with arrows.
  useEffect(() => {
    wrapper.current?.querySelectorAll('.ant-table-content').forEach((el) => {
      el.setAttribute('tabindex', '0');
      el.setAttribute('aria-label', t('title'));
    });
  });
  const unranked = rows.filter((r) => r.yuanPerMeasuredVisitor === null).length;
  const unmeasured = rows.flatMap((r) => r.unmeasured.list.map((item) => ({ ...item, group: label(r) })));
  return (
    <Flex vertical gap={16} ref={wrapper}>
      {leader && (
        <Alert
          type="success"
          showIcon
          title={t(by === 'channel' ? 'leader' : 'leaderGroup', {
            label: label(leader),
            cost: money(leader.yuanPerMeasuredVisitor),
          })}
        />
      )}
      <Table<ScoreRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        rowClassName={(r) => (leader && r.key === leader.key ? 'score-leader' : '')}
        columns={[
          {
            title: t('columns.rank'),
            key: 'rank',
            width: narrow ? 52 : 56,
            fixed: 'left',
            render: (_, r) =>
              rankText(r.ranks.yuanPerMeasuredVisitor, ranks, (n) => t('rankTie', { rank: n })),
          },
          {
            title: t('columns.label'),
            key: 'label',
            width: narrow ? 124 : 185,
            fixed: 'left',
            render: (_, r) => (
              <Flex vertical gap={2}>
                <span>
                  {label(r)}{' '}
                  {leader && r.key === leader.key && (
                    // green-8 text: the preset's green-7 on green-1 is 3.4:1, below WCAG AA (axe flags it).
                    <Tag color="green" style={{ color: '#237804' }}>
                      {t('leaderTag')}
                    </Tag>
                  )}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('itemCounts', { campaigns: r.campaigns, events: r.events })}
                </Typography.Text>
                {r.notRankedCode && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('notRanked', { reason: t(`notRankedCode.${r.notRankedCode}`) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('columns.money'),
            key: 'money',
            align: 'right',
            width: 150,
            render: (_, r) => (
              <Flex vertical gap={2} align="end">
                <span>
                  {formatInt(r.spentYuan)} / {formatInt(r.budgetYuan)}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('moneyDetail', {
                    allocated: formatInt(r.allocatedYuan),
                    utilisation: formatPercent(r.utilisation),
                  })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('columns.visitors'),
            key: 'visitors',
            align: 'right',
            width: 120,
            render: (_, r) => (
              <Tooltip title={t('measuredItems', r.measured)}>
                <Flex vertical gap={2} align="end">
                  <strong>{formatInt(r.measured.visitors)}</strong>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('expectedFigure', { value: formatInt(r.expected.visitors) })}
                  </Typography.Text>
                </Flex>
              </Tooltip>
            ),
          },
          {
            title: t('columns.revenue'),
            key: 'revenue',
            align: 'right',
            width: 120,
            render: (_, r) => (
              <Flex vertical gap={2} align="end">
                <strong>{formatInt(r.measured.revenueYuan)}</strong>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('expectedFigure', { value: formatInt(r.expected.revenueYuan) })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('columns.yuanPerVisitor'),
            dataIndex: 'yuanPerMeasuredVisitor',
            width: 100,
            align: 'right',
            render: (v: number | null) => money(v),
          },
          {
            title: t('columns.revenuePerYuan'),
            dataIndex: 'measuredRevenuePerYuan',
            width: 90,
            align: 'right',
            render: (v: number | null, r) => (
              <span>
                {money(v, 2)}
                {r.ranks.measuredRevenuePerYuan ? ` (#${r.ranks.measuredRevenuePerYuan})` : ''}
              </span>
            ),
          },
          {
            title: t('columns.discipline'),
            key: 'discipline',
            width: 80,
            align: 'right',
            render: (_, r) => (
              <Tooltip
                title={`${r.discipline.campaignsOnTime}/${r.discipline.campaignsDue} · ${r.discipline.eventsCompleted}/${r.discipline.eventsDue}`}
              >
                <span>
                  {formatPercent(r.discipline.rate)}
                  {r.ranks.discipline ? ` (#${r.ranks.discipline})` : ''}
                </span>
              </Tooltip>
            ),
          },
          {
            title: t('columns.unmeasured'),
            key: 'unmeasured',
            width: 115,
            render: (_, r) =>
              r.unmeasured.items
                ? t('unmeasuredItems', {
                    count: r.unmeasured.items,
                    spend: formatInt(r.unmeasured.spendYuan),
                  })
                : '—',
          },
        ]}
      />
      <section aria-labelledby="unmeasured-title">
        <Typography.Title level={2} id="unmeasured-title" style={{ fontSize: 16 }}>
          {t('unmeasuredTitle')}
        </Typography.Title>
        <Table
          rowKey="id"
          size="small"
          dataSource={unmeasured}
          pagination={unmeasured.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description={t('unmeasuredNone')} /> }}
          columns={[
            {
              title: t('columns.label'),
              dataIndex: 'name',
              render: (name: string, item) => (
                <Link to={`/${item.kind === 'campaign' ? 'campaigns' : 'events'}/${item.id}`}>{name}</Link>
              ),
            },
            { title: '', dataIndex: 'kind', width: 100, render: (k: 'campaign' | 'event') => t(`kind.${k}`) },
            { title: t(`by.${by}`), dataIndex: 'group', width: 180 },
            {
              title: t('columns.unmeasured'),
              dataIndex: 'verdict',
              width: 140,
              render: (v: 'not_measurable' | 'pending' | 'measured' | 'no_effect_detectable') =>
                t(`verdict.${v}`),
            },
            {
              title: t('reason'),
              dataIndex: 'reasonCode',
              render: (code: UnmeasuredCode) => t(`reasonCode.${code}`),
            },
          ]}
        />
      </section>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('today', { date: today })} {CAVEATS.map((c) => t(`caveat.${c}`)).join(' ')}
        {unranked > 0 && ` ${t('caveat.unranked', { count: unranked, total: rows.length })}`}
      </Typography.Paragraph>
    </Flex>
  );
}
