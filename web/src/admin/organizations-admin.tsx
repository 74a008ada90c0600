import { localPages } from '../common/pagination';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { QueryState } from '../common/query-state';
import { useOrganizations } from '../campaigns/campaign-api';

type Organization = Schemas['OrganizationView'];
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

/** Organizations organizers act for: list and add (the API has no edit or delete). */
export function OrganizationsAdmin() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const organizations = useOrganizations();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Schemas['CreateOrganizationDto']>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Schemas['CreateOrganizationDto']) => ok(api.POST('/api/v1/organizations', { body })),
    meta: { invalidates: [keys.organizations] },
  });
  const submit = async () => {
    setError(null);
    let values: Schemas['CreateOrganizationDto'];
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await create.mutateAsync({ ...values, name: values.name.trim() });
      notify('success', t('organizations.added'));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(applyFieldErrors(form, e) ? tc('errors.validation') : errorText(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
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
            ]}
          />
        )}
      </QueryState>
      <Modal
        open={open}
        title={t('organizations.add')}
        okText={tc('save')}
        cancelText={tc('cancel')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'other' }}>
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
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('organizations.kind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Modal>
    </Flex>
  );
}
