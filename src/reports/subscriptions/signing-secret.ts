import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { AppSecret } from './app-secret.entity.js';

const NAME = 'signing';

/**
 * The key that signs unsubscribe links. `SIGNING_SECRET` when set (required in production);
 * otherwise a random key generated once per installation and kept in `app_secrets`, so every API
 * and worker process of that database signs and verifies alike, and links keep working across
 * restarts. Never a constant in the code.
 */
@Injectable()
export class SigningSecret {
  private secret: Promise<string> | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get(): Promise<string> {
    if (this.config.signingSecret) return Promise.resolve(this.config.signingSecret);
    this.secret ??= this.fromDatabase().catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }

  private async fromDatabase(): Promise<string> {
    const repo = this.dataSource.getRepository(AppSecret);
    const existing = await repo.findOneBy({ name: NAME });
    if (existing) return existing.value;
    // Two processes may get here at once: the first insert wins, both read it back.
    await repo
      .createQueryBuilder()
      .insert()
      .values({ name: NAME, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    return (await repo.findOneByOrFail({ name: NAME })).value;
  }
}
