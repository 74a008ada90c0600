import { useTargetList, useTargetProgress, useTargetProjection } from '../targets/target-api';
import { SyncOutlined } from '@ant-design/icons';
import {
  Alert,
  Col,
  Collapse,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
  theme,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../common/api/client';
import { ProjectionChart } from '../common/charts/projection-chart';
import { errorText } from '../common/errors';
import { formatCompact, formatDate, formatDateTime, formatInt, formatPercent, ZONE } from '../common/format';
import { PageHeader } from '../common/page';
import { Muted } from '../common/text';
import { Panel } from '../common/panel';
import { QueryState } from '../common/query-state';
import { useVenueName, useVenues } from '../events/queries';
import { PROJECTION_STATUS_COLOR } from '../targets/projection-status';

type Target = Schemas['TargetView'];

export default function OverviewPage() {
  const { t } = useTranslation('overview');
  const targets = useTargetList();
  return (
    <>
      <PageHeader title={t('title')}>
        <Muted>{t('subtitle', { zone: ZONE })}</Muted>
      </PageHeader>
      <QueryState
        query={targets}
        isEmpty={(list) => list.length === 0}
        empty={<Empty description={t('noTargets')} />}
      >
        {(list) => (
          <Row gutter={[16, 16]}>
            {[...list]
              .sort(
                (a, b) =>
                  b.year - a.year || a.scope.localeCompare(b.scope) || a.metric.localeCompare(b.metric),
              )
              .map((target) => (
                <Col key={target.id} xs={24} xxl={12}>
                  <TargetCard target={target} />
                </Col>
              ))}
          </Row>
        )}
      </QueryState>
    </>
  );
}

function TargetCard({ target }: { target: Target }) {
  const { t } = useTranslation('overview');
  const venueName = useVenueName();
  const progress = useTargetProgress(target.id);
  const projection = useTargetProjection(target.id, progress.data?.stale);
  const venues = useVenues();
  const venue = target.venueId ? venues.data?.items.find((v) => v.id === target.venueId) : undefined;
  const title = t('targetTitle', {
    year: target.year,
    metric: t(`metric.${target.metric}`),
    scope: venue ? venueName(venue) : t(`scope.${target.scope}`),
  });
  const p = progress.data;
  const snapshot = projection.data?.snapshot ?? null;
  const stale = p?.stale || projection.data?.stale;

  return (
    <Panel
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      extra={
        p?.status ? (
          <Tag color={PROJECTION_STATUS_COLOR[p.status]}>{t(`status.${p.status}`)}</Tag>
        ) : (
          <Tag>{t('status.none')}</Tag>
        )
      }
      role="region"
      aria-label={title}
    >
      {progress.isPending ? (
        <Skeleton active />
      ) : progress.error || !p ? (
        <Alert type="error" showIcon title={errorText(progress.error)} />
      ) : (
        <Flex vertical gap={16}>
          {stale && (
            <Alert
              type="info"
              showIcon
              icon={<SyncOutlined spin />}
              role="status"
              title={t('stale')}
              description={p.dirtySince ? t('staleSince', { time: formatDateTime(p.dirtySince) }) : undefined}
            />
          )}
          {p.projected == null ? (
            <Alert type="warning" showIcon title={t('noProjection')} />
          ) : (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} sm={12} lg={6}>
                  <Statistic title={t('yearToDate')} value={formatCompact(p.actualToDate)} />
                  <Muted>
                    {t('pathToDate')} {formatCompact(p.pathToDate)}
                    <br />
                    <span style={{ color: (p.gap ?? 0) < 0 ? '#cf1322' : '#237804' }}>
                      {t('gap', {
                        gap: `${(p.gap ?? 0) >= 0 ? '+' : ''}${formatCompact(p.gap)}`,
                        share: formatPercent(p.gapShare),
                      })}
                    </span>
                  </Muted>
                </Col>
                <Col xs={24} sm={12} lg={6}>
                  <Statistic title={t('projectedYearEnd')} value={formatCompact(p.projected.median)} />
                  <Muted>
                    {t('target', { total: formatCompact(p.targetTotal) })}
                    <br />
                    {t('band80', {
                      lo: formatCompact(p.projected.lo80),
                      hi: formatCompact(p.projected.hi80),
                    })}
                    <br />
                    {t('band95', {
                      lo: formatCompact(p.projected.lo95),
                      hi: formatCompact(p.projected.hi95),
                    })}
                  </Muted>
                </Col>
                <Col xs={24} sm={12} lg={6}>
                  <Muted>{t('probability')}</Muted>
                  <div>
                    <Progress
                      type="dashboard"
                      size={88}
                      percent={Math.round((p.probability ?? 0) * 100)}
                      format={(percent) => `${percent ?? 0}%`}
                      status={
                        p.status === 'off_track'
                          ? 'exception'
                          : p.status === 'on_track'
                            ? 'success'
                            : 'normal'
                      }
                      aria-label={`${t('probability')} ${formatPercent(p.probability, 0)}`}
                    />
                  </div>
                </Col>
                <Col xs={24} sm={12} lg={6}>
                  <Tooltip title={t('runRateHelp')}>
                    <Muted tabIndex={0}>{t('runRate')}</Muted>
                  </Tooltip>
                  <div style={{ fontSize: 20, margin: '4px 0' }}>
                    {p.runRate
                      ? t('runRateValue', {
                          needed: formatCompact(p.runRate.neededDaily),
                          expected: formatCompact(p.runRate.expectedDaily),
                        })
                      : '—'}
                  </div>
                  <Muted>
                    {t('missingDays')}: {snapshot ? formatInt(snapshot.missingDates.length) : '—'}
                  </Muted>
                </Col>
              </Row>
              {snapshot && (
                <ProjectionChart
                  daily={snapshot.daily}
                  asOf={snapshot.asOf}
                  label={t('chart.label', { title })}
                />
              )}
              <Flex wrap gap="4px 24px">
                <span>
                  <Muted>{t('asOfLabel')}</Muted> {formatDate(p.asOf)}
                </span>
                <span>
                  <Muted>{t('computedAtLabel')}</Muted> {formatDateTime(p.computedAt)}
                </span>
              </Flex>
              {snapshot && snapshot.missingDates.length > 0 && (
                <Muted tone="warning">
                  {t('missingDaysList', {
                    dates:
                      snapshot.missingDates.slice(0, 12).join(', ') +
                      (snapshot.missingDates.length > 12 ? ' …' : ''),
                  })}
                </Muted>
              )}
              {snapshot && snapshot.contributions.length > 0 && (
                <Contributions items={snapshot.contributions} />
              )}
            </>
          )}
        </Flex>
      )}
    </Panel>
  );
}

function Contributions({ items }: { items: Schemas['ContributionView'][] }) {
  const { t, i18n } = useTranslation('overview');
  const { token } = theme.useToken();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'contributions',
          label: `${t('contributions')} · ${t('contributionsCount', { count: items.length })}`,
          children: (
            // A plain list: antd's List would bring its pagination and, through it, Select.
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {[...items]
                .sort((a, b) => b.expected - a.expected)
                .map((c, i) => (
                  <li
                    key={i}
                    style={{ padding: '6px 0', borderTop: i ? `1px solid ${token.colorSplit}` : undefined }}
                  >
                    <Tag>{t(`contributionKind.${c.kind}`)}</Tag>
                    {t('contribution', {
                      name: i18n.language === 'en' && c.nameEn ? c.nameEn : c.name,
                      expected: formatCompact(c.expected),
                      realised: formatCompact(c.realised),
                    })}
                  </li>
                ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
