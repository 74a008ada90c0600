import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../common/api/client';
import { formatInt } from '../common/format';
import { QueryState } from '../common/query-state';
import { useCampaignFunding } from './fund-api';

type Allocation = Schemas['AllocationView'];

/** The funds a campaign draws on (its budget is their sum once it has any). */
export function CampaignFunding({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation('funds');
  const funding = useCampaignFunding(campaignId);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('funding.title')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <QueryState query={funding}>
        {(f) =>
          f.allocations.length === 0 ? (
            <Empty description={t('funding.none', { budget: formatInt(f.budgetYuan) })} />
          ) : (
            <Table<Allocation>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={f.allocations}
              columns={[
                {
                  title: t('funding.fund'),
                  key: 'fund',
                  render: (_, a) => <Link to={`/funds/${a.fundId}`}>{a.fundName}</Link>,
                },
                {
                  title: t('funding.amount'),
                  dataIndex: 'amountYuan',
                  align: 'right',
                  render: (v: number) => formatInt(v),
                },
                { title: t('fields.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
              ]}
              footer={() => (
                <Typography.Text>
                  {t('funding.total', { allocated: formatInt(f.allocatedYuan) })}
                </Typography.Text>
              )}
            />
          )
        }
      </QueryState>
    </Card>
  );
}
