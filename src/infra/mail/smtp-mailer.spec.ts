import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { MailAbortedError, MailSendError } from './mail-errors.js';
import type { OutgoingMail } from './outgoing-mail.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

const FROM = 'Planner Reports <reports@planner.test>';
const mail = (n: number, to = `reader${n}@example.com`): OutgoingMail => ({
  messageId: `<m${n}.test@planner.test>`,
  to: { name: '王芳', address: to },
  subject: `周报 ${n}`,
  text: `plain ${n}`,
  html: `<p>html ${n}</p><img src="cid:chart@test">`,
  headers: { 'List-Unsubscribe': '<https://x.test/u?t=1>' },
  attachments: [
    {
      filename: 'chart.png',
      content: Buffer.from('89504e47', 'hex'),
      contentType: 'image/png',
      cid: 'chart@test',
    },
    { filename: 'figures.csv', content: 'a,b\n1,2\n', contentType: 'text/csv; charset=utf-8' },
  ],
});

describe('SmtpMailer against a real SMTP server', () => {
  const sink = new SmtpSink();
  let mailer: SmtpMailer;

  beforeAll(async () => {
    await sink.start();
    mailer = new SmtpMailer({ smtpUrl: sink.url, from: FROM, ratePerSecond: 1000 });
  });
  afterAll(async () => {
    await mailer.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.policy = () => null;
  });

  it('delivers the composed message with its Message-ID, parts and headers', async () => {
    const receipt = await mailer.send(mail(1));
    expect(receipt).toMatchObject({ messageId: '<m1.test@planner.test>', transport: 'smtp' });
    expect(receipt.response).toMatch(/^250/);
    const parsed = await sink.messages[0].parse();
    expect(parsed.messageId).toBe('<m1.test@planner.test>');
    expect(parsed.subject).toBe('周报 1');
    expect(parsed.to).toMatchObject({ value: [{ name: '王芳', address: 'reader1@example.com' }] });
    expect(parsed.text?.trim()).toBe('plain 1');
    expect(parsed.html).toContain('html 1');
    expect(parsed.headers.get('list')).toEqual({ unsubscribe: { url: 'https://x.test/u?t=1' } });
    const chart = parsed.attachments.find((a) => a.contentId === '<chart@test>');
    expect(chart?.contentDisposition).toBe('inline');
    expect(parsed.attachments.find((a) => a.filename === 'figures.csv')?.content.toString()).toBe(
      'a,b\n1,2\n',
    );
  });

  it('abandons the transaction before its end when beforeCommit says no: nothing arrives, the pool goes on', async () => {
    let asked = 0;
    await expect(
      mailer.send(mail(2), {
        beforeCommit: async () => {
          asked++;
          return false;
        },
      }),
    ).rejects.toBeInstanceOf(MailAbortedError);
    expect(asked).toBe(1);
    await mailer.send(mail(3));
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.messages.map((m) => m.messageId)).toEqual(['<m3.test@planner.test>']);
  });

  it('calls beforeCommit after the whole message went out and before the server accepted it', async () => {
    let seenBeforeCommit = -1;
    await mailer.send(mail(4), {
      beforeCommit: async () => {
        seenBeforeCommit = sink.messages.length;
        return true;
      },
    });
    expect(seenBeforeCommit).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it('classifies a 5xx refusal as permanent and a 4xx as transient', async () => {
    sink.policy = (rcpt, stage) =>
      rcpt === 'gone@example.com' && stage === 'rcpt'
        ? { code: 550, message: 'No such user' }
        : rcpt === 'busy@example.com' && stage === 'data'
          ? { code: 451, message: 'Try later' }
          : null;
    const permanent = await mailer.send(mail(5, 'gone@example.com')).catch((e: unknown) => e);
    expect(permanent).toBeInstanceOf(MailSendError);
    expect(permanent).toMatchObject({ permanent: true, responseCode: 550, handedOver: false });
    const transient = await mailer.send(mail(6, 'busy@example.com')).catch((e: unknown) => e);
    expect(transient).toMatchObject({
      permanent: false,
      responseCode: 451,
      handedOver: true,
      outcomeUnknown: false,
    });
    await mailer.send(mail(7));
    expect(sink.messages.map((m) => m.messageId)).toEqual(['<m7.test@planner.test>']);
  });

  it('keeps to the rate limit', async () => {
    const limited = new SmtpMailer({ smtpUrl: sink.url, from: FROM, ratePerSecond: 3 });
    const started = Date.now();
    await Promise.all([10, 11, 12, 13, 14, 15, 16].map((n) => limited.send(mail(n))));
    await limited.close();
    expect(sink.messages).toHaveLength(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });
});

describe('OutboxMailer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'planner-outbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the exact message as one .eml file per Message-ID, overwriting on resend', async () => {
    const outbox = new OutboxMailer({ outboxDir: dir, from: FROM });
    await outbox.send(mail(20));
    await outbox.send(mail(20));
    await expect(outbox.send(mail(21), { beforeCommit: async () => false })).rejects.toBeInstanceOf(
      MailAbortedError,
    );
    expect(readdirSync(dir)).toEqual(['m20.test@planner.test.eml']);
    const parsed = await simpleParser(readFileSync(join(dir, 'm20.test@planner.test.eml')));
    expect(parsed.subject).toBe('周报 20');
    expect(parsed.attachments).toHaveLength(2);
  });
});
