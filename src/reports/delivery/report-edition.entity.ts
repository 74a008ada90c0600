import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The figures of one week's report, frozen by the week's first run: every reader of that week,
 * on any worker and on any retry, gets the same numbers.
 */
@Entity('report_editions')
export class ReportEdition {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  week!: string;

  /** `WeeklyReportData` as JSON. */
  @Column({ type: 'text' })
  data!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
