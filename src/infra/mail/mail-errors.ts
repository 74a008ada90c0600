/**
 * A message that was not delivered, classified for the retry policy: `permanent` for a 5xx
 * refusal (RFC 5321: the same message would be refused again), transient otherwise.
 * `handedOver` says the whole message had been transmitted before the failure; with no
 * `responseCode` that means the outcome is unknown (the server may have accepted it).
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
    readonly handedOver: boolean,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'MailSendError';
  }

  /** Transmitted in full and then no answer: the server may or may not have taken it. */
  get outcomeUnknown(): boolean {
    return this.handedOver && this.responseCode === null;
  }
}

/** `beforeCommit` said no: the transaction was abandoned before its end, nothing was delivered. */
export class MailAbortedError extends Error {
  constructor() {
    super('Sending was abandoned before the message was committed');
    this.name = 'MailAbortedError';
  }
}

/**
 * 5xx replies are permanent, except 503 (bad sequence of commands: a session problem, not a
 * verdict on the message) and authentication failures (a configuration problem an admin can
 * fix, after which the same message goes through).
 */
export function isPermanentSmtpFailure(responseCode: number | null, code: string | null): boolean {
  if (responseCode === null || responseCode < 500 || responseCode > 599 || responseCode === 503) return false;
  return code !== 'EAUTH' && code !== 'ENOAUTH';
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** Turns whatever nodemailer threw into a {@link MailSendError}. */
export function classifySmtpError(error: unknown, handedOver: boolean): MailSendError | MailAbortedError {
  if (error instanceof MailAbortedError || error instanceof MailSendError) return error;
  const e = (error ?? {}) as NodemailerError;
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof MailAbortedError) return cause;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = e.code ?? null;
  const detail = e.response ?? e.message ?? String(error);
  const where = e.command ? ` (${e.command})` : '';
  return new MailSendError(
    `${responseCode ?? code ?? 'error'}${where}: ${detail}`.slice(0, 1000),
    isPermanentSmtpFailure(responseCode, code),
    responseCode,
    handedOver,
    code,
  );
}
