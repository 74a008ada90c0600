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
 * conditional UPDATE (compare-and-set), so of two attempts on one row only the latest claim may
 * hand the message over or settle the row:
 *
 *   pending | failed (retryable) | sending | sent unconfirmed  --claim-->  sending (new token)
 *   sending (own token, no hand-over)                           --handOver--> sending + handedOverAt
 *   sending (own token)                                         --> sent | failed | skipped
 *
 * At least once, with a stable Message-ID: the row's `messageId` is fixed when the row is created
 * (`<week.subscriptionId@domain>`) and every attempt sends it unchanged. A row left `sending`
 * (its attempt's worker died or stalled, with or without a hand-over) is claimed again by the
 * job's next run, which BullMQ starts only once the job's lock (the lease, 15 s) expired, and the
 * message is sent again with the same Message-ID. `attempts` counts the claims, and a resend's
 * row says so in `lastError`. A duplicate reaches the reader only when the first attempt's
 * transaction was accepted by the server (its end-of-data went out) but its answer was never
 * recorded; mail stores drop a second message with a Message-ID they already hold.
 *
 * The hand-over is recorded just before nodemailer writes the SMTP end-of-data marker (see
 * CommitGateStream), on the holder's token: an attempt that lost its claim abandons its
 * transaction instead, and the server discards the partial message.
 */
@Injectable()
export class DeliveryOutbox {
  constructor(
    @InjectRepository(ReportDelivery) private readonly deliveries: Repository<ReportDelivery>,
    @InjectRepository(ReportSubscription) private readonly subscriptions: Repository<ReportSubscription>,
    private readonly clock: Clock,
  ) {}

  /**
   * One pending row per active subscription for the week (deleted ones are left out by TypeORM); existing rows are kept as they are
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

  /**
   * Rows of the week that still need a job: not sent (or sent without the server's confirmation,
   * a state earlier versions left behind), not skipped, not refused for good.
   */
  async open(week: string): Promise<Array<Pick<ReportDelivery, 'id' | 'state'>>> {
    return this.deliveries
      .createQueryBuilder('d')
      .select(['d.id', 'd.state'])
      .where('d.week = :week', { week })
      .andWhere(
        new Brackets((q) =>
          q
            .where("d.state IN ('pending', 'sending')")
            .orWhere("d.state = 'failed' AND d.permanent = :no", { no: false })
            .orWhere("d.state = 'sent' AND d.confirmed = :no", { no: false }),
        ),
      )
      .orderBy('d.id')
      .getMany();
  }

  get(id: string): Promise<ReportDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  /**
   * Takes the row for one attempt. Null when it is not claimable (confirmed, skipped or refused
   * for good). A `sending` row is taken over whatever its previous attempt did: callers only get
   * here once that attempt's lease is over (BullMQ runs one job per row, and gives a job to
   * another worker only after its lock expired). `note` goes to the log at once: the attempt
   * that takes over from a hand-over may be killed in turn.
   */
  async claim(id: string, recipient: string, note: string | null = null): Promise<Claim | null> {
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
        confirmed: null,
        ...(note ? { lastError: note } : {}),
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
            .orWhere("state = 'sending'")
            .orWhere("state = 'sent' AND confirmed = :no", { no: false }),
        ),
      )
      .execute();
    if (result.affected !== 1) return null;
    const delivery = await this.deliveries.findOneByOrFail({ id });
    return delivery.claimToken === token ? { delivery, token } : null;
  }

  /**
   * Just before the mail server may accept the message: true only for the holder of the claim,
   * once. From here on a resend may be a duplicate (with the same Message-ID).
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
