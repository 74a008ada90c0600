import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { CHANNELS, useCampaignList } from '../campaigns/campaign-api';
import type { Schemas } from '../common/api/client';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatInt, formatPercent } from '../common/format';
import { DeleteAndLeave } from '../common/delete-and-leave';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { useEventTitle } from '../events/event-bits';
import { useVenueName } from '../events/queries';
import { useEvents, useVenues } from '../events/queries';
import { useTargetList } from '../targets/target-api';
import { useTargetTitle } from '../targets/target-title';
import { GapPlanCard } from './gap-plan-card';
import {
  ACTIONS,
  useAddChange,
  useDeleteScenario,
  useRemoveChange,
  useScenario,
  useScenarioProjection,
  type ChangeAction,
  type ChangeInput,
  type Scenario,
  type ScenarioChange,
} from './scenario-api';
import { PROJECTION_STATUS_COLOR } from '../targets/projection-status';

type Figures = Schemas['ProjectionFiguresView'];

/** One scenario: its changes (planners edit them) and its projection beside the official one. */
export default function ScenarioPage() {
  const { id = '' } = useParams();
  const scenario = useScenario(id);
  return <QueryState query={scenario}>{(s) => <ScenarioDetail scenario={s} />}</QueryState>;
}

function ScenarioDetail({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation('scenarios');
  const staff = STAFF.includes(useCurrentUser().role);
  const navigate = useNavigate();
  const remove = useDeleteScenario();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={scenario.name}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/scenarios')}>
              {t('back')}
            </Button>
            {staff && (
              <DeleteAndLeave
                label={t('delete')}
                confirm={t('confirmDelete', { name: scenario.name })}
                done={t('deleted')}
                to="/scenarios"
                remove={() => remove.mutateAsync(scenario.id)}
              />
            )}
          </>
        }
      >
        {scenario.description && (
          <Typography.Paragraph type="secondary">{scenario.description}</Typography.Paragraph>
        )}
      </PageHeader>
      <Flex vertical gap={16}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('changes')}</h2>}
          extra={
            staff && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('addChange')}
              </Button>
            )
          }
        >
          <ChangeList scenario={scenario} staff={staff} />
        </Card>
        <ProjectionCard scenario={scenario} />
      </Flex>
      {adding && <AddChange scenario={scenario} onClose={() => setAdding(false)} />}
    </>
  );
}

function describeChange(change: ScenarioChange): string {
  const d = change.details as unknown as Record<string, string | number | undefined>;
  const parts = [d.name, d.startDate && `${d.startDate}${d.endDate ? ` – ${d.endDate}` : ''}`];
  for (const k of ['expectedAttendance', 'expectedIncrementalVisitors', 'budgetYuan']) {
    if (typeof d[k] === 'number') parts.push(formatInt(d[k]));
  }
  return parts.filter(Boolean).join(' · ');
}

function ChangeList({ scenario, staff }: { scenario: Scenario; staff: boolean }) {
  const { t } = useTranslation('scenarios');
  const remove = useRemoveChange(scenario.id);
  return (
    <Table<ScenarioChange>
      rowKey="id"
      size="small"
      dataSource={scenario.changes}
      pagination={false}
      scroll={{ x: 520 }}
      locale={{ emptyText: <Empty description={t('noChanges')} /> }}
      columns={[
        { title: '#', dataIndex: 'seq', width: 50 },
        {
          title: t('fields.action'),
          dataIndex: 'action',
          width: 190,
          render: (a: ChangeAction) => t(`action.${a}`),
        },
        {
          title: t('fields.subject'),
          key: 'subject',
          render: (_, c) => (
            <span>
              {c.subjectType && <Tag>{t(`subjectType.${c.subjectType}`)}</Tag>}
              {describeChange(c)}
            </span>
          ),
        },
        ...(staff
          ? [
              {
                title: '',
                key: 'remove',
                width: 100,
                render: (_: unknown, c: ScenarioChange) => (
                  <Button
                    size="small"
                    danger
                    loading={remove.isPending && remove.variables === c.id}
                    onClick={() =>
                      void (async () => {
                        try {
                          await remove.mutateAsync(c.id);
                          notify('success', t('removed'));
                        } catch (error) {
                          notify('error', errorText(error));
                        }
                      })()
                    }
                  >
                    {t('remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface ChangeForm {
  action: ChangeAction;
  subjectType?: 'campaign' | 'event';
  campaignId?: string;
  eventId?: string;
  name?: string;
  channel?: ChangeInput['channel'];
  budgetYuan?: number;
  venueId?: string;
  startDate?: Dayjs;
  endDate?: Dayjs;
  expectedIncrementalVisitors?: number;
  expectedIncrementalRevenueYuan?: number;
  expectedAttendance?: number;
  expectedOutsideCitySharePct?: number;
  expectedSpendPerAttendeeYuan?: number;
}

function AddChange({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  const { t } = useTranslation('scenarios');
  const { t: tc } = useTranslation('campaigns');
  const [form] = Form.useForm<ChangeForm>();
  const action = Form.useWatch('action', form) ?? 'add_event';
  const subjectType = Form.useWatch('subjectType', form) ?? 'event';
  const add = useAddChange(scenario.id);
  const venues = useVenues();
  const venueName = useVenueName();
  const eventTitle = useEventTitle();
  const existing = action === 'cancel' || action === 'move' || action === 'change';
  const campaigns = useCampaignList({ limit: 200, offset: 0 });
  const events = useEvents({ limit: 200 });
  const req = (field: string) => [
    { required: true, message: t('required', { field: t(`fields.${field}` as 'fields.name') }) },
  ];
  const num = (field: keyof ChangeForm, required = false, max?: number) => (
    <Form.Item
      name={field}
      label={t(`fields.${field}` as 'fields.name')}
      rules={required ? req(field) : undefined}
    >
      <InputNumber min={0} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );

  const submit = async () => {
    const v = await form.validateFields();
    const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
    const body: ChangeInput = { action: v.action };
    if (existing) {
      if (v.subjectType === 'campaign') body.campaignId = v.campaignId;
      else body.eventId = v.eventId;
    }
    Object.assign(body, {
      name: v.name?.trim() || undefined,
      channel: v.channel,
      budgetYuan: v.budgetYuan ?? undefined,
      venueId: v.venueId,
      startDate: day(v.startDate),
      endDate: day(v.endDate),
      expectedIncrementalVisitors: v.expectedIncrementalVisitors ?? undefined,
      expectedIncrementalRevenueYuan: v.expectedIncrementalRevenueYuan ?? undefined,
      expectedAttendance: v.expectedAttendance ?? undefined,
      expectedOutsideCitySharePct: v.expectedOutsideCitySharePct ?? undefined,
      expectedSpendPerAttendeeYuan: v.expectedSpendPerAttendeeYuan ?? undefined,
    });
    for (const k of Object.keys(body) as (keyof ChangeInput)[]) if (body[k] === undefined) delete body[k];
    try {
      await add.mutateAsync(body);
      notify('success', t('added'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) notify('error', errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('addChange')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={add.isPending}
      okText={t('addChange')}
      destroyOnHidden
    >
      <Form<ChangeForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ action: 'add_event', subjectType: 'event' }}
      >
        <Form.Item name="action" label={t('fields.action')}>
          <Select options={ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))} />
        </Form.Item>
        {existing && (
          <>
            <Form.Item name="subjectType" label={t('fields.subject')}>
              <Select
                options={(['event', 'campaign'] as const).map((s) => ({
                  value: s,
                  label: t(`subjectType.${s}`),
                }))}
              />
            </Form.Item>
            {subjectType === 'campaign' ? (
              <Form.Item name="campaignId" label={t('fields.campaign')} rules={req('campaign')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={campaigns.isPending}
                  options={(campaigns.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.name} (${c.startDate})`,
                  }))}
                />
              </Form.Item>
            ) : (
              <Form.Item name="eventId" label={t('fields.event')} rules={req('event')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={events.isPending}
                  options={(events.data?.items ?? []).map((e) => ({
                    value: e.id,
                    label: `${eventTitle(e)} (${e.startsAt.slice(0, 10)})`,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {(action === 'add_event' || action === 'add_campaign') && (
          <Form.Item name="name" label={t('fields.name')} rules={req('name')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {action === 'add_campaign' && (
          <>
            <Form.Item name="channel" label={t('fields.channel')}>
              <Select allowClear options={CHANNELS.map((c) => ({ value: c, label: tc(`channel.${c}`) }))} />
            </Form.Item>
            {num('budgetYuan')}
          </>
        )}
        {action === 'add_event' && (
          <Form.Item name="venueId" label={t('fields.venueId')} rules={req('venueId')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={venues.isPending}
              options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: venueName(v) }))}
            />
          </Form.Item>
        )}
        {action !== 'cancel' && action !== 'change' && (
          <Flex gap={8} wrap>
            <Form.Item
              name="startDate"
              label={t('fields.startDate')}
              rules={req('startDate')}
              style={{ flex: '1 1 140px' }}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="endDate"
              label={t('fields.endDate')}
              rules={action === 'move' ? undefined : req('endDate')}
              style={{ flex: '1 1 140px' }}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        )}
        {(action === 'add_campaign' || (action === 'change' && subjectType === 'campaign')) && (
          <>
            {num('expectedIncrementalVisitors')}
            {num('expectedIncrementalRevenueYuan')}
          </>
        )}
        {(action === 'add_event' || (action === 'change' && subjectType === 'event')) && (
          <>
            {num('expectedAttendance', action === 'add_event')}
            {num('expectedOutsideCitySharePct', false, 100)}
            {num('expectedSpendPerAttendeeYuan')}
          </>
        )}
      </Form>
    </Modal>
  );
}

function ProjectionCard({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation('scenarios');
  const { t: to } = useTranslation('overview');
  const [params, setParams] = useSearchParams();
  const targets = useTargetList();
  const title = useTargetTitle();
  const targetId = params.get('target') ?? targets.data?.[0]?.id;
  const projection = useScenarioProjection(scenario.id, targetId, scenario.version);
  const p = projection.data;
  const diff = p?.difference;
  const row = (label: string, get: (f: Figures) => string, d?: string) => ({ label, get, d });
  const rows = [
    row(t('median'), (f) => formatInt(f.median), diff ? signed(diff.median) : undefined),
    row(t('interval80'), (f) => `${formatInt(f.lo80)} – ${formatInt(f.hi80)}`),
    row(t('interval95'), (f) => `${formatInt(f.lo95)} – ${formatInt(f.hi95)}`),
    row(
      t('probability'),
      (f) => formatPercent(f.probability),
      diff ? signedPct(diff.probability) : undefined,
    ),
  ];
  return (
    <>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('projection')}</h2>}>
        <Flex vertical gap={12}>
          <Select
            aria-label={t('chooseTarget')}
            placeholder={t('chooseTarget')}
            value={targetId}
            loading={targets.isPending}
            style={{ maxWidth: 420, width: '100%' }}
            onChange={(v: string) => {
              const next = new URLSearchParams(params);
              next.set('target', v);
              setParams(next, { replace: true });
            }}
            options={(targets.data ?? []).map((tg) => ({ value: tg.id, label: title(tg) }))}
          />
          <QueryState query={{ ...projection, isPending: projection.isPending && !!targetId }}>
            {(data) => (
              <Flex vertical gap={12}>
                {(data.pending || !data.withScenario) && (
                  <Alert
                    type="info"
                    showIcon
                    icon={<Spin size="small" />}
                    title={t('computing')}
                    role="status"
                  />
                )}
                {data.stale && data.withScenario && <Alert type="warning" showIcon title={t('staleHint')} />}
                {data.official && data.withScenario && (
                  <>
                    <Table
                      rowKey="label"
                      size="small"
                      pagination={false}
                      dataSource={rows}
                      scroll={{ x: 480 }}
                      aria-label={t('projection')}
                      columns={[
                        { title: '', dataIndex: 'label', width: 170 },
                        {
                          title: t('official'),
                          key: 'o',
                          align: 'right',
                          render: (_, r) => r.get(data.official!),
                        },
                        {
                          title: t('withScenario'),
                          key: 's',
                          align: 'right',
                          render: (_, r) => <strong>{r.get(data.withScenario!)}</strong>,
                        },
                        { title: t('difference'), key: 'd', align: 'right', render: (_, r) => r.d ?? '' },
                      ]}
                    />
                    <Flex gap={8} wrap>
                      <span>{t('status')}:</span>
                      <Tag color={PROJECTION_STATUS_COLOR[data.official.status]}>
                        {t('official')}: {to(`status.${data.official.status}`)}
                      </Tag>
                      <Tag color={PROJECTION_STATUS_COLOR[data.withScenario.status]}>
                        {t('withScenario')}: {to(`status.${data.withScenario.status}`)}
                      </Tag>
                      {data.targetTotal != null && (
                        <span>
                          {t('targetTotal')}: {formatInt(data.targetTotal)}
                        </span>
                      )}
                    </Flex>
                    {data.changes.length > 0 && (
                      <Table
                        rowKey="changeId"
                        size="small"
                        pagination={false}
                        dataSource={data.changes}
                        scroll={{ x: 480 }}
                        title={() => t('applied')}
                        columns={[
                          {
                            title: t('fields.action'),
                            dataIndex: 'action',
                            render: (a: ChangeAction) => t(`action.${a}`),
                          },
                          { title: t('fields.name'), dataIndex: 'name' },
                          {
                            title: t('remainingDelta'),
                            dataIndex: 'remainingDelta',
                            align: 'right',
                            render: (v: number) => signed(v),
                          },
                        ]}
                      />
                    )}
                  </>
                )}
                {data.notes.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                    {data.notes.join(' ')}
                  </Typography.Paragraph>
                )}
              </Flex>
            )}
          </QueryState>
        </Flex>
      </Card>
      {targetId && <GapPlanCard targetId={targetId} />}
    </>
  );
}

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatInt(Math.abs(n))}`;
}
function signedPct(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatPercent(Math.abs(n))}`;
}
