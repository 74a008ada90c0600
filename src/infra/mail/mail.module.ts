import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../common/config/app-config.js';
import { APP_CONFIG } from '../../common/config/config.module.js';
import { Mailer } from './mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** Picks the transport from config: SMTP when `SMTP_URL` is set, else `.eml` files in `OUTBOX_DIR`. */
export function createMailer(config: AppConfig): Mailer {
  const { smtpUrl, from, ratePerSecond, outboxDir } = config.mail;
  if (smtpUrl) return new SmtpMailer({ smtpUrl, from, ratePerSecond });
  new Logger('Mailer').log(`SMTP_URL is not set: messages are written as .eml files to ${outboxDir}`);
  return new OutboxMailer({ outboxDir, from });
}

@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}

/** Provides the process's one {@link Mailer}; override the `Mailer` provider to fake it. */
@Module({
  providers: [{ provide: Mailer, inject: [APP_CONFIG], useFactory: createMailer }, MailerCloser],
  exports: [Mailer],
})
export class MailModule {}
