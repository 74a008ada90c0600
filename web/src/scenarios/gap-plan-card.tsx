import { Alert, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../common/api/client';
import { formatInt, formatPercent } from '../common/format';
import { QueryState } from '../common/query-state';
import { useGapPlan } from './scenario-api';

type Level = Schemas['GapLevelView'];
type Channel = Schemas['GapChannelView'];

/** What a target still needs to reach 50 % and 80 %, and what that costs in the cheapest channels. */
export function GapPlanCard({ targetId }: { targetId: string }) {
  const { t } = useTranslation('scenarios');
  const { t: tc } = useTranslation('campaigns');
  const plan = useGapPlan(targetId);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('gapPlan')}</h2>}>
      <QueryState query={plan}>
        {(g) => (
          <Flex vertical gap={12}>
            {g.stale && <Alert type="warning" showIcon title={t('staleHint')} />}
            <Typography.Text type="secondary">
              {t('daysRemaining', { days: g.daysRemaining })}
              {g.probability != null && ` · ${t('probability')}: ${formatPercent(g.probability)}`}
            </Typography.Text>
            {g.levels.length === 0 ? (
              <Empty description={t('gapNone')} />
            ) : (
              <Row gutter={[16, 16]}>
                {g.levels.map((level: Level) => (
                  <Col xs={24} lg={12} key={level.probability}>
                    <Card size="small" title={t('gapLevel', { p: formatPercent(level.probability, 0) })}>
                      {level.extraTotal <= 0 ? (
                        <Typography.Text>{t('gapNone')}</Typography.Text>
                      ) : (
                        <Flex vertical gap={8}>
                          <Flex gap={24} wrap>
                            <Statistic title={t('extraTotal')} value={formatInt(level.extraTotal)} />
                            <Statistic title={t('extraPerWeek')} value={formatInt(level.extraPerWeek)} />
                            <Statistic title={t('reached')} value={formatPercent(level.reached)} />
                          </Flex>
                          <Table<Channel>
                            rowKey="channel"
                            size="small"
                            pagination={false}
                            dataSource={level.channels}
                            scroll={{ x: 420 }}
                            columns={[
                              {
                                title: t('channel'),
                                dataIndex: 'channel',
                                render: (c: string, r) => (
                                  <span>
                                    {tc(`channel.${c}`, { defaultValue: c })}{' '}
                                    <Tag>{t(`basis.${r.basis}`)}</Tag>
                                  </span>
                                ),
                              },
                              {
                                title: t('costYuan'),
                                dataIndex: 'costYuan',
                                align: 'right',
                                render: (v: number) => formatInt(v),
                              },
                              {
                                title: t('costPerWeekYuan'),
                                dataIndex: 'costPerWeekYuan',
                                align: 'right',
                                render: (v: number) => formatInt(v),
                              },
                            ]}
                          />
                        </Flex>
                      )}
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
            {g.notes.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {g.notes.join(' ')}
              </Typography.Paragraph>
            )}
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}
