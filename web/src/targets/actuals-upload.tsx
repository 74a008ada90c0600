import { useQueryClient } from '@tanstack/react-query';
import { Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { CsvUpload, type RowProblems } from '../common/csv-upload';
import { formatDate, formatInt } from '../common/format';

/** A refused actuals file lists `{errors: [{line, problems}], errorCount}`. */
function actualsProblems(details: unknown): RowProblems {
  const d = (details && typeof details === 'object' ? details : {}) as {
    errors?: { line?: number; index?: number; problems: string[] }[];
    errorCount?: number;
  };
  const rows = Array.isArray(d.errors)
    ? d.errors.map((e) => ({ line: e.line ?? e.index ?? 0, problems: e.problems }))
    : [];
  return { rows, count: d.errorCount ?? rows.length };
}

/** The actuals CSV upload (`POST /actuals/import`), with the source for rows that name none. */
export function ActualsUpload() {
  const { t } = useTranslation('targets');
  const client = useQueryClient();
  const [source, setSource] = useState('');
  const query = source.trim() ? `?source=${encodeURIComponent(source.trim())}` : '';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('upload.title')}</h2>}>
      <Flex vertical gap={12}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('upload.source')} htmlFor="actuals-source" style={{ marginBottom: 0 }}>
            <Input
              id="actuals-source"
              value={source}
              maxLength={100}
              placeholder={t('upload.sourcePlaceholder')}
              onChange={(e) => setSource(e.target.value)}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
        </Form>
        <CsvUpload<Schemas['ImportResultView']>
          url={`/api/v1/actuals/import${query}`}
          format={t('upload.format')}
          problemsOf={actualsProblems}
          stored={(result) =>
            t('upload.stored', {
              rows: formatInt(result.rows),
              from: formatDate(result.firstDate),
              to: formatDate(result.lastDate),
              ms: formatInt(result.durationMs),
            })
          }
          onStored={() =>
            Promise.all([
              client.invalidateQueries({ queryKey: keys.targets }),
              client.invalidateQueries({ queryKey: keys.actuals }),
            ])
          }
        />
      </Flex>
    </Card>
  );
}
