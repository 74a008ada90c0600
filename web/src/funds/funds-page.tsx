import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { FUND_KINDS, useFundList, type Fund, type FundKind } from './fund-api';
import { FundUse } from './fund-bits';
import { FundForm } from './fund-form';
import { useNamingColumn } from '../common/naming-column';

function yearOptions(): number[] {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now + 1; y >= 2019; y--) years.push(y);
  return years;
}

/** Every fund with what is allocated, spent and left; planners and admins create funds. */
export default function FundsPage() {
  const { t } = useTranslation('funds');
  const naming = useNamingColumn();
  const staff = STAFF.includes(useCurrentUser().role);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const kind = (params.get('kind') as FundKind | null) ?? undefined;
  const list = useFundList({ year, kind });
  const [creating, setCreating] = useState(false);
  const update = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, String(v));
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const csv = `/api/v1/funds/export.csv${year ? `?year=${year}` : ''}`;
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={csv}>
              {t('exportCsv')}
            </Button>
            {staff && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newFund')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Select<number>
          aria-label={t('year')}
          value={year ?? 0}
          onChange={(v) => update('year', v || undefined)}
          style={{ minWidth: 110 }}
          options={[
            { value: 0, label: `${t('year')}: ${t('any')}` },
            ...yearOptions().map((y) => ({ value: y, label: String(y) })),
          ]}
        />
        <Select<FundKind | ''>
          aria-label={t('fields.kind')}
          value={kind ?? ''}
          onChange={(v) => update('kind', v || undefined)}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: `${t('fields.kind')}: ${t('any')}` },
            ...FUND_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
        />
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<Fund>
            rowKey="id"
            size="middle"
            dataSource={data.items}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 820 }}
            locale={{ emptyText: <Empty description={t('none')} /> }}
            footer={() => t('total', { count: data.total })}
            columns={[
              {
                ...naming,
                title: t('columns.name'),
                dataIndex: 'name',
                render: (name: string, f) => <Link to={`/funds/${f.id}`}>{name}</Link>,
              },
              {
                title: t('columns.kind'),
                dataIndex: 'kind',
                width: 140,
                render: (k: FundKind) => t(`kind.${k}`),
              },
              { title: t('columns.year'), dataIndex: 'year', width: 70 },
              {
                title: t('columns.amount'),
                dataIndex: 'amountYuan',
                align: 'right',
                width: 130,
                render: (v: number) => formatInt(v),
              },
              { title: t('columns.use'), key: 'use', width: 220, render: (_, f) => <FundUse fund={f} /> },
              {
                title: t('columns.remaining'),
                dataIndex: 'remainingYuan',
                align: 'right',
                width: 130,
                render: (v: number) => formatInt(v),
              },
              { title: t('columns.unit'), dataIndex: 'responsibleUnit', responsive: ['lg'] },
            ]}
          />
        )}
      </QueryState>
      {creating && (
        <FundForm
          onClose={(saved) => {
            setCreating(false);
            if (saved) void navigate(`/funds/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
