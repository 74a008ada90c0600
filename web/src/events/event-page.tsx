import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../common/api/client';
import { errorText } from '../common/errors';
import { formatDateTime, formatInt } from '../common/format';
import { PageHeader } from '../common/page';
import { NotFoundPage } from '../common/result-pages';
import { EffectCard } from '../scoreboard/effect-card';
import { EventActions } from './event-actions';
import { EventStatusTag, WarningList, eventWhen, useEventTitle } from './event-bits';
import { useEvent, useVenueName, useEventChecks, useEventHistory, type EventView } from './queries';

/** One event: its facts, the checks as they stand (before submitting), actions and history. */
export default function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  if (event.isPending) return <Skeleton active />;
  // Another organization's event answers 404: the same page as an unknown id.
  if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
  if (event.error || !event.data) return <Alert type="error" showIcon title={errorText(event.error)} />;
  return <EventDetail event={event.data} />;
}

function EventDetail({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const navigate = useNavigate();
  const title = useEventTitle();
  const venueName = useVenueName();
  const open = ['draft', 'rejected', 'submitted'].includes(event.status);
  const checks = useEventChecks(event.id, open);

  return (
    <>
      <PageHeader
        title={
          <Flex wrap gap={8} align="center">
            {title(event)} <EventStatusTag status={event.status} />
          </Flex>
        }
        extra={
          <EventActions
            event={event}
            warnings={open ? checks.data : []}
            onDeleted={() => void navigate('/events', { replace: true })}
          />
        }
      />
      {event.status === 'rejected' && event.rejectionReason && (
        <Alert
          type="error"
          showIcon
          title={t('detail.rejectedBecause', { reason: event.rejectionReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      {event.status === 'cancelled' && event.cancellationReason && (
        <Alert
          type="info"
          showIcon
          title={t('detail.cancelledBecause', { reason: event.cancellationReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('detail.organization')}>
                  {event.organizationName}
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.venue')}>{venueName(event.venue)}</Descriptions.Item>
                <Descriptions.Item label={t('detail.when')}>{eventWhen(event)}</Descriptions.Item>
                <Descriptions.Item label={t('form.category')}>
                  {t(`category.${event.category}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.attendance')}>
                  {formatInt(event.expectedAttendance)}
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.daily')}>
                  {formatInt(event.expectedDailyAttendance)}
                </Descriptions.Item>
                {event.status === 'completed' && (
                  <>
                    <Descriptions.Item label={t('actions.actualAttendance')}>
                      {formatInt(event.actualAttendance)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('actions.actualRevenue')}>
                      {formatInt(event.actualRevenueYuan)}
                    </Descriptions.Item>
                  </>
                )}
                <Descriptions.Item label={t('detail.contact')}>
                  {[event.contact.name, event.contact.phone, event.contact.email].filter(Boolean).join(' · ')}
                </Descriptions.Item>
                {event.description && (
                  <Descriptions.Item label={t('form.description')}>{event.description}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            {open && (
              <Card
                role="region"
                aria-label={t('detail.checks')}
                title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.checks')}</h2>}
              >
                <Typography.Paragraph type="secondary">{t('detail.checksHint')}</Typography.Paragraph>
                {checks.isPending ? (
                  <Skeleton active paragraph={{ rows: 2 }} />
                ) : checks.error ? (
                  <Alert type="error" showIcon title={errorText(checks.error)} />
                ) : checks.data.length === 0 ? (
                  <Alert type="success" showIcon title={t('detail.noWarnings')} />
                ) : (
                  <WarningList warnings={checks.data} startsAt={event.startsAt} />
                )}
              </Card>
            )}
            <EffectCard kind="event" id={event.id} venueName={venueName(event.venue)} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <History id={event.id} />
        </Col>
      </Row>
    </>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation('events');
  const { t: tApp } = useTranslation('app');
  const history = useEventHistory(id);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.history')}</h2>}>
      {history.isPending ? (
        <Skeleton active />
      ) : history.error ? (
        <Alert type="error" showIcon title={errorText(history.error)} />
      ) : history.data.length === 0 ? (
        <Empty description={t('detail.noHistory')} />
      ) : (
        <Timeline
          items={history.data.map((h, i) => {
            const by = h.by as unknown as {
              name?: string;
              role?: 'admin' | 'planner' | 'organizer' | 'viewer';
            } | null;
            return {
              key: i,
              color:
                h.action === 'reject' || h.action === 'cancel'
                  ? 'red'
                  : h.action === 'approve'
                    ? 'green'
                    : 'blue',
              content: (
                <>
                  <Typography.Text strong>{t(`history.${h.action}`)}</Typography.Text>{' '}
                  {h.from && h.from !== h.to && (
                    <Typography.Text type="secondary">
                      {t('history.transition', { from: t(`status.${h.from}`), to: t(`status.${h.to}`) })}
                    </Typography.Text>
                  )}
                  <div>
                    <Typography.Text type="secondary">
                      {formatDateTime(h.at)}
                      {by?.name
                        ? ` · ${t('history.by', { name: by.name, role: by.role ? tApp(`roles.${by.role}`) : '' })}`
                        : ''}
                    </Typography.Text>
                  </div>
                  {h.reason && <div>{t('history.reason', { reason: h.reason })}</div>}
                </>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
