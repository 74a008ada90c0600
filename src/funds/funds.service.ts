import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors/domain-error.js';
import { toCsv } from '../common/http/csv.js';
import { mapPage, pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import { assertIfMatch, NEXT_VERSION } from '../common/http/if-match.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { Clock } from '../common/time/clock.js';
import { newId } from '../infra/database/new-id.js';
import type { CreateFundDto } from './dto/create-fund.dto.js';
import { FundView } from './dto/fund.view.js';
import type { FundFilterQuery, ListFundsQuery } from './dto/list-funds.query.js';
import { FUND_REQUIRED_FIELDS, type UpdateFundDto } from './dto/update-fund.dto.js';
import { FundAllocation } from './fund-allocation.entity.js';
import { FundLedger } from './fund-ledger.js';
import { lockRow } from '../infra/database/lock-row.js';
import { Fund } from './fund.entity.js';

const MAX_EXPORT_ROWS = 50_000;

/** Funds: CRUD, their figures (allocated, spent, remaining) and the CSV export. */
@Injectable()
export class FundsService {
  constructor(
    @InjectRepository(Fund) private readonly funds: Repository<Fund>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: FundLedger,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateFundDto, user: AuthUser): Promise<FundView> {
    const now = this.clock.now();
    const id = newId();
    await this.funds.insert({
      id,
      name: dto.name.trim(),
      kind: dto.kind,
      year: dto.year,
      amountYuan: dto.amountYuan,
      responsibleUnit: dto.responsibleUnit.trim(),
      note: dto.note ?? null,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return this.get(id);
  }

  async list(query: ListFundsQuery): Promise<Page<FundView>> {
    const { limit, offset } = pageWindow(query);
    const [rows, total] = await this.filtered(query).take(limit).skip(offset).getManyAndCount();
    return mapPage(pageOf(rows, total, query), await this.viewer(rows));
  }

  async get(id: string): Promise<FundView> {
    const fund = await this.find(id);
    return (await this.viewer([fund]))(fund);
  }

  async find(id: string): Promise<Fund> {
    const fund = await this.funds.findOneBy({ id });
    if (!fund) throw new NotFoundError('Fund', id);
    return fund;
  }

  /** Lowering the amount below what is already allocated is refused (409), under the fund's row lock. */
  async update(id: string, dto: UpdateFundDto): Promise<FundView> {
    rejectNulls(dto, FUND_REQUIRED_FIELDS);
    await this.dataSource.transaction(async (manager) => {
      const fund = await lockRow(manager, Fund, id);
      if (!fund) throw new NotFoundError('Fund', id);
      assertIfMatch('funds', id, fund.version);
      if (dto.amountYuan !== undefined && dto.amountYuan < fund.amountYuan) {
        const allocated = await this.ledger.allocatedOf(manager, id);
        if (dto.amountYuan < allocated) {
          throw new ConflictError(
            'fund_over_allocated',
            `Fund "${fund.name}" (${id}) already has ${allocated} yuan allocated: its amount cannot go down to ${dto.amountYuan} yuan`,
            { fundId: id, fundName: fund.name, amountYuan: dto.amountYuan, allocatedYuan: allocated },
          );
        }
      }
      if (dto.year !== undefined && dto.year !== fund.year) {
        const count = await manager.countBy(FundAllocation, { fundId: id });
        if (count) {
          throw new ConflictError(
            'fund_has_allocations',
            `Fund "${fund.name}" (${id}) has ${count} allocation(s) to campaigns of ${fund.year}: its year cannot change`,
            { fundId: id, allocations: count, year: fund.year },
          );
        }
      }
      const patch: Partial<Fund> = { updatedAt: this.clock.now() };
      if (dto.name !== undefined) patch.name = dto.name.trim();
      if (dto.kind !== undefined) patch.kind = dto.kind;
      if (dto.year !== undefined) patch.year = dto.year;
      if (dto.amountYuan !== undefined) patch.amountYuan = dto.amountYuan;
      if (dto.responsibleUnit !== undefined) patch.responsibleUnit = dto.responsibleUnit.trim();
      if (dto.note !== undefined) patch.note = dto.note;
      await manager.update(Fund, { id }, { ...patch, version: NEXT_VERSION });
    });
    return this.get(id);
  }

  /** Only a fund without allocations can be deleted. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const fund = await lockRow(manager, Fund, id);
      if (!fund) throw new NotFoundError('Fund', id);
      assertIfMatch('funds', id, fund.version);
      const count = await manager.countBy(FundAllocation, { fundId: id });
      if (count) {
        throw new ConflictError(
          'fund_has_allocations',
          `Fund "${fund.name}" (${id}) has ${count} allocation(s): remove them first`,
          { fundId: id, allocations: count },
        );
      }
      await manager.delete(Fund, { id });
    });
  }

  async csv(filter: FundFilterQuery): Promise<string> {
    const rows = await this.filtered(filter)
      .take(MAX_EXPORT_ROWS + 1)
      .getMany();
    if (rows.length > MAX_EXPORT_ROWS)
      throw new UnprocessableError(
        'export_too_large',
        `More than ${MAX_EXPORT_ROWS} funds match: narrow the filters`,
      );
    const view = await this.viewer(rows);
    return toCsv(
      [
        'id',
        'name',
        'kind',
        'year',
        'amount_yuan',
        'allocated_yuan',
        'spent_yuan',
        'remaining_yuan',
        'utilisation',
        'campaigns',
        'responsible_unit',
        'note',
      ],
      rows
        .map(view)
        .map((f) => [
          f.id,
          f.name,
          f.kind,
          f.year,
          f.amountYuan,
          f.allocatedYuan,
          f.spentYuan,
          f.remainingYuan,
          f.utilisation === null ? null : Number(f.utilisation.toFixed(4)),
          f.campaigns,
          f.responsibleUnit,
          f.note,
        ]),
    );
  }

  private filtered(filter: FundFilterQuery): SelectQueryBuilder<Fund> {
    const query = this.funds
      .createQueryBuilder('f')
      .orderBy('f.year', 'DESC')
      .addOrderBy('f.name', 'ASC')
      .addOrderBy('f.id', 'ASC');
    if (filter.year !== undefined) query.andWhere('f.year = :year', { year: filter.year });
    if (filter.kind) query.andWhere('f.kind = :kind', { kind: filter.kind });
    if (filter.responsibleUnit) query.andWhere('f.responsibleUnit = :unit', { unit: filter.responsibleUnit });
    return query;
  }

  private async viewer(rows: Fund[]): Promise<(f: Fund) => FundView> {
    const figures = await this.ledger.figures(rows);
    return (f) => FundView.of(f, figures.get(f.id)!);
  }
}
