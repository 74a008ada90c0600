import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../users/user.entity.js';

/**
 * A console sign-in. The cookie holds a random id; only its SHA-256 is stored, so a copy of the
 * database opens no session. It ends after `SESSION_IDLE_MINUTES` without a request or at
 * `expiresAt` (`SESSION_MAX_DAYS` after sign-in), whichever comes first, or at sign-out.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The synchronizer token that every cookie-authenticated write must echo in `X-CSRF-Token`. */
  @Column({ type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ type: Date })
  createdAt!: Date;

  /** Last request seen (updated at most once a minute); the idle expiry counts from here. */
  @Column({ type: Date })
  lastSeenAt!: Date;

  /** The absolute end of the session. */
  @Index()
  @Column({ type: Date })
  expiresAt!: Date;
}
