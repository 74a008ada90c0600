import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { useFormSubmit } from '../common/form-submit';
import { notify } from '../common/feedback';
import { QueryState } from '../common/query-state';
import { RowActions } from '../common/row-actions';
import { HOLIDAYS, holidayDay, type Holiday, type HolidayRow as Values, type Kind } from './holiday-days';
import { HolidayYearDialog } from './holiday-year-dialog';

type Override = Schemas['HolidayOverrideView'];

/** Public holidays per year: the arrangement in force and the days admins added. */
export function HolidaysAdmin() {
  const { t } = useTranslation('admin');
  const now = new Date().getFullYear();
  const [year, setYear] = useState(now);
  const calendar = useQuery({
    queryKey: keys.holidays(year),
    queryFn: () => ok(api.GET('/api/v1/holidays', { params: { query: { year } } })),
  });
  const overrides = useQuery({
    queryKey: keys.holidayOverrides(year),
    queryFn: () => ok(api.GET('/api/v1/holidays/overrides', { params: { query: { year } } })),
  });
  const remove = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/holidays/{id}', { params: { path: { id } } })),
    meta: { invalidates: [['holidays'], keys.targets] },
  });
  const [adding, setAdding] = useState(false);
  const [editingYear, setEditingYear] = useState(false);
  const years: number[] = [];
  for (let y = now + 2; y >= 2019; y--) years.push(y);

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Select<number>
          aria-label={t('holidays.year')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Flex wrap gap={8}>
          <Button icon={<CalendarOutlined />} disabled={!overrides.data} onClick={() => setEditingYear(true)}>
            {t('holidays.editYear', { year })}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('holidays.add')}
          </Button>
        </Flex>
      </Flex>
      <QueryState query={calendar}>
        {(cal) => (
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('holidays.periods')}</h2>}
            extra={<Tag>{t(`holidays.sources.${cal.source}`)}</Tag>}
          >
            {cal.source === 'none' && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('holidays.noneHint')} />
            )}
            <Table<Schemas['HolidayPeriodView']>
              rowKey="instance"
              size="small"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={cal.periods}
              columns={[
                {
                  title: t('holidays.period'),
                  key: 'name',
                  render: (_, p) => `${t(`holidays.names.${p.holiday}`)}`,
                },
                {
                  title: t('holidays.days'),
                  key: 'days',
                  render: (_, p) => (p.start ? `${p.start} – ${p.end} (${p.days.length})` : '—'),
                },
                {
                  title: t('holidays.workdays'),
                  dataIndex: 'workdays',
                  render: (w: string[]) => (w.length ? w.join(', ') : '—'),
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('holidays.overrides')}</h2>}>
        <QueryState query={overrides}>
          {(list) => (
            <Table<Override>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={list}
              locale={{ emptyText: <Empty description={t('holidays.noOverrides')} /> }}
              columns={[
                { title: t('holidays.date'), dataIndex: 'date', width: 120 },
                {
                  title: t('holidays.kind'),
                  dataIndex: 'kind',
                  width: 130,
                  render: (k: Kind) => t(`holidays.kinds.${k}`),
                },
                {
                  title: t('holidays.holiday'),
                  dataIndex: 'holiday',
                  render: (h: Holiday) => t(`holidays.names.${h}`),
                },
                {
                  title: t('holidays.note'),
                  dataIndex: 'note',
                  responsive: ['md'],
                  render: (n: string | null) => n ?? '—',
                },
                {
                  title: '',
                  key: 'actions',
                  width: 60,
                  render: (_, o) => (
                    <RowActions
                      name={o.date}
                      remove={{
                        label: t('holidays.delete'),
                        confirm: t('holidays.confirmDelete', { date: o.date }),
                        run: () => remove.mutateAsync(o.id),
                        deleted: t('holidays.deleted'),
                      }}
                    />
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {adding && <AddDayDialog year={year} onClose={() => setAdding(false)} />}
      {editingYear && overrides.data && (
        <HolidayYearDialog year={year} current={overrides.data} onClose={() => setEditingYear(false)} />
      )}
    </Flex>
  );
}

function AddDayDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) => ok(api.POST('/api/v1/holidays', { body: holidayDay(v) })),
    meta: { invalidates: [['holidays'], keys.targets] },
  });
  const { submit, error } = useFormSubmit(form, async (values) => {
    await add.mutateAsync(values);
    notify('success', t('holidays.added'));
    onClose();
  });
  return (
    <Modal
      open
      title={t('holidays.add')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'holiday', holiday: 'spring_festival' }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="date"
              label={t('holidays.date')}
              rules={[{ required: true, message: t('required', { field: t('holidays.date') }) }]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder={`${year}-01-01`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('holidays.kind')}>
              <Select
                options={(['holiday', 'workday'] as const).map((k) => ({
                  value: k,
                  label: t(`holidays.kinds.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="holiday" label={t('holidays.holiday')}>
              <Select options={HOLIDAYS.map((h) => ({ value: h, label: t(`holidays.names.${h}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('holidays.name')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('holidays.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
