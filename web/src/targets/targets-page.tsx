import { localPages } from '../common/pagination';
import { useCurrentUser } from '../auth/session';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STAFF } from '../app/routes';
import { formatInt, formatPercent } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { ActualsUpload } from './actuals-upload';
import { useTargetList, type Target } from './target-api';
import { TargetForm } from './target-form';
import { useTargetTitle } from './target-title';
import { useNamingColumn } from '../common/naming-column';

/** Every target with its total and projection state; staff add targets and upload actuals here. */
export default function TargetsPage() {
  const { t } = useTranslation('targets');
  const naming = useNamingColumn(420);
  const staff = STAFF.includes(useCurrentUser().role);
  const targets = useTargetList();
  const title = useTargetTitle();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          staff && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('form.new')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <QueryState query={targets}>
          {(list) => (
            <Table<Target>
              rowKey="id"
              size="middle"
              scroll={{ x: 640 }}
              locale={{ emptyText: <Empty description={t('noTargets')} /> }}
              dataSource={[...list].sort((a, b) => b.year - a.year || a.metric.localeCompare(b.metric))}
              pagination={localPages(list.length, 20)}
              columns={[
                {
                  ...naming,
                  title: t('columns.target'),
                  key: 'target',
                  render: (_, target) => <Link to={`/targets/${target.id}`}>{title(target)}</Link>,
                },
                {
                  title: t('columns.total'),
                  dataIndex: 'targetTotal',
                  align: 'right',
                  render: (v: number) => formatInt(v),
                },
                {
                  title: t('columns.growth'),
                  dataIndex: 'growthRate',
                  align: 'right',
                  render: (v: number) => formatPercent(v),
                },
                { title: t('columns.baseline'), dataIndex: 'baselineYear', responsive: ['md'] },
                {
                  title: t('columns.source'),
                  dataIndex: 'totalSource',
                  responsive: ['lg'],
                  render: (s: Target['totalSource']) => t(`totalSource.${s}`),
                },
              ]}
            />
          )}
        </QueryState>
        {staff && <ActualsUpload />}
      </Flex>
      {creating && (
        <TargetForm
          onClose={(saved) => {
            setCreating(false);
            if (saved) void navigate(`/targets/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
