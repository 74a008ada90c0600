import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { HolidayDayKind, HolidayKey } from './holiday-year.js';

/**
 * A day an admin added to the holiday calendar: a day off or a swapped working day of a named
 * holiday, for a year the package does not know yet (or to correct it). Wins over the package's
 * entry for the same date.
 */
@Entity('holiday_overrides')
@Check('CHK_holiday_overrides_kind', `"kind" IN ('holiday', 'workday')`)
@Check(
  'CHK_holiday_overrides_holiday',
  `"holiday" IN ('new_year', 'spring_festival', 'qingming', 'may_day', 'dragon_boat', 'mid_autumn', 'national_day', 'other')`,
)
@Check('CHK_holiday_overrides_year', `"year" = CAST(substr("date", 1, 4) AS INTEGER)`)
@Index('IDX_holiday_overrides_year', ['year'])
export class HolidayOverride {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10, unique: true })
  date!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: HolidayDayKind;

  @Column({ type: 'varchar', length: 20 })
  holiday!: HolidayKey;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  @ForeignKey('users', { onDelete: 'SET NULL' })
  createdById!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}
