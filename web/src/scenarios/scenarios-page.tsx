import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDateTime } from '../common/format';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { useCreateScenario, useScenarioList, type Scenario } from './scenario-api';
import { useNamingColumn } from '../common/naming-column';

/** Every scenario; planners and admins create new ones. */
export default function ScenariosPage() {
  const { t } = useTranslation('scenarios');
  const naming = useNamingColumn();
  const staff = STAFF.includes(useCurrentUser().role);
  const list = useScenarioList();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          staff && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('newScenario')}
            </Button>
          )
        }
      />
      <QueryState query={list}>
        {(data) => (
          <Table<Scenario>
            rowKey="id"
            size="middle"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description={t('none')} /> }}
            columns={[
              {
                ...naming,
                title: t('columns.name'),
                dataIndex: 'name',
                render: (name: string, s) => <Link to={`/scenarios/${s.id}`}>{name}</Link>,
              },
              {
                title: t('columns.changes'),
                key: 'changes',
                width: 90,
                align: 'right',
                render: (_, s) => s.changes.length,
              },
              { title: t('columns.description'), dataIndex: 'description', responsive: ['md'] },
              {
                title: t('columns.updated'),
                dataIndex: 'updatedAt',
                width: 160,
                render: (v: string) => formatDateTime(v),
              },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateScenario onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateScenario({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('scenarios');
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const create = useCreateScenario();
  const navigate = useNavigate();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const s = await create.mutateAsync({
        name: values.name.trim(),
        description: values.description?.trim() || undefined,
      });
      notify('success', t('created', { name: s.name }));
      void navigate(`/scenarios/${s.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) notify('error', errorText(error));
    }
  };
  return (
    <Modal
      open
      title={t('newScenario')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okText={t('newScenario')}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('fields.name') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
