import { describe, expect, it } from '@jest/globals';
import { redactUrl, requestId } from './logger.module.js';

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
});
