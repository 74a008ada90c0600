import { serverPages } from '../common/pagination';
import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { useCurrentUser } from '../auth/session';
import { errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { QueryState } from '../common/query-state';
import { WeekPicker, weekOf } from './week-picker';

type Delivery = Schemas['DeliveryView'];
type State = Delivery['state'];
const STATES: State[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const COLOR: Record<State, string> = {
  pending: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'warning',
};
const PAGE_SIZE = 25;

/** Admins: sends a finished week's report now, through the outbox (a reader never gets it twice). */
function SendWeek({ week }: { week: string }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const send = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/reports/weekly/send', { body: { week } })),
    meta: { invalidates: [['reports', 'deliveries']] },
  });
  return (
    <Popconfirm
      title={t('deliveries.sendConfirm', { week })}
      okText={t('deliveries.sendNow')}
      cancelText={tc('cancel')}
      onConfirm={() =>
        send.mutate(undefined, {
          onSuccess: () => notify('success', t('deliveries.sendQueued', { week })),
          onError: (error) => notify('error', errorText(error)),
        })
      }
    >
      <Button icon={<SendOutlined />} loading={send.isPending}>
        {t('deliveries.sendNow')}
      </Button>
    </Popconfirm>
  );
}

/** Deliveries of one week's report, by state, paginated on the server; admins may send it now. */
export function DeliveryLog() {
  const { t } = useTranslation('reports');
  const admin = useCurrentUser().role === 'admin';
  const [day, setDay] = useState(() => dayjs().subtract(7, 'day'));
  const [state, setState] = useState<State | ''>('');
  const [page, setPage] = useState(1);
  const week = weekOf(day);
  const filters = { week, state: state || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const log = useQuery({
    queryKey: keys.deliveries(filters),
    queryFn: () => ok(api.GET('/api/v1/reports/deliveries', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <WeekPicker
          value={day}
          onChange={(d) => {
            setDay(d);
            setPage(1);
          }}
          label={t('week')}
        />
        <Select<State | ''>
          aria-label={t('deliveries.state')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('deliveries.anyState') },
            ...STATES.map((s) => ({ value: s, label: t(`deliveries.states.${s}`) })),
          ]}
        />
        {admin && <SendWeek week={week} />}
      </Flex>
      <QueryState query={log}>
        {(data) => (
          <>
            <Typography.Text type="secondary" role="status">
              {t('deliveries.summary', { week: data.week, ...data.summary })}
            </Typography.Text>
            <Table<Delivery>
              rowKey="id"
              size="middle"
              scroll={{ x: 720 }}
              loading={log.isFetching}
              dataSource={data.items}
              locale={{ emptyText: <Empty description={t('deliveries.none')} /> }}
              pagination={serverPages({
                page,
                pageSize: PAGE_SIZE,
                total: data.total,
                showTotal: (count) => t('deliveries.total', { count }),
                onChange: setPage,
              })}
              columns={[
                {
                  title: t('deliveries.recipient'),
                  dataIndex: 'recipient',
                  render: (r: string | null) => r ?? '—',
                },
                {
                  title: t('deliveries.state'),
                  key: 'state',
                  width: 160,
                  render: (_, d) => (
                    <Flex gap={4} wrap>
                      <Tag color={COLOR[d.state]}>{t(`deliveries.states.${d.state}`)}</Tag>
                      {d.permanent && <Tag color="error">{t('deliveries.permanent')}</Tag>}
                      {d.state === 'sent' && d.confirmed === false && (
                        <Tag>{t('deliveries.unconfirmed')}</Tag>
                      )}
                    </Flex>
                  ),
                },
                { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
                {
                  title: t('deliveries.sentAt'),
                  dataIndex: 'sentAt',
                  width: 150,
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: t('deliveries.response'),
                  key: 'response',
                  responsive: ['md'],
                  render: (_, d) => d.lastError ?? d.smtpResponse ?? '—',
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Flex>
  );
}
