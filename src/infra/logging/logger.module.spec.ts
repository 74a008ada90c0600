import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../common/config/app-config.js';
import { prettyLogs, redactUrl, requestId, startupAtDebug } from './logger.module.js';

describe('request logging', () => {
  it('keeps tokens out of logged URLs', () => {
    expect(redactUrl('/admin/queues?token=trp_abc-DEF&x=1')).toBe('/admin/queues?token=[redacted]&x=1');
    expect(redactUrl('/api/v1/calendar/feed/trc_Zx9-_q.ics')).toBe('/api/v1/calendar/feed/[redacted].ics');
    expect(redactUrl('/api/v1/public/unsubscribe?token=abc.def')).toBe(
      '/api/v1/public/unsubscribe?token=[redacted]',
    );
    expect(redactUrl('/api/v1/events?status=approved')).toBe('/api/v1/events?status=approved');
  });

  it('takes a sane caller request id and replaces anything else', () => {
    expect(requestId('abc-123')).toBe('abc-123');
    expect(requestId('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends Nest start-up chatter at debug and everything else as it was', () => {
    const calls: string[] = [];
    const logger = { debug: () => calls.push('debug') };
    const method = () => calls.push('info');
    startupAtDebug.call(logger, [{ context: 'RouterExplorer' }, 'Mapped {/x, GET}'], method, 30);
    startupAtDebug.call(logger, [{ context: 'WeeklyReportScheduler' }, 'scheduled'], method, 30);
    startupAtDebug.call(logger, [{ context: 'InstanceLoader' }, 'boom'], method, 50);
    expect(calls).toEqual(['debug', 'info', 'info']);
  });

  it('is human-readable only on a terminal outside production', () => {
    const config = (env: string) => ({ env }) as unknown as AppConfig;
    expect(prettyLogs(config('development'), true)).toBe(true);
    expect(prettyLogs(config('development'), false)).toBe(false);
    expect(prettyLogs(config('production'), true)).toBe(false);
  });
});
