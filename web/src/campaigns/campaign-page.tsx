import { useCurrentUser } from '../auth/session';
import { EditOutlined } from '@ant-design/icons';
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
  List,
  Modal,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { STAFF } from '../app/routes';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { formatDate, formatDateTime, formatInt } from '../common/format';
import { EffectCard } from '../scoreboard/effect-card';
import { PageHeader } from '../common/page';
import { QueryState } from '../common/query-state';
import { CampaignFunding } from '../funds/campaign-funding';
import {
  allows,
  EDITABLE,
  STATUS_COLOR,
  useCampaign,
  useCampaignTransition,
  useLinkedEvents,
  useOrganizations,
  type Campaign,
} from './campaign-api';

/** One campaign: its plan, linked events and the lifecycle buttons its state allows. */
export default function CampaignPage() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  return <QueryState query={campaign}>{(c) => <CampaignDetail campaign={c} />}</QueryState>;
}

function CampaignDetail({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const staff = STAFF.includes(useCurrentUser().role);
  const navigate = useNavigate();
  const linked = useLinkedEvents(c.id);
  const organizations = useOrganizations();
  const org = organizations.data?.find((o) => o.id === c.responsibleOrganizationId);
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatInt(v));

  return (
    <>
      <PageHeader
        title={c.name}
        extra={
          staff && (
            <>
              {EDITABLE.includes(c.status) && (
                <Button icon={<EditOutlined />} onClick={() => void navigate(`/campaigns/${c.id}/edit`)}>
                  {t('editCampaign')}
                </Button>
              )}
              <LifecycleButtons campaign={c} onDeleted={() => void navigate('/campaigns')} />
            </>
          )
        }
      >
        <Flex gap={8} align="center" style={{ marginTop: 8 }}>
          <Tag color={STATUS_COLOR[c.status]}>{t(`status.${c.status}`)}</Tag>
          <Typography.Text type="secondary">{t(`channel.${c.channel}`)}</Typography.Text>
        </Flex>
      </PageHeader>
      {c.status === 'cancelled' && c.cancellationReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('fields.cancellationReason')}: ${c.cancellationReason}`}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('columns.period')}>
            {formatDate(c.startDate)} – {formatDate(c.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.budgetYuan')}>{formatInt(c.budgetYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.responsibleUnit')}>{c.responsibleUnit}</Descriptions.Item>
          <Descriptions.Item label={t('fields.responsibleOrganizationId')}>
            {org?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.targetMarkets')}>
            {c.targetMarkets.length ? c.targetMarkets.join('、') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.expectedIncrementalVisitors')}>
            {money(c.expectedIncrementalVisitors)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.expectedIncrementalRevenueYuan')}>
            {money(c.expectedIncrementalRevenueYuan)}
          </Descriptions.Item>
          {c.status === 'completed' && (
            <>
              <Descriptions.Item label={t('fields.actualSpendYuan')}>
                {money(c.actualSpendYuan)}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.actualIncrementalVisitors')}>
                {money(c.actualIncrementalVisitors)}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.actualIncrementalRevenueYuan')}>
                {money(c.actualIncrementalRevenueYuan)}
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('fields.updatedAt')}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
          {c.description && (
            <Descriptions.Item label={t('fields.description')} span="filled">
              {c.description}
            </Descriptions.Item>
          )}
          {c.note && (
            <Descriptions.Item label={t('fields.note')} span="filled">
              {c.note}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <CampaignFunding campaignId={c.id} />
      <EffectCard kind="campaign" id={c.id} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('linkedEvents')}</h2>}>
        <QueryState
          query={linked}
          isEmpty={(d) => d.items.length === 0}
          empty={<Empty description={t('noLinkedEvents')} />}
        >
          {(d) => (
            <List
              size="small"
              dataSource={d.items}
              renderItem={(e) => (
                <List.Item>
                  <Flex wrap gap={8} align="center">
                    <Link to={`/events/${e.id}`}>{e.titleZh}</Link>
                    {e.titleEn && <Typography.Text type="secondary">{e.titleEn}</Typography.Text>}
                    <Typography.Text type="secondary">
                      {e.startsAtLocal.slice(0, 10)} · {e.venue.nameZh}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

/** Schedule, activate, complete (asks for the actual spend), cancel (asks for a reason), delete a draft. */
export function LifecycleButtons({ campaign: c, onDeleted }: { campaign: Campaign; onDeleted: () => void }) {
  const { t } = useTranslation('campaigns');
  const { t: tc } = useTranslation();
  const transition = useCampaignTransition(c.id);
  // The dialog's own mutation: its OK button spins for its own request only, never for a
  // confirmation still settling (refetching what it invalidated): a loading antd button
  // ignores clicks.
  const finish = useCampaignTransition(c.id);
  const [modal, contextHolder] = Modal.useModal();
  const [dialog, setDialog] = useState<'complete' | 'cancel' | null>(null);
  const [form] = Form.useForm();
  const [dialogError, setDialogError] = useState<string | null>(null);

  const simple = (kind: 'schedule' | 'activate' | 'delete', question: string) =>
    void modal.confirm({
      title: question,
      okText: t(`actions.${kind}`),
      cancelText: tc('cancel'),
      okButtonProps: kind === 'delete' ? { danger: true } : undefined,
      onOk: async () => {
        try {
          await transition.mutateAsync({ kind });
          notify('success', t(`done.${kind}`));
          if (kind === 'delete') onDeleted();
        } catch (error) {
          notify('error', errorText(error));
        }
      },
    });

  const submitDialog = async (values: Record<string, unknown>) => {
    setDialogError(null);
    try {
      if (dialog === 'complete') {
        await finish.mutateAsync({
          kind: 'complete',
          body: {
            actualSpendYuan: values.actualSpendYuan as number,
            ...(values.actualIncrementalVisitors != null
              ? { actualIncrementalVisitors: values.actualIncrementalVisitors as number }
              : {}),
            ...(values.actualIncrementalRevenueYuan != null
              ? { actualIncrementalRevenueYuan: values.actualIncrementalRevenueYuan as number }
              : {}),
          },
        });
      } else {
        await finish.mutateAsync({ kind: 'cancel', body: { reason: String(values.reason).trim() } });
      }
      notify('success', t(`done.${dialog!}`));
      setDialog(null);
      form.resetFields();
    } catch (error) {
      if (!applyFieldErrors(form, error)) setDialogError(errorText(error));
    }
  };

  return (
    <>
      {contextHolder}
      {allows('schedule', c.status) && (
        <Button type="primary" onClick={() => simple('schedule', t('confirmSchedule', { name: c.name }))}>
          {t('actions.schedule')}
        </Button>
      )}
      {allows('activate', c.status) && (
        <Button type="primary" onClick={() => simple('activate', t('confirmActivate', { name: c.name }))}>
          {t('actions.activate')}
        </Button>
      )}
      {allows('complete', c.status) && (
        <Button type="primary" onClick={() => setDialog('complete')}>
          {t('actions.complete')}
        </Button>
      )}
      {allows('cancel', c.status) && (
        <Button danger onClick={() => setDialog('cancel')}>
          {t('actions.cancel')}
        </Button>
      )}
      {c.status === 'draft' && (
        <Button danger type="text" onClick={() => simple('delete', t('confirmDelete', { name: c.name }))}>
          {t('actions.delete')}
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'complete' ? t('completeTitle', { name: c.name }) : t('cancelTitle', { name: c.name })
        }
        okText={dialog ? t(`actions.${dialog}`) : ''}
        cancelText={tc('cancel')}
        okButtonProps={{ danger: dialog === 'cancel', loading: finish.isPending }}
        onOk={() => form.submit()}
        onCancel={() => {
          setDialog(null);
          setDialogError(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {dialog === 'complete' ? t('completeHint') : t('cancelHint')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values: Record<string, unknown>) => void submitDialog(values)}
        >
          {dialog === 'complete' ? (
            <>
              <Form.Item
                name="actualSpendYuan"
                label={t('fields.actualSpendYuan')}
                rules={[{ required: true, message: t('required', { field: t('fields.actualSpendYuan') }) }]}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} autoFocus />
              </Form.Item>
              <Form.Item name="actualIncrementalVisitors" label={t('fields.actualIncrementalVisitors')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="actualIncrementalRevenueYuan" label={t('fields.actualIncrementalRevenueYuan')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="reason"
              label={t('fields.reason')}
              rules={[
                { required: true, whitespace: true, message: t('required', { field: t('fields.reason') }) },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} autoFocus />
            </Form.Item>
          )}
        </Form>
        {dialogError && <Alert type="error" showIcon role="alert" title={dialogError} />}
      </Modal>
    </>
  );
}
