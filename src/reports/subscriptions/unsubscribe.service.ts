import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { API_PREFIX } from '../../common/http/api-controller.js';
import { Clock } from '../../common/time/clock.js';
import { ReportSubscription } from './report-subscription.entity.js';
import { SigningSecret } from './signing-secret.js';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

/** The unsubscribe route under /api/v1, and its absolute path for links. */
export const UNSUBSCRIBE_ROUTE = 'public/unsubscribe';
export const UNSUBSCRIBE_PATH = `/${API_PREFIX}/${UNSUBSCRIBE_ROUTE}`;

/** What the public unsubscribe page shows. */
export interface UnsubscribeOutcome {
  subscription: ReportSubscription | null;
  /** The token was valid and the subscription is (now) inactive. */
  unsubscribed: boolean;
}

/** Signed one-click unsubscribe links (RFC 8058): a link deactivates its own subscription and nothing else. */
@Injectable()
export class UnsubscribeService {
  constructor(
    @InjectRepository(ReportSubscription) private readonly subscriptions: Repository<ReportSubscription>,
    @InjectConfig() private readonly config: AppConfig,
    private readonly secret: SigningSecret,
    private readonly clock: Clock,
  ) {}

  /** The absolute link for a subscription, under `PUBLIC_URL`. */
  async linkFor(subscriptionId: string): Promise<string> {
    const token = signUnsubscribeToken(subscriptionId, await this.secret.get());
    return `${this.config.http.publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
  }

  /** The subscription a token names (for the confirmation page), or null for a bad token. */
  async find(token: string): Promise<UnsubscribeOutcome> {
    const subscription = await this.resolve(token);
    return {
      subscription,
      unsubscribed: subscription ? !subscription.active || !!subscription.deletedAt : false,
    };
  }

  /** Deactivates the token's subscription; repeating it changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const subscription = await this.resolve(token);
    if (!subscription) return { subscription: null, unsubscribed: false };
    if (subscription.active && !subscription.deletedAt) {
      const now = this.clock.now();
      await this.subscriptions.update(
        { id: subscription.id, active: true },
        { active: false, unsubscribedAt: now, updatedAt: now },
      );
    }
    return { subscription: await this.findWithDeleted(subscription.id), unsubscribed: true };
  }

  private async resolve(token: string): Promise<ReportSubscription | null> {
    const id = verifyUnsubscribeToken(token, await this.secret.get());
    return id ? this.findWithDeleted(id) : null;
  }

  /** A deleted subscription's link still works: it says the address gets no more reports. */
  private findWithDeleted(id: string): Promise<ReportSubscription | null> {
    return this.subscriptions.findOne({ where: { id }, withDeleted: true });
  }
}
