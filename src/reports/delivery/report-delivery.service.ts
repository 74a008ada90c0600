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
import { EditionStore } from './edition-store.js';

/** How one delivery job ended. Failures are thrown as {@link DeliveryFailedError}. */
export type DeliveryOutcome =
  'sent' | 'sent_unconfirmed' | 'already_done' | 'skipped' | 'handled_elsewhere' | 'missing';

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

const ORPHANED =
  'The previous attempt handed the whole message to the mail server and stopped before recording its answer: assumed delivered, not sent again.';
const NO_ANSWER =
  'The mail server did not answer after receiving the whole message: assumed delivered, not sent again.';

/**
 * Sends one outbox row, at most once:
 * 1. claim the row (compare-and-set; a row already handed over is never claimed again);
 * 2. render the reader's message from the week's frozen edition;
 * 3. send it; right before the end-of-data marker the claim becomes a hand-over (compare-and-set
 *    again: an attempt that lost its claim abandons the transaction instead, and the server
 *    discards the partial message);
 * 4. record the server's answer: sent, or failed (permanent for 5xx, else retryable).
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
    if (row.state === 'sent' || row.state === 'skipped' || (row.state === 'failed' && row.permanent)) {
      return 'already_done';
    }
    if (row.state === 'sending' && row.handedOverAt) {
      // Only reached when the attempt holding the row is gone: BullMQ gives a job to another
      // worker once its lock expired, and there is one job id per row.
      const settled = await this.outbox.settleOrphanedHandOver(row, ORPHANED);
      if (settled) this.logger.warn(`Delivery ${row.id} (${row.week}): ${ORPHANED}`);
      return settled ? 'sent_unconfirmed' : 'handled_elsewhere';
    }
    const subscription = await this.subscriptions.findOneBy({ id: row.subscriptionId });
    if (!subscription) return 'missing';
    const claim = await this.outbox.claim(row.id, subscription.email);
    if (!claim) return 'handled_elsewhere';
    if (!subscription.active) {
      await this.outbox.markSkipped(claim, 'The reader unsubscribed before the report went out');
      return 'skipped';
    }
    const mail = await this.compose(claim, subscription);
    return this.send(claim, mail);
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
      const message = `Could not render the report: ${(error as Error).message}`;
      await this.outbox.markFailed(claim, message, false);
      throw new DeliveryFailedError(message, false);
    }
  }

  private async send(claim: Claim, mail: OutgoingMail): Promise<DeliveryOutcome> {
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
      const detail = error instanceof Error ? error.message : String(error);
      const refused = error instanceof MailSendError && error.responseCode !== null;
      if (handedOver && !refused) {
        // The server had the whole message and gave no verdict: it may have accepted it.
        await this.outbox.markSent(claim, detail, false, NO_ANSWER);
        this.logger.warn(`Delivery ${delivery.id} (${delivery.week}): ${NO_ANSWER} ${detail}`);
        return 'sent_unconfirmed';
      }
      const permanent = error instanceof MailSendError && error.permanent;
      await this.outbox.markFailed(claim, detail, permanent);
      throw new DeliveryFailedError(detail, permanent);
    }
    // Outside the try: if recording fails, the row stays handed over and is never sent again.
    await this.outbox.markSent(claim, response, true);
    return 'sent';
  }
}
