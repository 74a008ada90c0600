import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Event } from './event.entity.js';
import type { EventHistoryAction, EventStatus } from './event-status.js';

/** One line of an event's audit trail: who did what, when, from which state to which, and why. */
@Entity('event_history')
@Index(['eventId', 'seq'], { unique: true })
@Check(
  'CHK_event_history_action',
  `"action" IN ('create', 'edit', 'import', 'submit', 'approve', 'reject', 'cancel', 'complete')`,
)
export class EventHistory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: Relation<Event>;

  /** 1, 2, 3... per event: the order of the trail, unique so two concurrent writers cannot interleave. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actorId' })
  actor?: Relation<User> | null;

  /** The actor's name and role at the time, kept even if the user goes. */
  @Column({ type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 20 })
  action!: EventHistoryAction;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: EventStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: EventStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Warnings seen, override given, fields changed. */
  @Column({ type: 'simple-json', nullable: true })
  details!: EventHistoryDetails | null;
}

export interface EventHistoryDetails {
  warnings?: { code: string; message: string; relatedIds: string[] }[];
  override?: { reason: string };
  changedFields?: string[];
  /** A link to a campaign set or removed from the campaign's side. */
  campaignId?: { from: string | null; to: string | null };
  actualAttendance?: number;
  actualRevenueYuan?: number | null;
}
