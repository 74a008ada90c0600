import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MailAbortedError, MailSendError } from '../../infra/mail/mail-errors.js';
import { Mailer } from '../../infra/mail/mailer.js';
import type { OutgoingMail } from '../../infra/mail/outgoing-mail.js';
import { ReportSubscription } from '../subscriptions/report-subscription.entity.js';
import { UnsubscribeService } from '../subscriptions/unsubscribe.service.js';
import { WeeklyReportRenderer } from '../weekly-report/weekly-report.renderer.js';
import { DeliveryOutbox, type Claim } from './delivery-outbox.js';
import type { ReportDelivery } from './report-delivery.entity.js';
import { EditionStore } from './edition-store.js';
import { errorMessage } from '../../common/errors/error-message.js';

/** How one delivery job ended. Failures are thrown as {@link DeliveryFailedError}. */
export type DeliveryOutcome = 'sent' | 'already_done' | 'skipped' | 'handled_elsewhere' | 'missing';

/** The attempt failed; `permanent` failures (5xx) must not be retried. */
export class DeliveryFailedError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailedError';
  }
}

const NO_ANSWER =
  'The mail server took the whole message and gave no answer: it is sent again after the backoff, with the same Message-ID.';

/** What the delivery log says about an attempt that takes over from one that stopped. */
function takeOverNote(row: ReportDelivery): string | null {
  const next = row.attempts + 1;
  if (row.state === 'sending' && row.handedOverAt)
    return `Attempt ${next} sent the message again with the same Message-ID: attempt ${row.attempts} handed it to the mail server at ${row.handedOverAt.toISOString()} and stopped before recording the answer.`;
  if (row.state === 'sent' && row.confirmed === false)
    return `Attempt ${next} sent the message again with the same Message-ID: the mail server's answer to attempt ${row.attempts} was never seen.`;
  if (row.state === 'failed' && row.lastError?.includes(NO_ANSWER))
    return `Attempt ${next} sent the message again with the same Message-ID: the mail server took attempt ${row.attempts}'s whole message and gave no answer.`;
  // An earlier resend's note, kept by the attempts after it (the message went out more than once).
  return (
    /Attempt \d+ sent the message again with the same Message-ID[^()]*/.exec(row.lastError ?? '')?.[0] ?? null
  );
}

/**
 * Sends one outbox row, at least once, always with the row's Message-ID:
 * 1. claim the row (compare-and-set; a row left `sending` by an attempt whose lease is over is
 *    taken over, even after a hand-over: that attempt's message may never have been accepted);
 * 2. render the reader's message from the week's frozen edition;
 * 3. send it; right before the end-of-data marker the claim becomes a hand-over (compare-and-set
 *    again: an attempt that lost its claim abandons the transaction instead, and the server
 *    discards the partial message);
 * 4. record the server's answer: sent (confirmed), or failed (permanent for 5xx and never
 *    retried, else retried by the job's backoff, also when the answer never came).
 */
@Injectable()
export class ReportDeliveryService {
  private readonly logger = new Logger(ReportDeliveryService.name);

  constructor(
    private readonly outbox: DeliveryOutbox,
    private readonly editions: EditionStore,
    private readonly renderer: WeeklyReportRenderer,
    private readonly unsubscribe: UnsubscribeService,
    @Inject(Mailer) private readonly mailer: Mailer,
    @InjectRepository(ReportSubscription) private readonly subscriptions: Repository<ReportSubscription>,
  ) {}

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const row = await this.outbox.get(deliveryId);
    if (!row) return 'missing';
    if (
      (row.state === 'sent' && row.confirmed !== false) ||
      row.state === 'skipped' ||
      (row.state === 'failed' && row.permanent)
    ) {
      return 'already_done';
    }
    // A row still `sending` is only seen here once the attempt holding it is gone: BullMQ gives a
    // job to another worker after its lock (the lease) expired, and there is one job per row.
    const note = takeOverNote(row);
    // With the deleted ones: a row made before its subscription was deleted is settled as skipped.
    const subscription = await this.subscriptions.findOne({
      where: { id: row.subscriptionId },
      withDeleted: true,
    });
    if (!subscription) return 'missing';
    const claim = await this.outbox.claim(row.id, subscription.email, note);
    if (!claim) return 'handled_elsewhere';
    if (subscription.deletedAt) {
      await this.outbox.markSkipped(claim, 'The subscription was deleted before the report went out');
      return 'skipped';
    }
    if (!subscription.active) {
      await this.outbox.markSkipped(claim, 'The reader unsubscribed before the report went out');
      return 'skipped';
    }
    if (note) this.logger.warn(`Delivery ${row.id} (${row.week}): ${note}`);
    const mail = await this.compose(claim, subscription);
    return this.send(claim, mail, note);
  }

  private async compose(claim: Claim, subscription: ReportSubscription): Promise<OutgoingMail> {
    const { delivery } = claim;
    try {
      const edition = await this.editions.get(delivery.week);
      if (!edition) throw new Error(`No edition of ${delivery.week} is stored`);
      return await this.renderer.message(
        edition,
        subscription,
        { name: subscription.displayName, address: subscription.email },
        delivery.messageId,
        await this.unsubscribe.linkFor(subscription.id),
      );
    } catch (error) {
      const message = `Could not render the report: ${errorMessage(error)}`;
      await this.outbox.markFailed(claim, message, false);
      throw new DeliveryFailedError(message, false);
    }
  }

  private async send(claim: Claim, mail: OutgoingMail, note: string | null): Promise<DeliveryOutcome> {
    const { delivery } = claim;
    let handedOver = false;
    let response: string;
    try {
      const receipt = await this.mailer.send(mail, {
        beforeCommit: async () => (handedOver = await this.outbox.handOver(claim)),
      });
      response = receipt.response;
    } catch (error) {
      if (error instanceof MailAbortedError) return 'handled_elsewhere';
      const detail = errorMessage(error);
      const refused = error instanceof MailSendError && error.responseCode !== null;
      const permanent = error instanceof MailSendError && error.permanent;
      // The server had the whole message and gave no verdict: it may have accepted it, but it
      // may not; sent again (same Message-ID) after the backoff.
      const reason = handedOver && !refused ? `${detail} — ${NO_ANSWER}` : detail;
      if (handedOver && !refused) this.logger.warn(`Delivery ${delivery.id} (${delivery.week}): ${reason}`);
      await this.outbox.markFailed(claim, note ? `${reason} (${note})` : reason, permanent);
      throw new DeliveryFailedError(reason, permanent);
    }
    // Outside the try: if recording fails, the row stays handed over and the job's next run
    // sends it again with the same Message-ID.
    await this.outbox.markSent(claim, response, true, note);
    return 'sent';
  }
}
