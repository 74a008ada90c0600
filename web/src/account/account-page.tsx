import { localPages } from '../common/pagination';
import { useCurrentUser } from '../auth/session';
import { DeleteOutlined, KeyOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';

type Token = Schemas['ApiTokenView'];

/** The signed-in user's API tokens and private calendar feed. */
export default function AccountPage() {
  const { t } = useTranslation('account');
  const { t: ta } = useTranslation('app');
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('title')} />
      <Flex vertical gap={16}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile')}</h2>}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('name')}>{user.name}</Descriptions.Item>
            <Descriptions.Item label={t('email')}>{user.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('role')}>{ta(`roles.${user.role}`)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <ApiTokens />
        <CalendarFeed />
      </Flex>
    </>
  );
}

function ApiTokens() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const tokens = useQuery({ queryKey: keys.apiTokens, queryFn: () => ok(api.GET('/api/v1/me/tokens')) });
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => ok(api.POST('/api/v1/me/tokens', { body: { name } })),
    meta: { invalidates: [keys.apiTokens] },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    meta: { invalidates: [keys.apiTokens] },
  });
  const submit = async ({ name }: { name: string }) => {
    setError(null);
    try {
      const answer = await create.mutateAsync(name.trim());
      setCreated(answer.token);
      form.resetFields();
    } catch (e) {
      setError(applyFieldErrors(form, e) ? tc('errors.validation') : errorText(e));
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('tokens.title')}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('tokens.hint')}</Typography.Text>
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ rowGap: 8 }}>
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[{ required: true, whitespace: true, message: t('tokens.required') }]}
            style={{ flex: '1 1 220px' }}
          >
            <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <QueryState query={tokens}>
          {(list) => (
            <Table<Token>
              rowKey="id"
              size="small"
              scroll={{ x: 640 }}
              dataSource={list}
              locale={{ emptyText: <Empty description={t('tokens.none')} /> }}
              pagination={localPages(list.length, 20)}
              columns={[
                {
                  title: t('tokens.name'),
                  dataIndex: 'name',
                  render: (n: string | null) => n ?? t('tokens.unnamed'),
                },
                { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
                {
                  title: t('tokens.created'),
                  dataIndex: 'createdAt',
                  responsive: ['md'],
                  render: formatDateTime,
                },
                {
                  title: t('tokens.lastUsed'),
                  dataIndex: 'lastUsedAt',
                  responsive: ['md'],
                  render: formatDateTime,
                },
                {
                  title: t('tokens.state'),
                  key: 'state',
                  render: (_, tk) =>
                    tk.revokedAt ? (
                      <Tag>{t('tokens.revoked', { time: formatDateTime(tk.revokedAt) })}</Tag>
                    ) : (
                      <Tag color="success">{t('tokens.active')}</Tag>
                    ),
                },
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_, tk) =>
                    !tk.revokedAt && (
                      <Popconfirm
                        title={t('tokens.confirmRevoke', { name: tk.name ?? tk.prefix })}
                        onConfirm={() =>
                          void revoke.mutateAsync(tk.id).then(
                            () => notify('success', t('tokens.revokedDone')),
                            (e: unknown) => notify('error', errorText(e)),
                          )
                        }
                      >
                        <Button size="small" danger icon={<DeleteOutlined />}>
                          {t('tokens.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Flex>
      <Modal
        open={!!created}
        title={t('tokens.newTitle')}
        onCancel={() => setCreated(null)}
        footer={<Button onClick={() => setCreated(null)}>{tc('close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('tokens.newHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created ?? '' }} code style={{ wordBreak: 'break-all' }}>
          <span data-testid="new-token">{created}</span>
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

function CalendarFeed() {
  const { t } = useTranslation('account');
  const [feed, setFeed] = useState<Schemas['CalendarTokenView'] | null>(null);
  const rotate = useMutation({ mutationFn: () => ok(api.POST('/api/v1/me/calendar-token')) });
  const revoke = useMutation({ mutationFn: () => ok(api.DELETE('/api/v1/me/calendar-token')) });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('feed.title')}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('feed.hint')}</Typography.Text>
        <Flex wrap gap={8}>
          <Popconfirm
            title={t('feed.confirmRotate')}
            onConfirm={() =>
              void rotate.mutateAsync().then(setFeed, (e: unknown) => notify('error', errorText(e)))
            }
          >
            <Button type="primary" icon={<LinkOutlined />} loading={rotate.isPending}>
              {feed ? t('feed.rotate') : t('feed.create')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('feed.confirmRevoke')}
            onConfirm={() =>
              void revoke.mutateAsync().then(
                () => {
                  setFeed(null);
                  notify('success', t('feed.revoked'));
                },
                (e: unknown) => notify('error', errorText(e)),
              )
            }
          >
            <Button danger loading={revoke.isPending}>
              {t('feed.revoke')}
            </Button>
          </Popconfirm>
        </Flex>
        {feed && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('feed.url')}>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {feed.feedUrl}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('feed.webcal')}>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {feed.webcalUrl}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        {feed && <Typography.Text type="secondary">{t('feed.shownOnce')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
