import { localPages } from '../common/pagination';
import { useCurrentUser } from '../auth/session';
import { ArrowLeftOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Row,
  Segmented,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { STAFF } from '../app/routes';
import type { Schemas } from '../common/api/client';
import { ProjectionChart } from '../common/charts/projection-chart';
import { DeleteAndLeave } from '../common/delete-and-leave';
import { errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatCompact, formatDate, formatDateTime, formatInt, formatPercent } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { ActualsUpload } from './actuals-upload';
import {
  useActualSeries,
  useDeleteTarget,
  useRebuild,
  useTarget,
  useTargetPath,
  useTargetProgress,
  useTargetProjection,
  type Granularity,
  type Target,
} from './target-api';
import { ProjectionHistory } from './projection-history';
import { TargetForm } from './target-form';
import { useTargetTitle } from './target-title';
import { PROJECTION_STATUS_COLOR } from './projection-status';

const EChart = lazy(() => import('../common/charts/echart'));

/** One target: summary, path/actuals/projection chart, contributions and the actual series. */
export default function TargetPage() {
  const { id = '' } = useParams();
  const target = useTarget(id);
  return <QueryState query={target}>{(tg) => <TargetDetail target={tg} />}</QueryState>;
}

function TargetDetail({ target }: { target: Target }) {
  const { t } = useTranslation('targets');
  const { t: to } = useTranslation('overview');
  const staff = STAFF.includes(useCurrentUser().role);
  const navigate = useNavigate();
  const title = useTargetTitle()(target);
  const progress = useTargetProgress(target.id);
  const projection = useTargetProjection(target.id, progress.data?.stale);
  const path = useTargetPath(target.id);
  const rebuild = useRebuild(target.id);
  const remove = useDeleteTarget();
  const [editing, setEditing] = useState(false);
  const snapshot = projection.data?.snapshot ?? null;
  const stale = progress.data?.stale || projection.data?.stale;
  const p = progress.data;

  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/targets')}>
              {t('back')}
            </Button>
            {staff && (
              <Button
                icon={<SyncOutlined />}
                loading={rebuild.isPending}
                onClick={() =>
                  rebuild.mutate(undefined, {
                    onSuccess: () => notify('info', t('rebuildQueued')),
                    onError: (e) => notify('error', errorText(e)),
                  })
                }
              >
                {t('rebuild')}
              </Button>
            )}
            {staff && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('form.edit')}
                </Button>
                <DeleteAndLeave
                  label={t('form.delete')}
                  confirm={t('form.deleteConfirm')}
                  done={t('form.deleted')}
                  to="/targets"
                  remove={() => remove.mutateAsync(target.id)}
                />
              </>
            )}
          </>
        }
      >
        {p?.status && (
          <Tag color={PROJECTION_STATUS_COLOR[p.status]} style={{ marginTop: 8 }}>
            {to(`status.${p.status}`)}
          </Tag>
        )}
      </PageHeader>
      <Flex vertical gap={16}>
        {stale && (
          <Alert
            type="info"
            showIcon
            icon={<SyncOutlined spin />}
            role="status"
            title={to('stale')}
            description={p?.dirtySince ? to('staleSince', { time: formatDateTime(p.dirtySince) }) : undefined}
          />
        )}
        <Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <Statistic title={t('summary.targetTotal')} value={formatCompact(target.targetTotal)} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('summary.actualToDate')} value={formatCompact(p?.actualToDate)} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('summary.pathToDate')} value={formatCompact(p?.pathToDate)} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('summary.projected')} value={formatCompact(p?.projected?.median)} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('summary.probability')} value={formatPercent(p?.probability, 0)} />
            </Col>
          </Row>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('columns.growth')}>
              {formatPercent(target.growthRate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('columns.baseline')}>{target.baselineYear}</Descriptions.Item>
            <Descriptions.Item label={t('columns.source')}>
              {t(`totalSource.${target.totalSource}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('summary.asOf')}>{formatDate(p?.asOf)}</Descriptions.Item>
            <Descriptions.Item label={t('summary.computedAt')}>
              {formatDateTime(p?.computedAt)}
            </Descriptions.Item>
            {snapshot && <Descriptions.Item label={t('summary.model')}>{snapshot.model}</Descriptions.Item>}
            {path.data && (
              <Descriptions.Item label={t('pathShape')} span="filled">
                {path.data.shapeNote}
              </Descriptions.Item>
            )}
            {target.note && (
              <Descriptions.Item label={t('notes')} span="filled">
                {target.note}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('chartTitle')}</h2>}>
          <QueryState query={projection}>
            {(pr) =>
              pr.snapshot ? (
                <Flex vertical gap={8}>
                  <ProjectionChart
                    daily={pr.snapshot.daily}
                    asOf={pr.snapshot.asOf}
                    height={320}
                    label={to('chart.label', { title })}
                  />
                  {pr.snapshot.notes.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {pr.snapshot.notes.map((n) => (
                        <li key={n}>
                          <Typography.Text type="secondary">{n}</Typography.Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </Flex>
              ) : (
                <Alert type="warning" showIcon title={to('noProjection')} />
              )
            }
          </QueryState>
        </Card>
        {snapshot && <Contributions items={snapshot.contributions} total={snapshot.contributionsTotal} />}
        <ActualSeries target={target} />
        <ProjectionHistory targetId={target.id} latest={snapshot?.id} />
        {staff && <ActualsUpload />}
      </Flex>
      {editing && <TargetForm target={target} onClose={() => setEditing(false)} />}
    </>
  );
}

function Contributions({ items, total }: { items: Schemas['ContributionView'][]; total: number }) {
  const { t, i18n } = useTranslation('targets');
  const { t: to } = useTranslation('overview');
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('contributions.title')}</h2>}
      extra={
        items.length > 0 && (
          <Typography.Text type="secondary">
            {t('contributions.total', { total: formatInt(total) })}
          </Typography.Text>
        )
      }
    >
      <Table<Schemas['ContributionView']>
        rowKey={(c) => `${c.kind}:${c.id}`}
        size="small"
        scroll={{ x: 760 }}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('contributions.none')} /> }}
        pagination={localPages(items.length, 10)}
        columns={[
          {
            title: t('contributions.name'),
            key: 'name',
            render: (_, c) => (i18n.language === 'en' && c.nameEn ? c.nameEn : c.name),
          },
          {
            title: t('contributions.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (k: 'event' | 'campaign') => <Tag>{to(`contributionKind.${k}`)}</Tag>,
          },
          {
            title: t('contributions.period'),
            key: 'period',
            width: 190,
            render: (_, c) => `${c.from} – ${c.to}`,
          },
          { title: t('contributions.expected'), dataIndex: 'expected', align: 'right', render: formatInt },
          { title: t('contributions.realised'), dataIndex: 'realised', align: 'right', render: formatInt },
          { title: t('contributions.remaining'), dataIndex: 'remaining', align: 'right', render: formatInt },
          { title: t('contributions.actual'), dataIndex: 'actual', align: 'right', render: formatInt },
          { title: t('contributions.basis'), dataIndex: 'basis', responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}

function ActualSeries({ target }: { target: Target }) {
  const { t } = useTranslation('targets');
  const [granularity, setGranularity] = useState<Granularity>('week');
  const yearStart = dayjs(`${target.year}-01-01`);
  const yearEnd = dayjs(`${target.year}-12-31`);
  const today = dayjs();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([yearStart, today.isBefore(yearEnd) ? today : yearEnd]);
  const series = useActualSeries({
    metric: target.metric,
    venueId: target.venueId ?? undefined,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    granularity,
  });
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: series.data?.points.map((p) => p.period) ?? [] },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v) } },
      series: [
        {
          type: 'line',
          name: t('series.value'),
          areaStyle: { opacity: 0.15 },
          symbol: granularity === 'day' ? 'none' : 'circle',
          data: series.data?.points.map((p) => p.value ?? null) ?? [],
        },
      ],
    }),
    [series.data, granularity, t],
  );

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('series.title')}</h2>}
      extra={
        <Segmented<Granularity>
          aria-label={t('series.granularity')}
          value={granularity}
          onChange={setGranularity}
          options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`series.${g}`) }))}
        />
      }
    >
      <Flex vertical gap={12}>
        <DatePicker.RangePicker
          aria-label={t('series.range')}
          value={range}
          allowClear={false}
          minDate={yearStart.subtract(1, 'year')}
          maxDate={yearEnd}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          style={{ maxWidth: 320 }}
        />
        <QueryState query={series}>
          {(s) => (
            <>
              <Typography.Text type="secondary">
                {t('series.total', { total: formatInt(s.total), last: formatDate(s.lastDate) })}
              </Typography.Text>
              <Suspense fallback={null}>
                <EChart option={option} height={220} label={t('series.chartLabel')} />
              </Suspense>
              <Table<Schemas['ActualPointView']>
                rowKey="period"
                size="small"
                dataSource={s.points}
                pagination={localPages(s.points.length, 15)}
                columns={[
                  { title: t('series.period'), dataIndex: 'period' },
                  {
                    title: t('series.value'),
                    dataIndex: 'value',
                    align: 'right',
                    render: (v: number | null | undefined) => formatInt(v),
                  },
                  {
                    title: t('series.days'),
                    key: 'days',
                    render: (_, p) =>
                      p.complete ? (
                        <Tag color="success">{t('series.complete')}</Tag>
                      ) : (
                        <Tag color="warning">
                          {t('series.incomplete', { count: p.days - p.daysWithFigures })}
                        </Tag>
                      ),
                  },
                ]}
              />
              <div>
                <Typography.Title level={3} style={{ fontSize: 14 }}>
                  {t('series.missing', { count: s.missingDays.length })}
                </Typography.Title>
                {s.missingDays.length === 0 ? (
                  <Typography.Text type="secondary">{t('series.noneMissing')}</Typography.Text>
                ) : (
                  <Flex wrap gap={4}>
                    {dayRanges(s.missingDays).map(([first, last, count]) => (
                      <Tag key={first}>
                        {count === 1 ? first : t('series.missingRange', { first, last, count })}
                      </Tag>
                    ))}
                  </Flex>
                )}
              </div>
            </>
          )}
        </QueryState>
      </Flex>
    </Card>
  );
}

/** Consecutive days folded into ranges: `[first, last, count]`. */
export function dayRanges(days: string[]): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const day of [...days].sort()) {
    const last = out[out.length - 1];
    if (last && dayjs(last[1]).add(1, 'day').format('YYYY-MM-DD') === day) {
      last[1] = day;
      last[2]++;
    } else out.push([day, day, 1]);
  }
  return out;
}
