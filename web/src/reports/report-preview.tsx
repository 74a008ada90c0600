import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../common/api/client';
import { keys } from '../common/api/keys';
import { QueryState } from '../common/query-state';
import { isoWeekRange } from './iso-week';
import { WeekPicker, weekOf } from './week-picker';

type Lang = 'zh-CN' | 'en';
type Format = 'html' | 'json';

/** The API's own rendering of the weekly report, in a sandboxed frame where no script can run. */
export function ReportPreview() {
  const { t, i18n } = useTranslation('reports');
  const [day, setDay] = useState(() => dayjs().subtract(7, 'day'));
  const [lang, setLang] = useState<Lang>(i18n.language === 'en' ? 'en' : 'zh-CN');
  const [format, setFormat] = useState<Format>('html');
  const week = weekOf(day);
  const [from, to] = isoWeekRange(day.startOf('week').add(1, 'day'));
  const preview = useQuery({
    queryKey: keys.reportPreview({ week, lang, format }),
    queryFn: async () => {
      const answer = await ok(
        api.GET('/api/v1/reports/weekly', {
          params: { query: { week, lang, format } },
          parseAs: 'text',
        }),
      );
      return String(answer);
    },
  });
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <WeekPicker value={day} onChange={setDay} label={t('week')} />
        <Typography.Text type="secondary">
          {t('weekValue', { week, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') })}
        </Typography.Text>
        <Select<Lang>
          aria-label={t('language')}
          value={lang}
          onChange={setLang}
          style={{ width: 120 }}
          options={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <Select<Format>
          aria-label={t('format')}
          value={format}
          onChange={setFormat}
          style={{ width: 120 }}
          options={(['html', 'json'] as const).map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        />
      </Flex>
      <QueryState query={preview}>
        {(body) =>
          format === 'html' ? (
            <iframe
              title={t('previewLabel', { week })}
              // An opaque origin (no cookies, no access to the console) whose CSP forbids every script;
              // `allow-scripts` only lets tools such as axe read it, as a person's screen reader does.
              sandbox="allow-scripts"
              srcDoc={withoutScripts(body)}
              style={{
                width: '100%',
                minHeight: 720,
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                background: '#fff',
              }}
            />
          ) : (
            <Card size="small">
              <pre
                tabIndex={0}
                aria-label={t('previewLabel', { week })}
                style={{ margin: 0, maxHeight: 720, overflow: 'auto', fontSize: 12 }}
              >
                {prettyJson(body)}
              </pre>
            </Card>
          )
        }
      </QueryState>
    </Flex>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const FRAME_CSP =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';

/** The report's HTML with a policy that blocks any script, put first in its head. */
export function withoutScripts(html: string): string {
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => head + FRAME_CSP)
    : FRAME_CSP + html;
}
