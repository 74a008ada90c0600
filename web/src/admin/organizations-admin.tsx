import { localPages } from '../common/pagination';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { errorText } from '../common/errors';
import { useFormSubmit } from '../common/form-submit';
import { useEditedVersion } from '../common/versioned-form';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { QueryState } from '../common/query-state';
import { RowActions } from '../common/row-actions';
import { useOrganizations } from '../campaigns/campaign-api';

type Organization = Schemas['OrganizationView'];
type Values = Schemas['CreateOrganizationDto'];
type Kind = Organization['kind'];
const KINDS: Kind[] = [
  'tourism_bureau',
  'scenic_area_operator',
  'sports_association',
  'travel_agency',
  'cultural_company',
  'government_department',
  'media',
  'other',
];

/**
 * Everything that shows an organization's name (joined by the API, never copied): a rename
 * reloads them all.
 */
const NAMED_IN = [keys.organizations, keys.events, ['calendar'], ['scoreboard'], ['reports']];

/** Organizations organizers act for: list, add, rename or re-kind, and delete unused ones. */
export function OrganizationsAdmin() {
  const { t } = useTranslation('admin');
  const organizations = useOrganizations();
  // The id, not the row: the dialog edits the latest version the list has loaded.
  const [editing, setEditing] = useState<{ id: string } | 'new' | null>(null);
  const editingRow =
    editing && editing !== 'new' ? organizations.data?.find((o) => o.id === editing.id) : undefined;
  const remove = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/organizations/{id}', { params: { path: { id } } })),
    meta: { invalidates: [keys.organizations] },
  });
  /** A 409 names what still refers to it: said in the console's language. */
  const deleteError = (o: Organization, e: unknown): string => {
    if (!(e instanceof ApiError) || e.code !== 'organization_in_use') return errorText(e);
    const counts = e.details as { users?: number; events?: number; campaigns?: number } | undefined;
    const what = (['users', 'events', 'campaigns'] as const)
      .filter((k) => counts?.[k])
      .map((k) => t(`organizations.refs.${k}`, { count: counts![k] }));
    return what.length
      ? t('organizations.inUse', { name: o.name, what: what.join(t('organizations.refs.separator')) })
      : errorText(e);
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('organizations.add')}
        </Button>
      </Flex>
      <QueryState query={organizations}>
        {(list) => (
          <Table<Organization>
            rowKey="id"
            size="middle"
            dataSource={list}
            locale={{ emptyText: <Empty description={t('organizations.none')} /> }}
            pagination={localPages(list.length, 25)}
            columns={[
              { title: t('organizations.name'), dataIndex: 'name' },
              {
                title: t('organizations.kind'),
                dataIndex: 'kind',
                render: (k: Kind) => t(`organizations.kinds.${k}`),
              },
              {
                title: t('organizations.created'),
                dataIndex: 'createdAt',
                responsive: ['md'],
                render: (v: string) => formatDateTime(v),
              },
              {
                title: '',
                key: 'actions',
                width: 100,
                render: (_, o) => (
                  <RowActions
                    name={o.name}
                    edit={{ label: t('organizations.edit'), onClick: () => setEditing({ id: o.id }) }}
                    remove={{
                      label: t('organizations.delete'),
                      confirm: t('organizations.confirmDelete', { name: o.name }),
                      run: () => remove.mutateAsync(o.id),
                      deleted: t('organizations.deleted'),
                      refused: (e) => deleteError(o, e),
                    }}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing === 'new' && <OrganizationDialog organization={null} onClose={() => setEditing(null)} />}
      {/* One deleted meanwhile leaves the list, and its dialog closes. */}
      {editingRow && <OrganizationDialog organization={editingRow} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

/** Adds an organization, or renames one and changes its kind. */
function OrganizationDialog({
  organization,
  onClose,
}: {
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial = organization ? { name: organization.name, kind: organization.kind } : undefined;
  const edited = useEditedVersion(form, organization?.version, initial);
  const save = useMutation({
    mutationFn: (body: Values) =>
      organization
        ? ok(
            api.PATCH('/api/v1/organizations/{id}', {
              params: { path: { id: organization.id }, header: { 'If-Match': edited.ifMatch() } },
              body,
            }),
          )
        : ok(api.POST('/api/v1/organizations', { body })),
    meta: { invalidates: organization ? NAMED_IN : [keys.organizations] },
  });
  const { submit, error } = useFormSubmit(form, async (values) => {
    await edited.saving(() => save.mutateAsync({ ...values, name: values.name.trim() }));
    notify('success', organization ? t('organizations.saved') : t('organizations.added'));
    onClose();
  });
  const title = organization ? t('organizations.edit') : t('organizations.add');
  return (
    <Modal
      open
      title={title}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial ?? { kind: 'other' }}>
        <Form.Item
          name="name"
          label={t('organizations.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('required', { field: t('organizations.name') }),
            },
          ]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('organizations.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
