import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../common/api/client';
import { keys } from '../common/api/keys';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { useEditedVersion } from '../common/versioned-form';
import { useCampaignFunding } from '../funds/fund-api';
import {
  CHANNELS,
  EDITABLE,
  useCampaign,
  useCreateCampaign,
  useLinkedEvents,
  useOrganizations,
  useScheduleCampaign,
  useUpdateCampaign,
  type Campaign,
  type CampaignInput,
  type Channel,
} from './campaign-api';

interface Values {
  name: string;
  channel: Channel;
  startDate: Dayjs;
  endDate: Dayjs;
  budgetYuan: number;
  responsibleUnit: string;
  responsibleOrganizationId?: string | null;
  targetMarkets?: string[];
  description?: string | null;
  expectedIncrementalVisitors?: number | null;
  expectedIncrementalRevenueYuan?: number | null;
  note?: string | null;
  eventIds?: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/campaigns/new` (optionally `?startDate=YYYY-MM-DD` from the calendar) and `/campaigns/:id/edit`. */
export default function CampaignFormPage() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  if (!id) return <CampaignForm />;
  return <QueryState query={campaign}>{(c) => <CampaignForm campaign={c} />}</QueryState>;
}

function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const { t } = useTranslation('campaigns');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const organizations = useOrganizations();
  const linked = useLinkedEvents(campaign?.id);
  const fromCalendar =
    !campaign && DATE.test(params.get('startDate') ?? '') ? params.get('startDate')! : null;
  const [eventSearch, setEventSearch] = useState('');
  const events = useQuery({
    queryKey: keys.eventList({ q: eventSearch, limit: 20 }),
    queryFn: () =>
      ok(api.GET('/api/v1/events', { params: { query: { q: eventSearch || undefined, limit: 20 } } })),
  });
  const [createdId, setCreatedId] = useState<string | null>(null);
  const schedule = useScheduleCampaign();

  const initial = useMemo<Partial<Values>>(
    () =>
      campaign
        ? {
            name: campaign.name,
            channel: campaign.channel,
            startDate: dayjs(campaign.startDate),
            endDate: dayjs(campaign.endDate),
            budgetYuan: campaign.budgetYuan,
            responsibleUnit: campaign.responsibleUnit,
            responsibleOrganizationId: campaign.responsibleOrganizationId ?? undefined,
            targetMarkets: campaign.targetMarkets,
            description: campaign.description ?? undefined,
            expectedIncrementalVisitors: campaign.expectedIncrementalVisitors ?? undefined,
            expectedIncrementalRevenueYuan: campaign.expectedIncrementalRevenueYuan ?? undefined,
            note: campaign.note ?? undefined,
            eventIds: campaign.linkedEventIds,
          }
        : {
            targetMarkets: [],
            eventIds: [],
            ...(fromCalendar ? { startDate: dayjs(fromCalendar), endDate: dayjs(fromCalendar) } : {}),
          },
    [campaign, fromCalendar],
  );
  // Once a campaign draws on funds, its budget is their sum: changed on the funds' pages.
  const funded = (useCampaignFunding(campaign?.id).data?.allocations.length ?? 0) > 0;
  const edited = useEditedVersion(form, campaign?.version, campaign ? initial : undefined);

  const eventOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of [...(linked.data?.items ?? []), ...(events.data?.items ?? [])]) {
      seen.set(e.id, `${e.titleZh}${e.titleEn ? ` · ${e.titleEn}` : ''} (${e.startsAtLocal.slice(0, 10)})`);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [linked.data, events.data]);

  const bodyOf = (v: Values): CampaignInput => {
    const blank = (x: string | null | undefined) => (x && x.trim() ? x.trim() : null);
    const body = {
      name: v.name.trim(),
      channel: v.channel,
      startDate: v.startDate.format('YYYY-MM-DD'),
      endDate: v.endDate.format('YYYY-MM-DD'),
      budgetYuan: v.budgetYuan,
      responsibleUnit: v.responsibleUnit.trim(),
      responsibleOrganizationId: v.responsibleOrganizationId || null,
      targetMarkets: v.targetMarkets ?? [],
      description: blank(v.description),
      expectedIncrementalVisitors: v.expectedIncrementalVisitors ?? null,
      expectedIncrementalRevenueYuan: v.expectedIncrementalRevenueYuan ?? null,
      note: blank(v.note),
      eventIds: v.eventIds ?? [],
    };
    if (!campaign) {
      // A new campaign leaves unset optional fields out instead of sending null.
      for (const [k, value] of Object.entries(body))
        if (value === null) delete (body as Record<string, unknown>)[k];
    }
    return body;
  };

  const fail = (error: unknown) => {
    edited.rebase(error);
    if (applyFieldErrors(form, error)) setFormError(tc('errors.validation'));
    else setFormError(errorText(error));
  };

  const submit = async (andSchedule: boolean) => {
    setFormError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = bodyOf(values);
    try {
      if (campaign) {
        const saved = await update.mutateAsync({ body, ifMatch: edited.ifMatch() });
        notify('success', t('saved'));
        void navigate(`/campaigns/${saved.id}`);
        return;
      }
      const created = createdId ? null : await create.mutateAsync(body);
      const id = createdId ?? created!.id;
      setCreatedId(id);
      if (andSchedule) await schedule.mutateAsync(id);
      notify('success', t('created', { name: body.name }));
      void navigate(`/campaigns/${id}`);
    } catch (error) {
      fail(error);
    }
  };

  const readOnly = campaign && !EDITABLE.includes(campaign.status);
  const busy = create.isPending || update.isPending || schedule.isPending;
  const required = (field: string) => [{ required: true, message: t('required', { field }) }];

  return (
    <>
      <PageHeader title={campaign ? `${t('editCampaign')}: ${campaign.name}` : t('newCampaign')} />
      {fromCalendar && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('fromCalendar', { date: fromCalendar })}
        />
      )}
      {readOnly && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('notEditable')} />}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          disabled={readOnly || busy}
          onFinish={() => void submit(false)}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={t('fields.name')} rules={required(t('fields.name'))}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('fields.channel')} rules={required(t('fields.channel'))}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="startDate"
                label={t('fields.startDate')}
                rules={required(t('fields.startDate'))}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="endDate"
                label={t('fields.endDate')}
                dependencies={['startDate']}
                rules={[
                  ...required(t('fields.endDate')),
                  ({ getFieldValue }) => ({
                    validator: (_, value: Dayjs | undefined) => {
                      const start = getFieldValue('startDate') as Dayjs | undefined;
                      return !value || !start || !value.isBefore(start, 'day')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('endBeforeStart')));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="budgetYuan"
                label={t('fields.budgetYuan')}
                rules={required(t('fields.budgetYuan'))}
                extra={funded ? t('budgetFromFunds') : undefined}
              >
                <InputNumber min={0} precision={0} disabled={funded} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="responsibleUnit"
                label={t('fields.responsibleUnit')}
                rules={required(t('fields.responsibleUnit'))}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="responsibleOrganizationId" label={t('fields.responsibleOrganizationId')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={organizations.isPending}
                  options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="targetMarkets"
                label={t('fields.targetMarkets')}
                extra={t('fields.targetMarketsHint')}
              >
                <Select mode="tags" open={false} suffixIcon={null} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="expectedIncrementalVisitors" label={t('fields.expectedIncrementalVisitors')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="expectedIncrementalRevenueYuan"
                label={t('fields.expectedIncrementalRevenueYuan')}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('fields.description')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="eventIds" label={t('fields.eventIds')} extra={t('fields.eventIdsHint')}>
                <Select
                  mode="multiple"
                  showSearch={{ filterOption: false, onSearch: setEventSearch }}
                  loading={events.isFetching}
                  options={eventOptions}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={t('fields.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          {formError && (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={formError} />
          )}
          <Flex wrap gap={8} justify="flex-end">
            <Button onClick={() => void navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>
              {tc('cancel')}
            </Button>
            {!campaign && (
              <Button onClick={() => void submit(true)} loading={busy}>
                {t('createAndSchedule')}
              </Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy}>
              {campaign ? tc('save') : t('create')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
