import { serverPages } from '../common/pagination';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { useFormSubmit } from '../common/form-submit';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { QueryState } from '../common/query-state';
import { RowActions } from '../common/row-actions';
import { useTargetList } from '../targets/target-api';
import { useTargetTitle } from '../targets/target-title';

type Subscription = Schemas['ReportSubscriptionView'];
type Lang = Subscription['language'];
const PAGE_SIZE = 20;

interface Values {
  displayName: string;
  email: string;
  language: Lang;
  active: boolean;
  targetIds?: string[];
}

/** Readers of the weekly report: list (paginated on the server), add, edit, delete. */
export function Subscriptions() {
  const { t } = useTranslation('reports');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [editing, setEditing] = useState<Subscription | 'new' | null>(null);
  const filters = {
    q: q || undefined,
    active: active === '' ? undefined : active === 'true',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: keys.subscriptionList(filters),
    queryFn: () => ok(api.GET('/api/v1/report-subscriptions', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      ok(api.DELETE('/api/v1/report-subscriptions/{id}', { params: { path: { id } } })),
    meta: { invalidates: [keys.subscriptions] },
  });
  const targets = useTargetList();
  const title = useTargetTitle();
  const targetName = (id: string) => {
    const target = targets.data?.find((x) => x.id === id);
    return target ? title(target) : id.slice(0, 8);
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8} role="search">
          <Input.Search
            allowClear
            placeholder={t('subscriptions.search')}
            aria-label={t('subscriptions.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 260 }}
          />
          <Select
            aria-label={t('subscriptions.active')}
            value={active}
            onChange={(v) => {
              setActive(v);
              setPage(1);
            }}
            style={{ width: 140 }}
            options={[
              { value: '', label: t('subscriptions.anyState') },
              { value: 'true', label: t('subscriptions.activeOnly') },
              { value: 'false', label: t('subscriptions.inactiveOnly') },
            ]}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('subscriptions.add')}
        </Button>
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<Subscription>
            rowKey="id"
            size="middle"
            scroll={{ x: 720 }}
            loading={list.isFetching}
            dataSource={data.items}
            locale={{ emptyText: <Empty description={t('subscriptions.none')} /> }}
            pagination={serverPages({ page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage })}
            columns={[
              { title: t('subscriptions.displayName'), dataIndex: 'displayName' },
              { title: t('subscriptions.email'), dataIndex: 'email' },
              {
                title: t('subscriptions.language'),
                dataIndex: 'language',
                width: 100,
                render: (l: Lang) => t(`languages.${l}`),
              },
              {
                title: t('subscriptions.active'),
                key: 'active',
                width: 160,
                render: (_, s) =>
                  s.unsubscribedAt ? (
                    <Typography.Text type="secondary">
                      {t('subscriptions.unsubscribedAt', { time: formatDateTime(s.unsubscribedAt) })}
                    </Typography.Text>
                  ) : s.active ? (
                    <Tag color="success">{t('subscriptions.active')}</Tag>
                  ) : (
                    <Tag>—</Tag>
                  ),
              },
              {
                title: t('subscriptions.targets'),
                dataIndex: 'targetIds',
                responsive: ['lg'],
                render: (ids: string[] | null) =>
                  ids === null ? t('subscriptions.allTargets') : ids.map(targetName).join('；'),
              },
              {
                title: '',
                key: 'actions',
                width: 110,
                render: (_, s) => (
                  <RowActions
                    name={s.email}
                    edit={{ label: t('subscriptions.edit'), onClick: () => setEditing(s) }}
                    remove={{
                      label: t('subscriptions.delete'),
                      confirm: t('subscriptions.confirmDelete', { email: s.email }),
                      run: () => remove.mutateAsync(s.id),
                      deleted: t('subscriptions.deleted'),
                    }}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <SubscriptionDialog
          subscription={editing === 'new' ? null : editing}
          targetOptions={(targets.data ?? []).map((x) => ({ value: x.id, label: title(x) }))}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

function SubscriptionDialog({
  subscription,
  targetOptions,
  onClose,
}: {
  subscription: Subscription | null;
  targetOptions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        language: v.language,
        active: v.active,
        targetIds: v.targetIds?.length ? v.targetIds : null,
      };
      return subscription
        ? ok(
            api.PATCH('/api/v1/report-subscriptions/{id}', {
              params: { path: { id: subscription.id } },
              body,
            }),
          )
        : ok(api.POST('/api/v1/report-subscriptions', { body }));
    },
    meta: { invalidates: [keys.subscriptions] },
  });
  const { submit, error } = useFormSubmit(form, async (values) => {
    await save.mutateAsync(values);
    notify('success', subscription ? t('subscriptions.saved') : t('subscriptions.created'));
    onClose();
  });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('subscriptions.required', { field }) },
  ];
  return (
    <Modal
      open
      title={subscription ? t('subscriptions.edit') : t('subscriptions.add')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          subscription
            ? { ...subscription, targetIds: subscription.targetIds ?? [] }
            : { language: 'zh-CN', active: true, targetIds: [] }
        }
      >
        <Form.Item
          name="displayName"
          label={t('subscriptions.displayName')}
          rules={required(t('subscriptions.displayName'))}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('subscriptions.email')}
          rules={[
            ...required(t('subscriptions.email')),
            { type: 'email', message: t('subscriptions.required', { field: t('subscriptions.email') }) },
          ]}
        >
          <Input type="email" maxLength={320} />
        </Form.Item>
        <Form.Item name="language" label={t('subscriptions.language')}>
          <Select
            options={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="targetIds" label={t('subscriptions.targets')} extra={t('subscriptions.allTargets')}>
          <Select mode="multiple" allowClear options={targetOptions} />
        </Form.Item>
        <Form.Item name="active" label={t('subscriptions.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
