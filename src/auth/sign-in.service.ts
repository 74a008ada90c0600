import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { verifyPassword } from '../common/auth/password.js';
import { SessionService } from '../common/auth/session.service.js';
import { TooManyRequestsError, UnauthorizedError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { User } from '../users/user.entity.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** Too many failed sign-ins for the account or the address; carries the Retry-After seconds. */
export class SignInLockedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      retryAfterSeconds,
    );
  }
}

const WRONG = () => new UnauthorizedError('Wrong email or password', 'invalid_credentials');

export interface SignedIn {
  user: User;
  cookie: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Email and password sign-in. A wrong password, an unknown email and a user without a password
 * get the same answer after the same work (one argon2 verification), so neither the body nor the
 * timing tells whether an account exists.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: SessionService,
    private readonly limiter: SignInLimiter,
    private readonly clock: Clock,
  ) {}

  async signIn(emailGiven: string, password: string, address: string): Promise<SignedIn> {
    const email = emailGiven.trim().toLowerCase();
    const keys = this.limiter.keys(email, address);
    // Counted as a failure from here on, unless the password is right.
    const attempt = await this.limiter.attempt(keys);
    if ('retryAfterSeconds' in attempt) throw new SignInLockedError(attempt.retryAfterSeconds);
    const user = await this.users.findOne({
      where: { email },
      select: { id: true, passwordHash: true },
    });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.limiter.fail();
      throw WRONG();
    }
    await this.limiter.succeed(keys, attempt);
    // Sessions past their expiry are refused anyway; sign-ins are rare enough to sweep them here.
    await this.sessions.purgeExpired();
    const now = this.clock.now();
    await this.users.update(user.id, { lastSignInAt: now });
    const opened = await this.sessions.open(user.id);
    return {
      user: await this.users.findOneByOrFail({ id: user.id }),
      cookie: opened.cookie,
      csrfToken: opened.session.csrfToken,
      expiresAt: opened.expiresAt,
    };
  }
}
