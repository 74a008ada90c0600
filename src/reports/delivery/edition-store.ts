import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { WeeklyReportData } from '../weekly-report/weekly-report-data.js';
import { ReportEdition } from './report-edition.entity.js';

const KEEP = 8;

/**
 * Frozen weekly editions. The first run of a week stores its figures; every delivery of the week,
 * on any worker and any retry, reads those (parsed once per process and kept, so the renderer's
 * per-edition cache of chart and CSV holds).
 */
@Injectable()
export class EditionStore {
  private readonly parsed = new Map<string, WeeklyReportData>();

  constructor(@InjectRepository(ReportEdition) private readonly editions: Repository<ReportEdition>) {}

  /** The week's edition, building and storing it first if there is none (the first writer wins). */
  async ensure(week: string, build: () => Promise<WeeklyReportData>): Promise<WeeklyReportData> {
    const existing = await this.get(week);
    if (existing) return existing;
    const data = await build();
    await this.editions
      .createQueryBuilder()
      .insert()
      .values({ week, data: JSON.stringify(data) })
      .orIgnore()
      .execute();
    const stored = await this.get(week);
    if (!stored) throw new Error(`The edition of ${week} could not be stored`);
    return stored;
  }

  async get(week: string): Promise<WeeklyReportData | null> {
    const cached = this.parsed.get(week);
    if (cached) return cached;
    const row = await this.editions.findOneBy({ week });
    if (!row) return null;
    const data = JSON.parse(row.data) as WeeklyReportData;
    this.parsed.set(week, data);
    if (this.parsed.size > KEEP) this.parsed.delete(this.parsed.keys().next().value as string);
    return data;
  }
}
