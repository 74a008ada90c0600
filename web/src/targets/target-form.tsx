import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from '../common/errors';
import { notify } from '../common/feedback';
import { useEditedVersion } from '../common/versioned-form';
import { useCreateTarget, useUpdateTarget, useVenueNames, type Target, type TargetInput } from './target-api';

interface Values {
  year: number;
  metric: Target['metric'];
  scope: Target['scope'];
  venueId?: string;
  baselineYear: number;
  /** Percent in the form, a rate in the API (30 -> 0.3). */
  growthPct: number;
  targetTotal?: number | null;
  note?: string;
}

/** The API's field names for the form's own (a 400 names `growthRate`). */
const FIELD_ALIASES = { growthRate: 'growthPct' };

/**
 * Creates a target or edits one in a dialog (planners and admins). Year, metric and scope identify
 * a target: shown when editing, not editable.
 */
export function TargetForm({ target, onClose }: { target?: Target; onClose: (saved?: Target) => void }) {
  const { t } = useTranslation('targets');
  const { t: to, i18n } = useTranslation('overview');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateTarget();
  const update = useUpdateTarget(target?.id ?? '');
  const venues = useVenueNames();
  const scope = Form.useWatch('scope', form);
  const year = Form.useWatch('year', form);
  const required = (field: string) => [{ required: true, message: t('form.required', { field }) }];
  const initial: Values | undefined = target && {
    year: target.year,
    metric: target.metric,
    scope: target.scope,
    venueId: target.venueId ?? undefined,
    baselineYear: target.baselineYear,
    growthPct: Math.round(target.growthRate * 10_000) / 100,
    targetTotal: target.totalSource === 'entered' ? target.targetTotal : undefined,
    note: target.note ?? undefined,
  };
  const edited = useEditedVersion(form, target?.version, initial);

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      baselineYear: v.baselineYear,
      growthRate: Math.round(v.growthPct * 100) / 10_000,
    };
    try {
      const saved = target
        ? await update.mutateAsync({
            body: {
              ...common,
              // Emptied: back to the computed total; emptied note: no note.
              targetTotal: v.targetTotal ?? null,
              note: v.note?.trim() || null,
            },
            ifMatch: edited.ifMatch(),
          })
        : await create.mutateAsync({
            ...common,
            year: v.year,
            metric: v.metric,
            scope: v.scope,
            ...(v.scope === 'venue' ? { venueId: v.venueId } : {}),
            ...(v.targetTotal != null ? { targetTotal: v.targetTotal } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          } satisfies TargetInput);
      notify('success', t('form.saved'));
      onClose(saved);
    } catch (error) {
      edited.rebase(error);
      if (!applyFieldErrors(form, error, FIELD_ALIASES)) notify('error', errorText(error));
    }
  };

  const thisYear = new Date().getFullYear();
  return (
    <Modal
      open
      title={target ? t('form.edit') : t('form.new')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      confirmLoading={create.isPending || update.isPending}
      okText={target ? t('form.edit') : t('form.new')}
      cancelText={tc('cancel')}
    >
      {target && <Alert type="info" showIcon title={t('form.identity')} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={create.isPending || update.isPending}
        initialValues={
          initial ?? {
            year: thisYear,
            metric: 'visitors',
            scope: 'city',
            baselineYear: thisYear - 1,
            growthPct: 30,
          }
        }
      >
        <Form.Item name="year" label={t('form.year')} rules={required(t('form.year'))}>
          <InputNumber min={2000} max={2100} disabled={!!target} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="metric" label={t('form.metric')} rules={required(t('form.metric'))}>
          <Select
            disabled={!!target}
            options={(['visitors', 'revenue'] as const).map((m) => ({ value: m, label: to(`metric.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('form.scope')} rules={required(t('form.scope'))}>
          <Select
            disabled={!!target}
            options={(['city', 'venue'] as const).map((s) => ({ value: s, label: to(`scope.${s}`) }))}
          />
        </Form.Item>
        {scope === 'venue' && (
          <Form.Item name="venueId" label={t('form.venue')} rules={required(t('form.venue'))}>
            <Select
              disabled={!!target}
              showSearch={{ optionFilterProp: 'label' }}
              loading={venues.isPending}
              options={[...(venues.data?.values() ?? [])].map((v) => ({
                value: v.id,
                label: i18n.language === 'en' ? v.nameEn : v.nameZh,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="baselineYear"
          label={t('form.baselineYear')}
          rules={required(t('form.baselineYear'))}
          dependencies={['year']}
        >
          <InputNumber min={1990} max={year ? year - 1 : 2099} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="growthPct" label={t('form.growth')} rules={required(t('form.growth'))}>
          <InputNumber min={-99} max={1000} step={1} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetTotal" label={t('form.targetTotal')} extra={t('form.targetTotalHelp')}>
          <InputNumber min={1} step={100_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
