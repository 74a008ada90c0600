import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { ApiError, reportStatus, type ApiProblem } from './api/client';
import { errorText } from './errors';
import { localPages } from './pagination';

/** One bad row of a refused file, as the refusal lists it. */
export interface RowProblem {
  line: number;
  problems: string[];
}

/** The bad rows a refusal lists: all of them, or the first ones of `count`. */
export interface RowProblems {
  rows: RowProblem[];
  count: number;
}

type Outcome<T> = { kind: 'stored'; result: T } | { kind: 'refused'; message: string; problems: RowProblems };

/**
 * Sends the file as `text/csv` through XMLHttpRequest, the one browser API that reports upload
 * progress (fetch does not). Same cookie session and CSRF header as the generated client; the
 * answer is read into the same `ApiError`, and a 401 signs the console out as any other request's does.
 */
function uploadCsv<T>(
  url: string,
  file: File,
  csrfToken: string | undefined,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onload = () => {
      reportStatus(xhr.status, xhr.responseURL || url);
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
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

/**
 * Drag-and-drop CSV upload to an all-or-nothing import: progress, then what `stored` says of the
 * answer, or the refusal with every bad row the API lists (`problemsOf` reads them from its details).
 */
export function CsvUpload<T>({
  url,
  format,
  problemsOf,
  stored,
  onStored,
}: {
  /** Where the file is POSTed (with its query). */
  url: string;
  /** What the header must hold, under the drop zone. */
  format: string;
  problemsOf: (details: unknown) => RowProblems;
  stored: (result: T) => ReactNode;
  onStored?: (result: T) => Promise<unknown> | void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState<{ name: string; percent: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);

  const send = async (file: File) => {
    setOutcome(null);
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') {
      setOutcome({ kind: 'refused', message: t('upload.notCsv'), problems: { rows: [], count: 0 } });
      return;
    }
    setBusy({ name: file.name, percent: 0 });
    try {
      const result = await uploadCsv<T>(url, file, session.data?.csrfToken, (percent) =>
        setBusy({ name: file.name, percent }),
      );
      setOutcome({ kind: 'stored', result });
      await onStored?.(result);
    } catch (error) {
      const tooLarge = error instanceof ApiError && error.status === 413;
      setOutcome({
        kind: 'refused',
        message: tooLarge ? t('upload.tooLarge') : errorText(error),
        problems: error instanceof ApiError ? problemsOf(error.details) : { rows: [], count: 0 },
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12}>
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
        {/* A header list has no spaces to break at: it wraps anywhere rather than widen a phone's page. */}
        <p className="ant-upload-hint" style={{ overflowWrap: 'anywhere' }}>
          {format}
        </p>
      </Upload.Dragger>
      {busy && (
        <div role="status" aria-live="polite">
          <Typography.Text>{t('upload.uploading', { name: busy.name })}</Typography.Text>
          <Progress percent={busy.percent} status="active" />
        </div>
      )}
      {outcome?.kind === 'stored' && (
        <Alert type="success" showIcon role="status" title={stored(outcome.result)} />
      )}
      {outcome?.kind === 'refused' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('upload.refused')}
          description={<Refusal message={outcome.message} problems={outcome.problems} />}
        />
      )}
    </Flex>
  );
}

function Refusal({ message, problems }: { message: string; problems: RowProblems }) {
  const { t } = useTranslation();
  const { rows, count } = problems;
  return (
    <Flex vertical gap={8}>
      <span>{message}</span>
      {rows.length > 0 && (
        <>
          <Typography.Text strong>
            {t('upload.badRows', { count: Math.max(count, rows.length) })}
          </Typography.Text>
          {count > rows.length && (
            <Typography.Text type="secondary">
              {t('upload.truncated', { shown: rows.length, count })}
            </Typography.Text>
          )}
          <Table<RowProblem>
            size="small"
            rowKey={(r) => String(r.line)}
            dataSource={rows}
            pagination={localPages(rows.length, 20)}
            columns={[
              { title: t('upload.line'), dataIndex: 'line', width: 80 },
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
  );
}
