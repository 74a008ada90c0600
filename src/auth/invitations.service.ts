import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { hashPassword } from '../common/auth/password.js';
import { SessionService } from '../common/auth/session.service.js';
import { hashToken } from '../common/auth/token.service.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { GoneError, NotFoundError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { newId } from '../infra/database/new-id.js';
import { User } from '../users/user.entity.js';
import { Invitation } from './invitation.entity.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedInvitation {
  invitationUrl: string;
  expiresAt: Date;
}

/**
 * Invitations: a random, single-use, expiring link to the console's `/invite/<token>` page where
 * the user sets a password. Only the token's SHA-256 is stored.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  /** A new link for the user; any earlier link of theirs stops working. */
  async issue(userId: string, manager?: EntityManager): Promise<IssuedInvitation> {
    const repo = manager ? manager.getRepository(Invitation) : this.invitations;
    const now = this.clock.now();
    await repo.update({ userId, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.auth.invitationMs);
    await repo.insert({
      id: newId(),
      userId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    return { invitationUrl: `${this.config.http.publicUrl}/invite/${token}`, expiresAt };
  }

  /** The open invitation of a token with its user; 404 when unknown, 410 when used or expired. */
  async open(token: string, manager?: EntityManager): Promise<{ invitation: Invitation; user: User }> {
    const repo = manager ? manager.getRepository(Invitation) : this.invitations;
    const invitation = TOKEN.test(token)
      ? await repo.findOne({ where: { tokenHash: hashToken(token) }, relations: { user: true } })
      : null;
    if (!invitation?.user) throw new NotFoundError({ message: 'This invitation link is not valid' });
    if (invitation.usedAt) {
      throw new GoneError('invitation_used', 'This invitation was already used; sign in instead');
    }
    if (invitation.expiresAt <= this.clock.now()) {
      throw new GoneError(
        'invitation_expired',
        'This invitation has expired or was replaced by a newer one; ask an administrator for a new link',
      );
    }
    return { invitation, user: invitation.user };
  }

  /**
   * Sets the password, uses up the invitation and opens a session, in one transaction: of two
   * concurrent accepts, one wins and the other answers 410.
   */
  async accept(
    token: string,
    password: string,
  ): Promise<{ user: User; cookie: string; csrfToken: string; expiresAt: Date }> {
    await this.open(token); // answer 404/410 before spending time on the hash
    const passwordHash = await hashPassword(password);
    const accepted = await this.dataSource.transaction(async (manager) => {
      const { invitation, user } = await this.open(token, manager);
      const now = this.clock.now();
      const used = await manager.update(Invitation, { id: invitation.id, usedAt: IsNull() }, { usedAt: now });
      if (!used.affected) {
        throw new GoneError('invitation_used', 'This invitation was already used; sign in instead');
      }
      await manager.update(User, user.id, { passwordHash, passwordSetAt: now, lastSignInAt: now });
      await this.sessions.closeAllFor(user.id, manager);
      const opened = await this.sessions.open(user.id, manager);
      return {
        user: await manager.findOneByOrFail(User, { id: user.id }),
        cookie: opened.cookie,
        csrfToken: opened.session.csrfToken,
        expiresAt: opened.expiresAt,
      };
    });
    // The sessions closed above: a lookup made meanwhile on another connection kept them.
    this.sessions.forgetUser(accepted.user.id);
    return accepted;
  }
}
