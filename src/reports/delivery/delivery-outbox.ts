import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { newId } from '../../infra/database/new-id.js';
import { ReportSubscription } from '../subscriptions/report-subscription.entity.js';
import { ReportDelivery } from './report-delivery.entity.js';

/** An attempt's hold on a row: only the holder may hand the message over or settle the row. */
export interface Claim {
  delivery: ReportDelivery;
  token: string;
}

const CHUNK = 500;

/**
 * The delivery outbox as a small state machine over `report_deliveries`. Every transition is one
 * conditional UPDATE (compare-and-set), so concurrent attempts (a retried job, a job taken over
 * after its worker stalled) can never both send:
 *
 *   pending | failed (retryable) | sending without hand-over  --claim-->  sending (new token)
 *   sending (own token, no hand-over)                          --handOver--> sending + handedOverAt
 *   sending (own token)                                        --> sent | failed | skipped
 *   sending + handedOverAt, owner gone                         --> sent (confirmed = false)
 *
 * A row whose message was handed over is never claimed again: it may have been accepted.
 *
 * The hand-over is recorded just before nodemailer writes the SMTP end-of-data marker (see
 * CommitGateStream): a crash before it leaves a transaction the server discards, and the row
 * is sent again; a crash after it leaves the row handed over, and it is never sent again.
 * Residual window (documented in the README): a worker that dies in the microseconds between the
 * hand-over commit and the marker reaching the server, or after the server refused the message
 * at end-of-data but before the worker read that refusal, leaves a reader without that week's
 * report while the row says `sent` with `confirmed: false`. Never the other way round: a message
 * is sent twice only if a server keeps a transaction the client abandoned mid-DATA, which
 * RFC 5321 forbids (and the Message-ID is the same, so clients that de-duplicate hide it).
 */
@Injectable()
export class DeliveryOutbox {
  constructor(
    @InjectRepository(ReportDelivery) private readonly deliveries: Repository<ReportDelivery>,
    @InjectRepository(ReportSubscription) private readonly subscriptions: Repository<ReportSubscription>,
    private readonly clock: Clock,
  ) {}

  /**
   * One pending row per active subscription for the week; existing rows are kept as they are
   * (the unique (subscription, week) constraint makes concurrent runs harmless). Returns how
   * many rows it created.
   */
  async createForWeek(week: string, messageId: (subscriptionId: string) => string): Promise<number> {
    const before = await this.deliveries.countBy({ week });
    for (let offset = 0; ; offset += CHUNK) {
      const subs = await this.subscriptions.find({
        select: { id: true },
        where: { active: true },
        order: { id: 'ASC' },
        skip: offset,
        take: CHUNK,
      });
      if (!subs.length) break;
      const existing = new Set(
        (
          await this.deliveries.find({
            select: { subscriptionId: true },
            where: { week, subscriptionId: In(subs.map((s) => s.id)) },
          })
        ).map((d) => d.subscriptionId),
      );
      const now = this.clock.now();
      const rows = subs
        .filter((s) => !existing.has(s.id))
        .map((s) => ({
          id: newId(),
          subscriptionId: s.id,
          week,
          state: 'pending' as const,
          permanent: false,
          attempts: 0,
          messageId: messageId(s.id),
          createdAt: now,
          updatedAt: now,
        }));
      if (rows.length) await this.deliveries.createQueryBuilder().insert().values(rows).orIgnore().execute();
      if (subs.length < CHUNK) break;
    }
    return (await this.deliveries.countBy({ week })) - before;
  }

  /** Rows of the week that still need a job: not sent, not skipped, not refused for good. */
  async open(week: string): Promise<Array<Pick<ReportDelivery, 'id' | 'state'>>> {
    return this.deliveries
      .createQueryBuilder('d')
      .select(['d.id', 'd.state'])
      .where('d.week = :week', { week })
      .andWhere(
        new Brackets((q) =>
          q
            .where("d.state IN ('pending', 'sending')")
            .orWhere("d.state = 'failed' AND d.permanent = :no", { no: false }),
        ),
      )
      .orderBy('d.id')
      .getMany();
  }

  get(id: string): Promise<ReportDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  /** Takes the row for one attempt. Null when it is not claimable (done, refused, or handed over). */
  async claim(id: string, recipient: string): Promise<Claim | null> {
    const token = randomUUID();
    const now = this.clock.now();
    const result = await this.deliveries
      .createQueryBuilder()
      .update(ReportDelivery)
      .set({
        state: 'sending',
        claimToken: token,
        claimedAt: now,
        handedOverAt: null,
        recipient,
        attempts: () => '"attempts" + 1',
        updatedAt: now,
      })
      .where('id = :id', { id })
      .andWhere(
        new Brackets((q) =>
          q
            .where("state = 'pending'")
            .orWhere("state = 'failed' AND permanent = :no", { no: false })
            .orWhere(`state = 'sending' AND "handedOverAt" IS NULL`),
        ),
      )
      .execute();
    if (result.affected !== 1) return null;
    const delivery = await this.deliveries.findOneByOrFail({ id });
    return delivery.claimToken === token ? { delivery, token } : null;
  }

  /**
   * The point of no return, just before the mail server may accept the message: true only for
   * the holder of the claim, once. After it the row is never claimed again.
   */
  async handOver(claim: Claim): Promise<boolean> {
    return this.settle(claim, { handedOverAt: this.clock.now() }, `"handedOverAt" IS NULL`);
  }

  markSent(claim: Claim, response: string, confirmed: boolean, note: string | null = null): Promise<boolean> {
    const now = this.clock.now();
    return this.settle(claim, {
      state: 'sent',
      sentAt: now,
      confirmed,
      smtpResponse: response.slice(0, 500),
      lastError: note,
    });
  }

  /** A refusal or error: retryable rows go back to the claimable `failed` state. */
  markFailed(claim: Claim, error: string, permanent: boolean): Promise<boolean> {
    return this.settle(claim, {
      state: 'failed',
      permanent,
      lastError: error.slice(0, 2000),
      handedOverAt: null,
    });
  }

  markSkipped(claim: Claim, reason: string): Promise<boolean> {
    return this.settle(claim, { state: 'skipped', lastError: reason });
  }

  /**
   * The previous attempt handed the message over and then vanished (its worker died, or stalled
   * past its lock) before it could record the server's answer. The message may well have been
   * accepted, so it is recorded as sent, unconfirmed, and never sent again.
   */
  async settleOrphanedHandOver(delivery: ReportDelivery, note: string): Promise<boolean> {
    if (!delivery.claimToken || !delivery.handedOverAt) return false;
    return this.settle(
      { delivery, token: delivery.claimToken },
      {
        state: 'sent',
        sentAt: delivery.handedOverAt,
        confirmed: false,
        lastError: note,
      },
    );
  }

  /** One conditional UPDATE on the holder's token while the row is still `sending`. */
  private async settle(claim: Claim, changes: Partial<ReportDelivery>, extra?: string): Promise<boolean> {
    const qb = this.deliveries
      .createQueryBuilder()
      .update(ReportDelivery)
      .set({ ...changes, updatedAt: this.clock.now() })
      .where('id = :id', { id: claim.delivery.id })
      .andWhere(`"claimToken" = :token`, { token: claim.token })
      .andWhere("state = 'sending'");
    if (extra) qb.andWhere(extra);
    const result = await qb.execute();
    return result.affected === 1;
  }
}
