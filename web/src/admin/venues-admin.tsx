import { serverPages } from '../common/pagination';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Form, Input, InputNumber, Modal, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { useFormSubmit } from '../common/form-submit';
import { useEditedVersion } from '../common/versioned-form';
import { notify } from '../common/feedback';
import { formatInt } from '../common/format';
import { QueryState } from '../common/query-state';
import { RowActions } from '../common/row-actions';

type Venue = Schemas['VenueView'];
type Kind = Venue['kind'];
const KINDS: Kind[] = [
  'scenic_area',
  'stadium',
  'square',
  'theatre',
  'museum',
  'park',
  'town',
  'online',
  'other',
];
const PAGE_SIZE = 20;

interface Values {
  nameZh: string;
  nameEn: string;
  district: string;
  kind: Kind;
  maxDailyCapacity?: number | null;
  instantaneousCapacity?: number | null;
  aRating?: number | null;
  note?: string | null;
}

/** Venues with their carrying capacity: search, paginate on the server, add, edit, delete. */
export function VenuesAdmin() {
  const { t, i18n } = useTranslation('admin');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  // The id, not the row: the dialog edits the latest version the list has loaded.
  const [editing, setEditing] = useState<{ id: string } | 'new' | null>(null);
  const filters = {
    q: q || undefined,
    kind: kind || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const venues = useQuery({
    queryKey: keys.venueList(filters),
    queryFn: () => ok(api.GET('/api/v1/venues', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
  const editingRow =
    editing && editing !== 'new' ? venues.data?.items.find((v) => v.id === editing.id) : undefined;
  const remove = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/venues/{id}', { params: { path: { id } } })),
    meta: { invalidates: [keys.venues] },
  });
  const name = (v: Venue) => (i18n.language === 'en' ? v.nameEn : v.nameZh);
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8} role="search">
          <Input.Search
            allowClear
            placeholder={t('venues.search')}
            aria-label={t('venues.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 240 }}
          />
          <Select<Kind | ''>
            aria-label={t('venues.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            style={{ width: 140 }}
            options={[
              { value: '', label: `${t('venues.kind')}: —` },
              ...KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) })),
            ]}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('venues.add')}
        </Button>
      </Flex>
      <QueryState query={venues}>
        {(data) => (
          <Table<Venue>
            rowKey="id"
            size="middle"
            scroll={{ x: 720 }}
            loading={venues.isFetching}
            dataSource={data.items}
            locale={{ emptyText: <Empty description={t('venues.none')} /> }}
            pagination={serverPages({
              page,
              pageSize: PAGE_SIZE,
              total: data.total,
              showTotal: (count) => t('venues.total', { count }),
              onChange: setPage,
            })}
            columns={[
              // Stays in view while the other columns scroll (a phone).
              {
                title: t('venues.nameZh'),
                key: 'name',
                width: 150,
                fixed: 'left',
                render: (_, v) => name(v),
              },
              { title: t('venues.district'), dataIndex: 'district', responsive: ['md'] },
              {
                title: t('venues.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: Kind) => t(`venues.kinds.${k}`),
              },
              {
                title: t('venues.maxDailyCapacity'),
                dataIndex: 'maxDailyCapacity',
                align: 'right',
                render: (v: number | null | undefined) => formatInt(v),
              },
              {
                title: t('venues.instantaneousCapacity'),
                dataIndex: 'instantaneousCapacity',
                align: 'right',
                responsive: ['lg'],
                render: (v: number | null | undefined) => formatInt(v),
              },
              {
                title: t('venues.aRating'),
                dataIndex: 'aRating',
                width: 80,
                responsive: ['lg'],
                render: (v: number | null) => (v ? `${v}A` : '—'),
              },
              {
                title: '',
                key: 'actions',
                width: 100,
                render: (_, v) => (
                  <RowActions
                    name={name(v)}
                    edit={{ label: t('venues.edit'), onClick: () => setEditing({ id: v.id }) }}
                    remove={{
                      label: t('venues.delete'),
                      confirm: t('venues.confirmDelete', { name: name(v) }),
                      run: () => remove.mutateAsync(v.id),
                      deleted: t('venues.deleted'),
                    }}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing === 'new' && <VenueDialog venue={null} onClose={() => setEditing(null)} />}
      {/* One deleted meanwhile leaves the list, and its dialog closes. */}
      {editingRow && <VenueDialog venue={editingRow} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function VenueDialog({ venue, onClose }: { venue: Venue | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial: Values | undefined = venue
    ? {
        nameZh: venue.nameZh,
        nameEn: venue.nameEn,
        district: venue.district,
        kind: venue.kind,
        maxDailyCapacity: venue.maxDailyCapacity ?? undefined,
        instantaneousCapacity: venue.instantaneousCapacity ?? undefined,
        aRating: venue.aRating ?? undefined,
        note: venue.note ?? undefined,
      }
    : undefined;
  const edited = useEditedVersion(form, venue?.version, initial);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        nameZh: v.nameZh.trim(),
        nameEn: v.nameEn.trim(),
        district: v.district.trim(),
        kind: v.kind,
        maxDailyCapacity: v.maxDailyCapacity ?? null,
        instantaneousCapacity: v.instantaneousCapacity ?? null,
        aRating: v.aRating ?? null,
        note: v.note?.trim() || null,
        timeZone: venue?.timeZone ?? 'Asia/Shanghai',
      } as unknown as Schemas['CreateVenueDto'];
      return venue
        ? ok(
            api.PATCH('/api/v1/venues/{id}', {
              params: { path: { id: venue.id }, header: { 'If-Match': edited.ifMatch() } },
              body,
            }),
          )
        : ok(api.POST('/api/v1/venues', { body }));
    },
    meta: { invalidates: [keys.venues] },
  });
  const { submit, error } = useFormSubmit(form, async (values) => {
    await edited.saving(() => save.mutateAsync(values));
    notify('success', t('venues.saved'));
    onClose();
  });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('required', { field }) },
  ];
  return (
    <Modal
      open
      width={640}
      title={venue ? t('venues.edit') : t('venues.add')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial ?? { kind: 'scenic_area' }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="nameZh" label={t('venues.nameZh')} rules={required(t('venues.nameZh'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameEn" label={t('venues.nameEn')} rules={required(t('venues.nameEn'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="district" label={t('venues.district')} rules={required(t('venues.district'))}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('venues.kind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="maxDailyCapacity" label={t('venues.maxDailyCapacity')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="instantaneousCapacity" label={t('venues.instantaneousCapacity')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="aRating" label={t('venues.aRating')}>
              <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('venues.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
