import { localPages } from '../common/pagination';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Form, Input, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { ApiError, reportStatus, type ApiProblem, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';
import { errorText } from '../common/errors';
import { formatDate, formatInt } from '../common/format';

interface RowProblem {
  line?: number;
  index?: number;
  problems: string[];
}

type Outcome =
  | { kind: 'stored'; result: Schemas['ImportResultView'] }
  | { kind: 'refused'; message: string; errors: RowProblem[]; errorCount: number; truncated: boolean };

/**
 * Sends the file as `text/csv` to `POST /api/v1/actuals/import` through XMLHttpRequest, the one
 * browser API that reports upload progress (fetch does not). Same cookie session and CSRF header
 * as the generated client; the answer is read into the same `ApiError`, and a 401 signs the
 * console out as any other request's does.
 */
function uploadCsv(
  file: File,
  source: string,
  csrfToken: string | undefined,
  onProgress: (percent: number) => void,
): Promise<Schemas['ImportResultView']> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = source ? `?source=${encodeURIComponent(source)}` : '';
    xhr.open('POST', `/api/v1/actuals/import${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onload = () => {
      reportStatus(xhr.status, xhr.responseURL || '/api/v1/actuals/import');
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as Schemas['ImportResultView']);
      const p = (body && typeof body === 'object' ? body : {}) as Partial<ApiProblem>;
      reject(
        new ApiError(
          xhr.status,
          p.code ?? `http_${xhr.status}`,
          p.message ?? xhr.statusText,
          p.details,
          p.errorId,
        ),
      );
    };
    xhr.send(file);
  });
}

/** Drag-and-drop actuals CSV upload: progress, every bad row the API reports, or what was stored. */
export function ActualsUpload() {
  const { t } = useTranslation('targets');
  const session = useSession();
  const client = useQueryClient();
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState<{ name: string; percent: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (file: File) => {
    setOutcome(null);
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') {
      setOutcome({
        kind: 'refused',
        message: t('upload.notCsv'),
        errors: [],
        errorCount: 0,
        truncated: false,
      });
      return;
    }
    setBusy({ name: file.name, percent: 0 });
    try {
      const result = await uploadCsv(file, source.trim(), session.data?.csrfToken, (percent) =>
        setBusy({ name: file.name, percent }),
      );
      setOutcome({ kind: 'stored', result });
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.targets }),
        client.invalidateQueries({ queryKey: keys.actuals }),
      ]);
    } catch (error) {
      const details =
        error instanceof ApiError && error.details && typeof error.details === 'object'
          ? (error.details as { errors?: RowProblem[]; errorCount?: number; truncated?: boolean })
          : {};
      const message =
        error instanceof ApiError && error.status === 413 ? t('upload.tooLarge') : errorText(error);
      setOutcome({
        kind: 'refused',
        message,
        errors: Array.isArray(details.errors) ? details.errors : [],
        errorCount: details.errorCount ?? 0,
        truncated: !!details.truncated,
      });
    } finally {
      setBusy(null);
    }
  };

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
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={!!busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('upload.hint')}</p>
          <p className="ant-upload-hint">{t('upload.format')}</p>
        </Upload.Dragger>
        {busy && (
          <div role="status" aria-live="polite">
            <Typography.Text>{t('upload.uploading', { name: busy.name })}</Typography.Text>
            <Progress percent={busy.percent} status="active" />
          </div>
        )}
        {outcome?.kind === 'stored' && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('upload.stored', {
              rows: formatInt(outcome.result.rows),
              from: formatDate(outcome.result.firstDate),
              to: formatDate(outcome.result.lastDate),
              ms: formatInt(outcome.result.durationMs),
            })}
          />
        )}
        {outcome?.kind === 'refused' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('upload.refused')}
            description={
              <Flex vertical gap={8}>
                <span>{t('upload.refusedDetail', { message: outcome.message })}</span>
                {outcome.errors.length > 0 && (
                  <>
                    <Typography.Text strong>
                      {t('upload.badRows', { count: outcome.errorCount || outcome.errors.length })}
                    </Typography.Text>
                    {outcome.truncated && (
                      <Typography.Text type="secondary">
                        {t('upload.truncated', { shown: outcome.errors.length, count: outcome.errorCount })}
                      </Typography.Text>
                    )}
                    <Table<RowProblem>
                      size="small"
                      rowKey={(r) => `${r.line ?? r.index}`}
                      dataSource={outcome.errors}
                      pagination={localPages(outcome.errors.length, 20)}
                      columns={[
                        {
                          title: t('upload.line'),
                          dataIndex: 'line',
                          width: 80,
                          render: (l: RowProblem['line'], r) => l ?? r.index,
                        },
                        {
                          title: t('upload.problems'),
                          dataIndex: 'problems',
                          render: (p: string[]) => p.join('; '),
                        },
                      ]}
                    />
                  </>
                )}
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
