import { localPages } from '../common/pagination';
import { EditOutlined, LinkOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../auth/session';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { errorText } from '../common/errors';
import { useFormSubmit } from '../common/form-submit';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { QueryState } from '../common/query-state';
import { useOrganizations } from '../campaigns/campaign-api';
import { useNamingColumn } from '../common/naming-column';
import { useEditedVersion } from '../common/versioned-form';

type User = Schemas['UserView'];
type Invitation = Schemas['InvitedUserView'];
const ROLES: Role[] = ['admin', 'planner', 'organizer', 'viewer'];

/** Users: list, invite (shows the single-use link once), change role or organization, new link. */
export function UsersAdmin() {
  const { t } = useTranslation('admin');
  const naming = useNamingColumn();
  const { t: ta } = useTranslation('app');
  const { t: tc } = useTranslation();
  const users = useQuery({ queryKey: keys.users, queryFn: () => ok(api.GET('/api/v1/users')) });
  const organizations = useOrganizations();
  const orgName = (id: string | null | undefined) =>
    id ? (organizations.data?.find((o) => o.id === id)?.name ?? id.slice(0, 8)) : t('users.noOrganization');
  // The id, not the row: the dialog edits the latest version the list has loaded.
  const [dialog, setDialog] = useState<{ id: string } | 'invite' | null>(null);
  const editingRow = dialog && dialog !== 'invite' ? users.data?.find((u) => u.id === dialog.id) : undefined;
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const reinvite = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/users/{id}/invitation', { params: { path: { id } } })),
    meta: { invalidates: [keys.users] },
  });

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('invite')}>
          {t('users.invite')}
        </Button>
      </Flex>
      <QueryState query={users}>
        {(list) => (
          <Table<User>
            rowKey="id"
            size="middle"
            scroll={{ x: 760 }}
            dataSource={list}
            locale={{ emptyText: <Empty description={t('users.none')} /> }}
            pagination={localPages(list.length, 25)}
            columns={[
              { ...naming, title: t('users.name'), dataIndex: 'name' },
              { title: t('users.email'), dataIndex: 'email', render: (e: string | null) => e ?? '—' },
              {
                title: t('users.role'),
                dataIndex: 'role',
                width: 110,
                render: (r: Role) => <Tag>{ta(`roles.${r}`)}</Tag>,
              },
              {
                title: t('users.organization'),
                dataIndex: 'organizationId',
                render: orgName,
                responsive: ['md'],
              },
              {
                title: t('users.password'),
                dataIndex: 'hasPassword',
                width: 100,
                render: (v: boolean) =>
                  v ? (
                    <Tag color="success">{t('users.passwordSet')}</Tag>
                  ) : (
                    <Tag>{t('users.passwordPending')}</Tag>
                  ),
              },
              {
                title: t('users.lastSignIn'),
                dataIndex: 'lastSignInAt',
                width: 150,
                responsive: ['lg'],
                render: (v: string | null | undefined) => formatDateTime(v),
              },
              {
                title: '',
                key: 'actions',
                width: 100,
                render: (_, u) => (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('users.edit')}: ${u.name}`}
                      onClick={() => setDialog({ id: u.id })}
                    />
                    {u.email && (
                      <Button
                        size="small"
                        icon={<LinkOutlined />}
                        aria-label={`${t('users.reinvite')}: ${u.name}`}
                        title={t('users.reinvite')}
                        loading={reinvite.isPending && reinvite.variables === u.id}
                        onClick={() =>
                          reinvite.mutate(u.id, {
                            onSuccess: setInvitation,
                            onError: (e) => notify('error', errorText(e)),
                          })
                        }
                      />
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {(dialog === 'invite' || editingRow) && (
        <UserDialog
          user={editingRow ?? null}
          organizations={organizations.data ?? []}
          onClose={() => setDialog(null)}
          onInvited={setInvitation}
        />
      )}
      <Modal
        open={!!invitation}
        title={t('users.linkTitle')}
        onCancel={() => setInvitation(null)}
        footer={<Button onClick={() => setInvitation(null)}>{tc('close')}</Button>}
      >
        {invitation && (
          <>
            <Typography.Paragraph>
              {t('users.linkHint', {
                email: invitation.user.email ?? '',
                time: formatDateTime(invitation.expiresAt),
              })}
            </Typography.Paragraph>
            <Typography.Paragraph
              copyable={{ text: invitation.invitationUrl }}
              code
              style={{ wordBreak: 'break-all' }}
            >
              <span data-testid="invitation-url">{invitation.invitationUrl}</span>
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </Flex>
  );
}

interface Values {
  name: string;
  email?: string;
  role: Role;
  organizationId?: string | null;
}

function UserDialog({
  user,
  organizations,
  onClose,
  onInvited,
}: {
  user: User | null;
  organizations: Schemas['OrganizationView'][];
  onClose: () => void;
  onInvited: (i: Invitation) => void;
}) {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('app');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const initial = user
    ? { name: user.name, role: user.role, organizationId: user.organizationId ?? undefined }
    : undefined;
  const edited = useEditedVersion(form, user?.version, initial);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (user) {
        return {
          kind: 'saved' as const,
          user: await ok(
            api.PATCH('/api/v1/users/{id}', {
              params: { path: { id: user.id }, header: { 'If-Match': edited.ifMatch() } },
              body: { name: v.name.trim(), role: v.role, organizationId: v.organizationId || null },
            }),
          ),
        };
      }
      return {
        kind: 'invited' as const,
        invitation: await ok(
          api.POST('/api/v1/users/invitations', {
            body: {
              email: (v.email ?? '').trim(),
              name: v.name.trim(),
              role: v.role,
              ...(v.organizationId ? { organizationId: v.organizationId } : {}),
            },
          }),
        ),
      };
    },
    meta: { invalidates: [keys.users] },
  });
  const { submit, error } = useFormSubmit(form, async (values) => {
    const result = await edited.saving(() => save.mutateAsync(values));
    if (result.kind === 'invited') {
      notify('success', t('users.invited', { name: result.invitation.user.name }));
      onInvited(result.invitation);
    } else notify('success', t('users.saved'));
    onClose();
  });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('required', { field }) },
  ];
  return (
    <Modal
      open
      title={user ? `${t('users.edit')}: ${user.name}` : t('users.invite')}
      okText={user ? tc('save') : t('users.invite')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial ?? { role: 'organizer' }}>
        {!user && (
          <Form.Item
            name="email"
            label={t('users.email')}
            rules={[
              ...required(t('users.email')),
              { type: 'email', message: t('required', { field: t('users.email') }) },
            ]}
          >
            <Input type="email" maxLength={320} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('users.name')} rules={required(t('users.name'))}>
          {/* Inviting starts at the email above; changing a user, at the name. */}
          <Input maxLength={200} autoFocus={!!user} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ta(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('users.organization')}
          rules={[{ required: role === 'organizer', message: t('users.organizerNeedsOrg') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
