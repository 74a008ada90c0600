import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Typography,
  type FormItemProps,
  type FormListFieldData,
  type GetRef,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { notify } from '../common/feedback';
import { useFormSubmit } from '../common/form-submit';
import { HOLIDAYS, holidayDay, mergeRows, type Holiday, type HolidayRow, type Kind } from './holiday-days';

type Override = Schemas['HolidayOverrideView'];

interface Values {
  days: HolidayRow[];
}

/** What the range adder appends: one row per day of the range. */
interface Adder {
  range: [Dayjs, Dayjs] | null;
  kind: Kind;
  holiday: Holiday;
}

/**
 * A whole year's added days at once (PUT /holidays/years/:year), as the State Council notice lists
 * them: ranges of days off and single swapped working days are added to the list, which starts as
 * the year's current added days and can be corrected row by row before it replaces them.
 */
export function HolidayYearDialog({
  year,
  current,
  onClose,
}: {
  year: number;
  current: readonly Override[];
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [adder, setAdder] = useState<Adder>({ range: null, kind: 'holiday', holiday: 'spring_festival' });
  const days = Form.useWatch('days', form) ?? [];
  // Back to the range after each addition: a notice lists several ranges in a row.
  const rangeInput = useRef<GetRef<typeof DatePicker.RangePicker>>(null);
  const replace = useMutation({
    mutationFn: (rows: HolidayRow[]) =>
      ok(
        api.PUT('/api/v1/holidays/years/{year}', {
          params: { path: { year } },
          body: { days: rows.map(holidayDay) },
        }),
      ),
    meta: { invalidates: [['holidays'], keys.targets] },
  });
  const { submit, error } = useFormSubmit(form, async ({ days: rows = [] }) => {
    const saved = await replace.mutateAsync(rows);
    notify('success', t('holidays.yearSaved', { count: saved.length, year }));
    onClose();
  });
  const outsideYear = (d: Dayjs) => d.year() !== year;
  const addRange = () => {
    if (!adder.range) return;
    const [from, to] = adder.range;
    const added: HolidayRow[] = [];
    for (let d = from.startOf('day'); !d.isAfter(to, 'day'); d = d.add(1, 'day'))
      added.push({ date: d, kind: adder.kind, holiday: adder.holiday });
    form.setFieldValue(
      'days',
      mergeRows((form.getFieldValue('days') as HolidayRow[] | undefined) ?? [], added),
    );
    setAdder({ ...adder, range: null });
    rangeInput.current?.focus();
  };
  const kindOptions = (['holiday', 'workday'] as const).map((k) => ({
    value: k,
    label: t(`holidays.kinds.${k}`),
  }));
  const holidayOptions = HOLIDAYS.map((h) => ({ value: h, label: t(`holidays.names.${h}`) }));
  /** A table cell holding the row's field `name`. */
  const cell =
    (name: keyof HolidayRow, control: ReactNode, rules?: FormItemProps['rules']) =>
    (_: unknown, field: FormListFieldData) => (
      <Form.Item name={[field.name, name]} style={{ margin: 0 }} rules={rules}>
        {control}
      </Form.Item>
    );

  return (
    <Modal
      open
      width={900}
      title={t('holidays.yearTitle', { year })}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: replace.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('holidays.yearHint', { year })}</Typography.Text>
        <Flex wrap gap={8} align="center" role="group" aria-label={t('holidays.addRange')}>
          <DatePicker.RangePicker
            aria-label={t('holidays.range')}
            autoFocus
            ref={rangeInput}
            value={adder.range}
            onChange={(range) =>
              setAdder({ ...adder, range: range?.[0] && range[1] ? [range[0], range[1]] : null })
            }
            disabledDate={outsideYear}
            defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
            format="YYYY-MM-DD"
          />
          <Select<Kind>
            aria-label={t('holidays.kind')}
            value={adder.kind}
            onChange={(kind) => setAdder({ ...adder, kind })}
            options={kindOptions}
            style={{ width: 170 }}
          />
          <Select<Holiday>
            aria-label={t('holidays.holiday')}
            value={adder.holiday}
            onChange={(holiday) => setAdder({ ...adder, holiday })}
            options={holidayOptions}
            style={{ width: 150 }}
          />
          <Button icon={<PlusOutlined />} disabled={!adder.range} onClick={addRange}>
            {t('holidays.addRange')}
          </Button>
        </Flex>
        <Form<Values>
          form={form}
          initialValues={{
            days: current.map((o) => ({
              date: dayjs(o.date),
              kind: o.kind,
              holiday: o.holiday,
              name: o.name,
              note: o.note ?? undefined,
            })),
          }}
        >
          <Form.List name="days">
            {(fields, { remove }) => (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 800, y: 360 }}
                dataSource={fields}
                locale={{ emptyText: t('holidays.yearEmpty', { year }) }}
                columns={[
                  {
                    title: t('holidays.date'),
                    key: 'date',
                    width: 150,
                    render: cell(
                      'date',
                      <DatePicker
                        aria-label={t('holidays.date')}
                        format="YYYY-MM-DD"
                        disabledDate={outsideYear}
                        allowClear={false}
                      />,
                      [{ required: true, message: t('required', { field: t('holidays.date') }) }],
                    ),
                  },
                  {
                    title: t('holidays.kind'),
                    key: 'kind',
                    width: 160,
                    render: cell('kind', <Select aria-label={t('holidays.kind')} options={kindOptions} />),
                  },
                  {
                    title: t('holidays.holiday'),
                    key: 'holiday',
                    width: 170,
                    render: cell(
                      'holiday',
                      <Select aria-label={t('holidays.holiday')} options={holidayOptions} />,
                    ),
                  },
                  {
                    title: t('holidays.name'),
                    key: 'name',
                    render: (_, field) =>
                      cell(
                        'name',
                        <Input
                          aria-label={t('holidays.name')}
                          maxLength={100}
                          placeholder={
                            days[field.name]?.holiday && t(`holidays.names.${days[field.name].holiday}`)
                          }
                        />,
                      )(_, field),
                  },
                  {
                    title: t('holidays.note'),
                    key: 'note',
                    render: cell('note', <Input aria-label={t('holidays.note')} maxLength={2000} />),
                  },
                  {
                    title: '',
                    key: 'remove',
                    width: 48,
                    render: (_, field) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('holidays.removeRow', {
                          date: (days[field.name]?.date as Dayjs | undefined)?.format('YYYY-MM-DD') ?? '',
                        })}
                        onClick={() => remove(field.name)}
                      />
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
        </Form>
        {days.length > 0 ? (
          <Typography.Text>
            {t('holidays.yearCount', {
              count: days.length,
              off: days.filter((r) => r?.kind === 'holiday').length,
              work: days.filter((r) => r?.kind === 'workday').length,
            })}
          </Typography.Text>
        ) : (
          current.length > 0 && <Alert type="warning" showIcon title={t('holidays.yearClears', { year })} />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Flex>
    </Modal>
  );
}
