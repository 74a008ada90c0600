import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInt, formatPercent } from '../common/format';
import { useEventTitle } from '../events/event-bits';
import { QueryState } from '../common/query-state';
import { useItemEffect, type MeasuredEffect } from './effect-api';

const VERDICT_COLOR = {
  measured: 'success',
  no_effect_detectable: 'default',
  not_measurable: 'warning',
} as const;

function range(i: { lower: number; upper: number } | null | undefined): string {
  return i ? `${formatInt(i.lower)} – ${formatInt(i.upper)}` : '—';
}

/** City first, then the venue; visitors before revenue. */
const order = (m: MeasuredEffect) => (m.scope === 'city' ? 0 : 2) + (m.metric === 'visitors' ? 0 : 1);

/**
 * The measured effect of a campaign or an event, for its detail page. `venueName`: the event's
 * venue, naming the effects measured for it.
 */
export function EffectCard({
  kind,
  id,
  venueName,
}: {
  kind: 'campaign' | 'event';
  id: string;
  venueName?: string;
}) {
  const { t } = useTranslation('scoreboard');
  const effect = useItemEffect(kind, id);
  return (
    <Card
      role="region"
      aria-label={t('effect.title')}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('effect.title')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <QueryState query={effect}>
        {(e) => (
          <Flex vertical gap={12}>
            <Descriptions
              size="small"
              layout="vertical"
              colon={false}
              column={{ xs: 1, sm: 3 }}
              items={[
                {
                  key: 'expected',
                  label: t('effect.expected'),
                  children: `${formatInt(e.expected.visitors)} ${t('effect.visitors')} · ${formatInt(e.expected.revenueYuan)} ${t('effect.yuan')}`,
                },
                {
                  key: 'typed',
                  label: t('effect.typedIn'),
                  children: `${formatInt(e.typedIn.visitors)} ${t('effect.visitors')} · ${formatInt(e.typedIn.revenueYuan)} ${t('effect.yuan')}`,
                },
                { key: 'spend', label: t('effect.spend'), children: formatInt(e.typedIn.spendYuan) },
              ]}
            />
            {e.state !== 'measured' || e.effects.length === 0 ? (
              <Empty description={t(`effect.state.${e.state}`)} />
            ) : (
              e.effects
                .toSorted((a, b) => order(a) - order(b))
                .map((m) => (
                  <Measured
                    key={`${m.metric}-${m.scope}-${m.venueId ?? ''}`}
                    m={m}
                    scope={
                      m.scope === 'city' ? t('effect.scope.city') : (venueName ?? t('effect.scope.venue'))
                    }
                  />
                ))
            )}
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}

function Measured({ m, scope }: { m: MeasuredEffect; scope: string }) {
  const { t } = useTranslation('scoreboard');
  const title = useEventTitle();
  const window = m.window;
  return (
    <section>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {t(`effect.metric.${m.metric}`)} · {scope}
        </Typography.Text>
        <Tag color={VERDICT_COLOR[m.verdict]}>{t(`verdict.${m.verdict}`)}</Tag>
        {window && (
          <Typography.Text type="secondary">
            {window.from} – {window.to}
          </Typography.Text>
        )}
      </Flex>
      {m.reasonCode && (
        <Typography.Paragraph type="secondary">{t(`reasonCode.${m.reasonCode}`)}</Typography.Paragraph>
      )}
      {m.verdict !== 'not_measurable' && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'estimate',
              label: t('effect.estimate'),
              children: <strong>{formatInt(m.estimate)}</strong>,
            },
            { key: 'i80', label: t('effect.interval80'), children: range(m.interval80) },
            { key: 'i95', label: t('effect.interval95'), children: range(m.interval95) },
            { key: 'share', label: t('effect.share'), children: formatPercent(m.share) },
            { key: 'actual', label: t('effect.actual'), children: formatInt(m.actual) },
            { key: 'cf', label: t('effect.counterfactual'), children: formatInt(m.counterfactual) },
          ]}
        />
      )}
      {m.split.length > 1 && (
        <Table
          rowKey="itemId"
          size="small"
          pagination={false}
          dataSource={m.split}
          title={() => t('effect.split')}
          columns={[
            {
              title: t('effect.item'),
              key: 'item',
              // An item the reader may not see (another organization's event) comes without a title.
              render: (_, s) =>
                s.title ? (
                  <Link to={`/${s.itemType === 'campaign' ? 'campaigns' : 'events'}/${s.itemId}`}>
                    {t(`kind.${s.itemType}`)} · {title({ titleZh: s.title, titleEn: s.titleEn })}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t('effect.hiddenItem')}</Typography.Text>
                ),
            },
            {
              title: t('effect.expected'),
              dataIndex: 'expected',
              align: 'right',
              render: (v: number | null) => formatInt(v),
            },
            {
              title: t('effect.share'),
              dataIndex: 'share',
              align: 'right',
              render: (v: number) => formatPercent(v),
            },
          ]}
        />
      )}
    </section>
  );
}
