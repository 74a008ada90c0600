import { Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { useEventTransition, type EventView } from './queries';

interface Values {
  actualAttendance: number;
  actualRevenueYuan?: number | null;
}

/**
 * "Record results": after an approved event has ended, its organizer (or a planner) enters the
 * actual attendance and, if known, the revenue; the event is then completed.
 */
export function RecordResults({ event, size }: { event: EventView; size: 'small' | 'middle' }) {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const transition = useEventTransition();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    transition.mutate(
      {
        kind: 'complete',
        id: event.id,
        actualAttendance: v.actualAttendance,
        actualRevenueYuan: v.actualRevenueYuan ?? undefined,
      },
      {
        onSuccess: () => setOpen(false),
        onError: (error) => {
          if (!applyFieldErrors(form, error)) notify('error', errorText(error));
        },
      },
    );

  return (
    <>
      <Button type="primary" size={size} onClick={() => setOpen(true)}>
        {t('actions.complete')}
      </Button>
      <Modal
        open={open}
        title={t('actions.completeTitle')}
        okText={t('actions.complete')}
        okButtonProps={{ loading: transition.isPending }}
        cancelText={tc('cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('actions.completeHint')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="actualAttendance"
            label={t('actions.actualAttendance')}
            rules={[{ required: true, message: t('actions.attendanceRequired') }]}
          >
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} autoFocus />
          </Form.Item>
          <Form.Item name="actualRevenueYuan" label={t('actions.actualRevenue')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
