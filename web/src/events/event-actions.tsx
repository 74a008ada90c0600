import { Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { STAFF, WRITERS } from '../app/routes';
import { useCurrentUser } from '../auth/session';
import { errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { useEventTitle } from './event-bits';
import { useEventTransition, type EventView, type EventWarning } from './queries';
import { RecordResults } from './record-results';

type Dialog = null | 'reject' | 'override' | 'cancel';

/**
 * The lifecycle buttons an event allows for the user's role, with the reason dialogs. The API
 * refuses the same transitions; these are hidden, not just disabled, when they cannot apply.
 */
export function EventActions({
  event,
  warnings,
  compact,
  onDeleted,
}: {
  event: EventView;
  /** The event's current checks, when loaded: a standing capacity warning needs an override. */
  warnings?: EventWarning[];
  compact?: boolean;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const transition = useEventTransition();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const staff = STAFF.includes(user.role);
  const writer = WRITERS.includes(user.role);
  const needsOverride = (warnings ?? []).some((w) => w.requiresOverride);
  const size = compact ? 'small' : 'middle';
  const eventTitle = useEventTitle();
  const label = (text: string) => `${text}: ${eventTitle(event)}`;

  const run = (action: Parameters<typeof transition.mutate>[0], after?: () => void) =>
    transition.mutate(action, {
      onSuccess: () => {
        setDialog(null);
        form.resetFields();
        after?.();
      },
      onError: (error) => notify('error', errorText(error)),
    });

  const submitReason = (values: { reason: string }) => {
    const reason = values.reason.trim();
    if (dialog === 'reject') run({ kind: 'reject', id: event.id, reason });
    if (dialog === 'override') run({ kind: 'approve', id: event.id, overrideReason: reason });
    if (dialog === 'cancel') run({ kind: 'cancel', id: event.id, reason });
  };

  const warningCount = warnings?.length ?? 0;
  const buttons = [];
  if (writer && ['draft', 'rejected', 'submitted', 'approved'].includes(event.status) && !compact) {
    buttons.push(
      <Button key="edit" size={size} onClick={() => void navigate(`/events/${event.id}/edit`)}>
        {t('actions.edit')}
      </Button>,
    );
  }
  if (writer && ['draft', 'rejected'].includes(event.status)) {
    buttons.push(
      <Popconfirm
        key="submit"
        title={t('actions.submitTitle')}
        description={
          warningCount ? t('actions.submitWithWarnings', { count: warningCount }) : t('actions.submitClean')
        }
        okText={t('actions.submit')}
        cancelText={tc('cancel')}
        onConfirm={() => run({ kind: 'submit', id: event.id })}
      >
        <Button type="primary" size={size} loading={transition.isPending}>
          {t('actions.submit')}
        </Button>
      </Popconfirm>,
    );
  }
  if (staff && event.status === 'submitted') {
    buttons.push(
      needsOverride ? (
        <Button
          key="override"
          type="primary"
          danger
          size={size}
          onClick={() => setDialog('override')}
          aria-label={label(t('actions.approveOverride'))}
        >
          {t('actions.approveOverride')}
        </Button>
      ) : (
        <Popconfirm
          key="approve"
          title={t('actions.approve')}
          okText={t('actions.approve')}
          cancelText={tc('cancel')}
          onConfirm={() => run({ kind: 'approve', id: event.id })}
        >
          <Button
            type="primary"
            size={size}
            disabled={warnings === undefined}
            aria-label={label(t('actions.approve'))}
          >
            {t('actions.approve')}
          </Button>
        </Popconfirm>
      ),
      <Button
        key="reject"
        danger
        size={size}
        onClick={() => setDialog('reject')}
        aria-label={label(t('actions.reject'))}
      >
        {t('actions.reject')}
      </Button>,
    );
  }
  if (writer && event.status === 'draft' && !compact) {
    buttons.push(
      <Popconfirm
        key="delete"
        title={t('actions.deleteTitle')}
        okText={t('actions.delete')}
        okButtonProps={{ danger: true }}
        cancelText={tc('cancel')}
        onConfirm={() => run({ kind: 'delete', id: event.id }, onDeleted)}
      >
        <Button danger size={size}>
          {t('actions.delete')}
        </Button>
      </Popconfirm>,
    );
  }
  // After the end, an approved event waits for its actual figures (the API refuses them before).
  if (writer && event.status === 'approved' && Date.parse(event.endsAt) <= Date.now() && !compact) {
    buttons.push(<RecordResults key="complete" event={event} size={size} />);
  }
  if (writer && ['submitted', 'approved'].includes(event.status) && !compact) {
    buttons.push(
      <Button key="cancel" size={size} onClick={() => setDialog('cancel')}>
        {t('actions.cancel')}
      </Button>,
    );
  }

  const titles = {
    reject: t('actions.rejectTitle'),
    override: t('actions.overrideTitle'),
    cancel: t('actions.cancelTitle'),
  };
  const fields = {
    reject: { label: t('actions.rejectReason'), help: t('actions.rejectReasonHelp') },
    override: { label: t('actions.overrideReason'), help: t('actions.overrideReasonHelp') },
    cancel: { label: t('actions.cancelReason'), help: undefined },
  };
  return (
    <>
      {buttons}
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        okText={
          dialog === 'override'
            ? t('actions.approveOverride')
            : dialog === 'reject'
              ? t('actions.reject')
              : tc('confirm')
        }
        okButtonProps={{ danger: dialog !== 'override', loading: transition.isPending }}
        cancelText={tc('cancel')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {dialog === 'override' && warnings && (
          <ul>
            {warnings
              .filter((w) => w.requiresOverride)
              .map((w, i) => (
                <li key={i}>{t(`warning.${w.code}`)}</li>
              ))}
          </ul>
        )}
        <Form form={form} layout="vertical" onFinish={submitReason} preserve={false}>
          {dialog && (
            <Form.Item
              name="reason"
              label={fields[dialog].label}
              extra={fields[dialog].help}
              rules={[
                { required: dialog !== 'cancel', whitespace: true, message: t('actions.reasonRequired') },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
