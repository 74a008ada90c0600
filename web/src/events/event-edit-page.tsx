import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { STAFF } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { useEditedVersion } from '../common/versioned-form';
import {
  useCreateEvent,
  useEvent,
  useOrganizations,
  useUpdateEvent,
  useVenues,
  type CreateEventBody,
  type EventView,
  useVenueName,
} from './queries';

const CATEGORIES = [
  'festival',
  'sports',
  'culture',
  'performance',
  'exhibition',
  'study_tour',
  'other',
] as const;

interface Values {
  titleZh: string;
  titleEn?: string;
  category: CreateEventBody['category'];
  venueId: string;
  organizationId?: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  expectedAttendance: number;
  expectedOutsideCitySharePct?: number | null;
  expectedSpendPerAttendeeYuan?: number | null;
  contact: { name: string; phone?: string; email?: string };
  description?: string;
  ticketingUrl?: string;
  note?: string;
}

/** Pickers show wall-clock times; the API reads `YYYY-MM-DDTHH:mm` in the venue's zone (Asia/Shanghai). */
const local = (d: Dayjs) => d.format('YYYY-MM-DDTHH:mm');
const fromLocal = (iso: string) => dayjs(iso.slice(0, 16));
const text = (v?: string | null) => (v && v.trim() ? v.trim() : null);

/**
 * The request body. Some optional fields are typed `Record<string, never> | null` by the
 * generated schema (their DTOs lack an explicit Swagger type); they carry strings and numbers.
 */
function toBody(v: Values): CreateEventBody {
  return {
    titleZh: v.titleZh.trim(),
    titleEn: text(v.titleEn),
    category: v.category,
    venueId: v.venueId,
    ...(v.organizationId ? { organizationId: v.organizationId } : {}),
    startsAt: local(v.startsAt),
    endsAt: local(v.endsAt),
    expectedAttendance: v.expectedAttendance,
    expectedOutsideCitySharePct: v.expectedOutsideCitySharePct ?? null,
    expectedSpendPerAttendeeYuan: v.expectedSpendPerAttendeeYuan ?? null,
    contact: {
      name: v.contact.name.trim(),
      phone: text(v.contact.phone),
      email: text(v.contact.email),
    },
    description: text(v.description),
    ticketingUrl: text(v.ticketingUrl),
    note: text(v.note),
  };
}

function toValues(e: EventView): Values {
  return {
    titleZh: e.titleZh,
    titleEn: e.titleEn ?? undefined,
    category: e.category,
    venueId: e.venue.id,
    organizationId: e.organizationId,
    startsAt: fromLocal(e.startsAtLocal),
    endsAt: fromLocal(e.endsAtLocal),
    expectedAttendance: e.expectedAttendance,
    expectedOutsideCitySharePct: e.expectedOutsideCitySharePct ?? null,
    expectedSpendPerAttendeeYuan: e.expectedSpendPerAttendeeYuan ?? null,
    contact: {
      name: e.contact.name,
      phone: e.contact.phone ?? undefined,
      email: e.contact.email ?? undefined,
    },
    description: e.description ?? undefined,
    ticketingUrl: e.ticketingUrl ?? undefined,
    note: e.note ?? undefined,
  };
}

export default function EventEditPage() {
  const { id } = useParams();
  const event = useEvent(id ?? '');
  if (!id) return <EventForm />;
  if (event.isPending) return <Skeleton active />;
  if (event.error || !event.data) return <Alert type="error" showIcon title={errorText(event.error)} />;
  return <EventForm event={event.data} />;
}

function EventForm({ event }: { event?: EventView }) {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const venueName = useVenueName();
  const staff = STAFF.includes(user.role);
  const venues = useVenues();
  const organizations = useOrganizations(staff && !event);
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const [form] = Form.useForm<Values>();
  const initial = useMemo(() => (event ? toValues(event) : undefined), [event]);
  const edited = useEditedVersion(form, event?.version, initial);

  const venueId = Form.useWatch('venueId', form);
  const startsAt = Form.useWatch('startsAt', form);
  const endsAt = Form.useWatch('endsAt', form);
  const attendance = Form.useWatch('expectedAttendance', form);
  const venue = venues.data?.items.find((v) => v.id === venueId);
  const days =
    startsAt && endsAt && !endsAt.isBefore(startsAt)
      ? endsAt.startOf('day').diff(startsAt.startOf('day'), 'day') + 1
      : 1;

  // One place says what went wrong: the alert above the form (the fields carry their own problems).
  const [formError, setFormError] = useState<string | null>(null);
  const failed = (error: unknown) => {
    edited.rebase(error);
    setFormError(applyFieldErrors(form, error) ? tc('errors.validation') : errorText(error));
  };

  const save = (values: Values) => {
    setFormError(null);
    const body = toBody(values);
    if (!event) {
      create.mutate(body, {
        onSuccess: (created) => {
          notify('success', t('form.created'));
          void navigate(`/events/${created.id}`, { replace: true });
        },
        onError: failed,
      });
      return;
    }
    // Only what changed: a PATCH of unchanged dates must not send an approved event back.
    const before = toBody(initial!) as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(
      Object.entries(body).filter(
        ([k, v]) => k !== 'organizationId' && JSON.stringify(v) !== JSON.stringify(before[k]),
      ),
    );
    update.mutate(
      { body: changed, ifMatch: edited.ifMatch() },
      {
        onSuccess: () => {
          notify('success', t('form.saved'));
          void navigate(`/events/${event.id}`);
        },
        onError: failed,
      },
    );
  };

  const pending = create.isPending || update.isPending;
  return (
    <>
      <PageHeader title={event ? t('form.editTitle') : t('form.newTitle')} />
      <Card>
        {formError && (
          <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial ?? { category: 'festival' }}
          onFinish={save}
          scrollToFirstError
          style={{ maxWidth: 880 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="titleZh"
                label={t('form.titleZh')}
                rules={[{ required: true, whitespace: true, message: t('form.required') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('form.titleEn')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="category"
                label={t('form.category')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
            </Col>
            {staff && !event && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="organizationId"
                  label={t('form.organization')}
                  rules={[{ required: true, message: t('form.required') }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={organizations.isPending}
                    options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24}>
              <Form.Item
                name="venueId"
                label={t('form.venue')}
                rules={[{ required: true, message: t('form.required') }]}
                extra={
                  venue?.maxDailyCapacity
                    ? t('form.capacityHint', {
                        capacity: formatInt(venue.maxDailyCapacity),
                        daily: formatInt((attendance ?? 0) / days),
                      })
                    : undefined
                }
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('form.venuePlaceholder')}
                  loading={venues.isPending}
                  options={(venues.data?.items ?? []).map((v) => ({
                    value: v.id,
                    label: v.maxDailyCapacity
                      ? t('form.venueOption', { name: venueName(v), capacity: formatInt(v.maxDailyCapacity) })
                      : t('form.venueNoCapacity', { name: venueName(v) }),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="startsAt"
                label={t('form.startsAt')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="endsAt"
                label={t('form.endsAt')}
                dependencies={['startsAt']}
                rules={[
                  { required: true, message: t('form.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, value?: Dayjs) => {
                      const start = getFieldValue('startsAt') as Dayjs | undefined;
                      return !value || !start || !value.isBefore(start)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('form.endBeforeStart')));
                    },
                  }),
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="expectedAttendance"
                label={t('form.expectedAttendance')}
                extra={t('form.expectedAttendanceHelp')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber min={0} step={1000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="expectedOutsideCitySharePct" label={t('form.outsideShare')}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="expectedSpendPerAttendeeYuan" label={t('form.spendPerAttendee')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['contact', 'name']}
                label={t('form.contactName')}
                rules={[{ required: true, whitespace: true, message: t('form.required') }]}
              >
                <Input autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['contact', 'phone']} label={t('form.contactPhone')}>
                <Input type="tel" autoComplete="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['contact', 'email']} label={t('form.contactEmail')}>
                <Input inputMode="email" autoComplete="email" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('form.description')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ticketingUrl" label={t('form.ticketingUrl')}>
                <Input inputMode="url" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="note" label={t('form.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={pending}>
              {t(event ? 'form.saveChanges' : 'form.save')}
            </Button>
            <Button onClick={() => void navigate(event ? `/events/${event.id}` : '/events')}>
              {tc('cancel')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
