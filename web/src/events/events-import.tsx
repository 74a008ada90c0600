import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { CsvUpload, type RowProblems } from '../common/csv-upload';
import { formatInt } from '../common/format';

type ImportStatus = 'submitted' | 'draft';

/** A refused events file lists `[{line, column, problem}]`, one entry per problem. */
function eventProblems(details: unknown): RowProblems {
  const byLine = new Map<number, string[]>();
  for (const d of Array.isArray(details) ? (details as { line: number; problem: string }[]) : []) {
    byLine.set(d.line, [...(byLine.get(d.line) ?? []), d.problem]);
  }
  const rows = [...byLine].map(([line, problems]) => ({ line, problems }));
  return { rows, count: rows.length };
}

/** Planners: import events from CSV (all or nothing) as submitted or draft events. */
export function EventsImport() {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ImportStatus>('submitted');
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('import.button')}</Button>
      <Modal
        open={open}
        title={t('import.title')}
        footer={<Button onClick={() => setOpen(false)}>{tc('close')}</Button>}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={720}
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('import.intro')}
          </Typography.Paragraph>
          <Flex gap={8} align="center">
            <label htmlFor="import-status">{t('import.status')}</label>
            <Select<ImportStatus>
              id="import-status"
              value={status}
              onChange={setStatus}
              style={{ minWidth: 200 }}
              options={(['submitted', 'draft'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </Flex>
          <CsvUpload<Schemas['EventImportResultView']>
            url={`/api/v1/events/import?status=${status}`}
            format={t('import.format')}
            problemsOf={eventProblems}
            stored={(r) =>
              t('import.stored', {
                created: formatInt(r.created),
                updated: formatInt(r.updated),
                unchanged: formatInt(r.unchanged),
                duplicates: formatInt(r.duplicates),
              })
            }
            onStored={() => client.invalidateQueries({ queryKey: keys.events })}
          />
        </Flex>
      </Modal>
    </>
  );
}
