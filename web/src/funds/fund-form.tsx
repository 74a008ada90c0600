import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { notify } from '../common/feedback';
import { useFormSubmit } from '../common/form-submit';
import { useEditedVersion } from '../common/versioned-form';
import { FUND_KINDS, useSaveFund, type Fund, type FundInput } from './fund-api';

/** Create or edit a fund in a dialog (planners and admins). */
export function FundForm({ fund, onClose }: { fund?: Fund; onClose: (saved?: Fund) => void }) {
  const { t } = useTranslation('funds');
  const [form] = Form.useForm<FundInput>();
  const save = useSaveFund(fund?.id);
  const req = (field: keyof FundInput) => [
    { required: true, message: t('required', { field: t(`fields.${field}` as 'fields.name') }) },
  ];
  const initial = fund && {
    name: fund.name,
    kind: fund.kind,
    year: fund.year,
    amountYuan: fund.amountYuan,
    responsibleUnit: fund.responsibleUnit,
    note: fund.note ?? undefined,
  };
  const edited = useEditedVersion(form, fund?.version, initial);
  const { submit, error } = useFormSubmit(form, async (v) => {
    const saved = await edited.saving(() =>
      save.mutateAsync({
        body: {
          ...v,
          name: v.name.trim(),
          responsibleUnit: v.responsibleUnit.trim(),
          note: v.note?.trim() || null,
        },
        ifMatch: edited.ifMatch(),
      }),
    );
    notify('success', t('saved'));
    onClose(saved);
  });
  return (
    <Modal
      open
      title={fund ? t('editFund') : t('newFund')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      okText={fund ? t('editFund') : t('newFund')}
    >
      <Form<FundInput>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initial ?? { kind: 'municipal_budget', year: 2022 }}
      >
        <Form.Item name="name" label={t('fields.name')} rules={req('name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')} rules={req('kind')}>
          <Select options={FUND_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('fields.year')} rules={req('year')}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('fields.amountYuan')} rules={req('amountYuan')}>
          <InputNumber min={0} step={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="responsibleUnit" label={t('fields.responsibleUnit')} rules={req('responsibleUnit')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
