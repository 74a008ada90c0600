import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInt } from '../common/format';
import type { EventStatus, EventView, EventWarning } from './queries';

const STATUS_COLOR: Record<EventStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
  completed: 'default',
};

export function EventStatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation('events');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** The event's title in the user's language (Chinese when there is no English one). */
export function useEventTitle() {
  const { i18n } = useTranslation();
  return (e: { titleZh: string; titleEn?: string | null }) =>
    i18n.language === 'en' && e.titleEn ? e.titleEn : e.titleZh;
}

/** 2026-05-01 09:00 – 18:00, or – 2026-05-03 18:00 over several days; Beijing time. */
export function eventWhen(e: Pick<EventView, 'startsAt' | 'endsAt'>): string {
  const from = formatDateTime(e.startsAt);
  const to = formatDateTime(e.endsAt);
  return from.slice(0, 10) === to.slice(0, 10) ? `${from} – ${to.slice(11)}` : `${from} – ${to}`;
}

/** The overlap and capacity warnings of an event, each with its code, message and days. */
export function WarningList({ warnings, startsAt }: { warnings: EventWarning[]; startsAt?: string }) {
  const { t } = useTranslation('events');
  // The API words its messages in English; the structured ones are put in the user's language.
  const warningText = (w: EventWarning) => {
    if (w.code === 'capacity_exceeded' && w.days?.length) return t('warning.capacityIntro');
    if (w.code === 'capacity_near_limit' && w.days?.length) return t('warning.nearIntro');
    if (w.code === 'start_in_past' && startsAt)
      return t('warning.pastStart', { time: formatDateTime(startsAt) });
    return w.message;
  };
  return (
    <Flex vertical gap={8}>
      {warnings.map((w, i) => (
        <Alert
          key={`${w.code}-${i}`}
          type={w.severity === 'warning' ? 'warning' : 'info'}
          showIcon
          title={
            <Flex wrap gap={8} align="center">
              <strong>{t(`warning.${w.code}`)}</strong>
              {w.requiresOverride && <Tag color="error">{t('warning.needsOverride')}</Tag>}
            </Flex>
          }
          description={
            <>
              <Typography.Text>{warningText(w)}</Typography.Text>
              {w.days && w.days.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {w.days.slice(0, 7).map((d) => (
                    <li key={d.date}>
                      {t('warning.day', {
                        date: d.date,
                        total: formatInt(d.eventVisitors + d.otherVisitors),
                        capacity: formatInt(d.capacity),
                        pct: Math.round(d.loadPct),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      ))}
    </Flex>
  );
}
