import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { STATUS_COLOR, useCampaignList, type CampaignStatus } from '../campaigns/campaign-api';
import { errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatInt, formatPercent } from '../common/format';
import { DeleteAndLeave } from '../common/delete-and-leave';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import {
  overAllocation,
  useAllocations,
  useDeleteFund,
  useFund,
  useRemoveAllocation,
  useSaveAllocation,
  type Allocation,
  type Fund,
  type OverAllocation,
} from './fund-api';
import { FundUse } from './fund-bits';
import { FundForm } from './fund-form';

/** One fund: its figures and its allocations to campaigns (planners and admins change them). */
export default function FundPage() {
  const { id = '' } = useParams();
  const fund = useFund(id);
  return <QueryState query={fund}>{(f) => <FundDetail fund={f} />}</QueryState>;
}

function FundDetail({ fund }: { fund: Fund }) {
  const { t } = useTranslation('funds');
  const staff = STAFF.includes(useCurrentUser().role);
  const navigate = useNavigate();
  const remove = useDeleteFund();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={fund.name}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/funds')}>
              {t('back')}
            </Button>
            {staff && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('editFund')}
                </Button>
                <DeleteAndLeave
                  label={t('delete')}
                  confirm={t('confirmDelete', { name: fund.name })}
                  done={t('deleted')}
                  to="/funds"
                  remove={() => remove.mutateAsync(fund.id)}
                />
              </>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'kind', label: t('fields.kind'), children: t(`kind.${fund.kind}`) },
              { key: 'year', label: t('fields.year'), children: fund.year },
              { key: 'unit', label: t('fields.responsibleUnit'), children: fund.responsibleUnit },
              { key: 'amount', label: t('fields.amountYuan'), children: formatInt(fund.amountYuan) },
              { key: 'remaining', label: t('remaining'), children: formatInt(fund.remainingYuan) },
              { key: 'util', label: t('utilisation'), children: formatPercent(fund.utilisation) },
              { key: 'use', label: t('columns.use'), children: <FundUse fund={fund} />, span: 'filled' },
              ...(fund.note ? [{ key: 'note', label: t('fields.note'), children: fund.note }] : []),
            ]}
          />
        </Card>
        <Allocations fund={fund} staff={staff} />
      </Flex>
      {editing && <FundForm fund={fund} onClose={() => setEditing(false)} />}
    </>
  );
}

function Allocations({ fund, staff }: { fund: Fund; staff: boolean }) {
  const { t } = useTranslation('funds');
  const { t: tc } = useTranslation('campaigns');
  const list = useAllocations(fund.id);
  const remove = useRemoveAllocation(fund.id);
  const [editing, setEditing] = useState<Allocation | 'new' | null>(null);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('allocations')}</h2>}
      extra={
        staff && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('addAllocation')}
          </Button>
        )
      }
    >
      <QueryState query={list}>
        {(data) => (
          <Table<Allocation>
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description={t('noAllocations')} /> }}
            footer={() =>
              t('allocationsTotal', {
                allocated: formatInt(fund.allocatedYuan),
                amount: formatInt(fund.amountYuan),
              })
            }
            columns={[
              {
                title: t('allocationColumns.campaign'),
                dataIndex: 'campaignName',
                render: (name: string, a) => <Link to={`/campaigns/${a.campaignId}`}>{name}</Link>,
              },
              {
                title: t('allocationColumns.status'),
                dataIndex: 'campaignStatus',
                width: 100,
                render: (s: CampaignStatus) => <Tag color={STATUS_COLOR[s]}>{tc(`status.${s}`)}</Tag>,
              },
              {
                title: t('allocationColumns.amount'),
                dataIndex: 'amountYuan',
                align: 'right',
                width: 130,
                render: (v: number) => formatInt(v),
              },
              { title: t('allocationColumns.note'), dataIndex: 'note', responsive: ['md'] },
              ...(staff
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 170,
                      render: (_: unknown, a: Allocation) => (
                        <Flex gap={4}>
                          <Button size="small" onClick={() => setEditing(a)}>
                            {t('editAllocation')}
                          </Button>
                          <Popconfirm
                            title={t('confirmRemove', { name: a.campaignName })}
                            onConfirm={() =>
                              void (async () => {
                                try {
                                  await remove.mutateAsync(a.id);
                                  notify('success', t('deleted'));
                                } catch (error) {
                                  notify('error', errorText(error));
                                }
                              })()
                            }
                          >
                            <Button size="small" danger>
                              {t('removeAllocation')}
                            </Button>
                          </Popconfirm>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <AllocationForm
          fund={fund}
          allocation={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

/** The 409 over-allocation, with its amounts, in a sentence. */
export function OverAllocationAlert({ problem }: { problem: OverAllocation }) {
  const { t } = useTranslation('funds');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('overAllocated')}
      description={t('overAllocatedText', {
        fund: problem.fundName,
        amount: formatInt(problem.amountYuan),
        allocated: formatInt(problem.allocatedYuan),
        remaining: formatInt(problem.remainingYuan),
        requested: formatInt(problem.requestedYuan),
        excess: formatInt(problem.allocatedYuan + problem.requestedYuan - problem.amountYuan),
      })}
      style={{ marginBottom: 16 }}
    />
  );
}

function AllocationForm({
  fund,
  allocation,
  onClose,
}: {
  fund: Fund;
  allocation?: Allocation;
  onClose: () => void;
}) {
  const { t } = useTranslation('funds');
  const [form] = Form.useForm<{ campaignId: string; amountYuan: number; note?: string }>();
  const save = useSaveAllocation(fund.id);
  const campaigns = useCampaignList({ year: fund.year, limit: 200, offset: 0 });
  const [problem, setProblem] = useState<OverAllocation | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setProblem(null);
    try {
      await save.mutateAsync({ allocationId: allocation?.id, ...v, note: v.note?.trim() || null });
      notify('success', t('saved'));
      onClose();
    } catch (error) {
      const over = overAllocation(error);
      if (over) setProblem(over);
      else notify('error', errorText(error));
    }
  };
  const req = (field: 'campaign' | 'amountYuan') => [
    { required: true, message: t('required', { field: t(`fields.${field}`) }) },
  ];
  return (
    <Modal
      open
      title={allocation ? t('editAllocation') : t('addAllocation')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      okText={allocation ? t('editAllocation') : t('addAllocation')}
    >
      {problem && <OverAllocationAlert problem={problem} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          allocation
            ? {
                campaignId: allocation.campaignId,
                amountYuan: allocation.amountYuan,
                note: allocation.note ?? undefined,
              }
            : undefined
        }
      >
        <Form.Item name="campaignId" label={t('fields.campaign')} rules={req('campaign')}>
          <Select
            disabled={!!allocation}
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.isPending}
            options={
              allocation
                ? [{ value: allocation.campaignId, label: allocation.campaignName }]
                : (campaigns.data?.items ?? [])
                    .filter((c) => c.status !== 'completed' && c.status !== 'cancelled')
                    .map((c) => ({ value: c.id, label: c.name }))
            }
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('fields.amountYuan')} rules={req('amountYuan')}>
          <InputNumber min={1} step={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
