import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_STATUSES, type EventHistoryAction, type EventStatus } from '../event-status.js';
import type { EventHistory } from '../event-history.entity.js';

export class EventHistoryView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    example: 'approve',
    enum: ['create', 'edit', 'import', 'submit', 'approve', 'reject', 'cancel', 'complete'],
  })
  action!: EventHistoryAction;

  @ApiPropertyOptional({ nullable: true, enum: EVENT_STATUSES, example: 'submitted' })
  from!: EventStatus | null;

  @ApiProperty({ enum: EVENT_STATUSES, example: 'approved' })
  to!: EventStatus;

  @ApiProperty({ example: { id: 'b2c…', name: '王芳', role: 'planner' } })
  by!: { id: string | null; name: string; role: string };

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Override: timed entry and the west line opened',
  })
  reason!: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Warnings seen, override given, fields changed, actuals recorded.',
    example: { override: { reason: 'timed entry' }, warnings: [{ code: 'capacity_exceeded' }] },
  })
  details!: object | null;

  static of(h: EventHistory): EventHistoryView {
    return {
      at: h.at.toISOString(),
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      by: { id: h.actorId, name: h.actorName, role: h.actorRole },
      reason: h.reason,
      details: h.details,
    };
  }
}
