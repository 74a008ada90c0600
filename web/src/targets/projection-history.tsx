import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { formatCompact, formatDate, formatDateTime, formatPercent } from '../common/format';
import { serverPages } from '../common/pagination';
import { QueryState } from '../common/query-state';
import { PROJECTION_STATUS_COLOR } from './projection-status';

type Headline = Schemas['ProjectionHeadlineView'];
const PAGE_SIZE = 10;

/**
 * How the projection moved: one row per stored snapshot (one per inputs version), newest first.
 * `latest`: the current snapshot's id; a new one reloads the list.
 */
export function ProjectionHistory({ targetId, latest }: { targetId: string; latest: string | undefined }) {
  const { t } = useTranslation('targets');
  const { t: to } = useTranslation('overview');
  const [page, setPage] = useState(1);
  const filters = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const history = useQuery({
    queryKey: keys.projectionHistory(targetId, { ...filters, latest }),
    queryFn: () =>
      ok(api.GET('/api/v1/targets/{id}/projections', { params: { path: { id: targetId }, query: filters } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('history.title')}</h2>}>
      <QueryState query={history}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">{t('history.intro')}</Typography.Paragraph>
            <Table<Headline>
              rowKey="id"
              size="small"
              scroll={{ x: 720 }}
              loading={history.isFetching}
              dataSource={data.items}
              locale={{ emptyText: <Empty description={t('history.none')} /> }}
              pagination={serverPages({ page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage })}
              columns={[
                {
                  // Stays in view while the figures scroll (a phone).
                  title: t('history.computedAt'),
                  dataIndex: 'computedAt',
                  width: 130,
                  fixed: 'left',
                  render: (v: string) => formatDateTime(v),
                },
                { title: t('summary.asOf'), dataIndex: 'asOf', render: (v: string | null) => formatDate(v) },
                {
                  title: t('summary.projected'),
                  key: 'projected',
                  align: 'right',
                  render: (_, h) => (
                    <span>
                      {formatCompact(h.projected.median)}{' '}
                      <Typography.Text type="secondary">
                        ({formatCompact(h.projected.lo80)} – {formatCompact(h.projected.hi80)})
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t('summary.probability'),
                  dataIndex: 'probability',
                  align: 'right',
                  render: (v: number) => formatPercent(v, 0),
                },
                {
                  title: t('columns.status'),
                  dataIndex: 'status',
                  render: (s: Headline['status']) => (
                    <Tag color={PROJECTION_STATUS_COLOR[s]}>{to(`status.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('history.version'),
                  dataIndex: 'inputsVersion',
                  align: 'right',
                  responsive: ['md'],
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
