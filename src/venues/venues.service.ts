import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/errors/domain-error.js';
import { pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import { assertIfMatch, changedMeanwhile, NEXT_VERSION } from '../common/http/if-match.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { constraintViolation } from '../infra/database/constraint-violation.js';
import { newId } from '../infra/database/new-id.js';
import { containsAny, containsPattern } from '../infra/database/like-pattern.js';
import { Event } from '../events/event.entity.js';
import type { CreateVenueDto } from './dto/create-venue.dto.js';
import type { ListVenuesQuery } from './dto/list-venues.query.js';
import { VENUE_REQUIRED_FIELDS, type UpdateVenueDto } from './dto/update-venue.dto.js';
import { Venue } from './venue.entity.js';

@Injectable()
export class VenuesService {
  constructor(
    @InjectRepository(Venue) private readonly venues: Repository<Venue>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
  ) {}

  async create(dto: CreateVenueDto): Promise<Venue> {
    const nameZh = dto.nameZh.trim();
    await this.assertNameFree(nameZh);
    const venue = this.venues.create({
      id: newId(),
      nameZh,
      nameEn: dto.nameEn.trim(),
      district: dto.district.trim(),
      kind: dto.kind,
      aRating: dto.aRating ?? null,
      maxDailyCapacity: dto.maxDailyCapacity ?? null,
      instantaneousCapacity: dto.instantaneousCapacity ?? null,
      timeZone: dto.timeZone ?? 'Asia/Shanghai',
      note: dto.note ?? null,
    });
    await this.venues.insert(venue);
    return this.get(venue.id);
  }

  async list(query: ListVenuesQuery): Promise<Page<Venue>> {
    const qb = this.venues.createQueryBuilder('v');
    if (query.kind) qb.andWhere('v.kind = :kind', { kind: query.kind });
    if (query.q)
      qb.andWhere(containsAny(['v.nameZh', 'v.nameEn', 'v.district'], 'q'), { q: containsPattern(query.q) });
    const { limit, offset } = pageWindow(query);
    const [items, total] = await qb
      .orderBy('v.nameEn', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<Venue> {
    const venue = await this.venues.findOneBy({ id });
    if (!venue) throw new NotFoundError('Venue', id);
    return venue;
  }

  async update(id: string, dto: UpdateVenueDto): Promise<Venue> {
    rejectNulls(dto, VENUE_REQUIRED_FIELDS);
    const venue = await this.get(id);
    assertIfMatch('venues', id, venue.version);
    if (dto.nameZh !== undefined && dto.nameZh.trim() !== venue.nameZh)
      await this.assertNameFree(dto.nameZh.trim());
    const patch: Partial<Venue> = {};
    if (dto.nameZh !== undefined) patch.nameZh = dto.nameZh.trim();
    if (dto.nameEn !== undefined) patch.nameEn = dto.nameEn.trim();
    if (dto.district !== undefined) patch.district = dto.district.trim();
    if (dto.kind !== undefined) patch.kind = dto.kind;
    if (dto.aRating !== undefined) patch.aRating = dto.aRating;
    if (dto.maxDailyCapacity !== undefined) patch.maxDailyCapacity = dto.maxDailyCapacity;
    if (dto.instantaneousCapacity !== undefined) patch.instantaneousCapacity = dto.instantaneousCapacity;
    if (dto.timeZone !== undefined) patch.timeZone = dto.timeZone;
    if (dto.note !== undefined) patch.note = dto.note;
    if (Object.keys(patch).length) {
      // Compare-and-set: a change that landed since the read above is not overwritten.
      const result = await this.venues.update(
        { id, version: venue.version },
        { ...patch, version: NEXT_VERSION },
      );
      if (result.affected !== 1) throw changedMeanwhile('Venue', id);
    }
    return this.get(id);
  }

  /**
   * A venue that events use cannot go: its history would lose its place. Targets and actual
   * figures of the venue hold it too (their foreign keys refuse the deletion).
   */
  async remove(id: string): Promise<void> {
    const venue = await this.get(id);
    assertIfMatch('venues', id, venue.version);
    const used = await this.events.countBy({ venueId: id });
    if (used) {
      throw new ConflictError(
        'venue_in_use',
        `Venue ${id} is used by ${used} event(s) and cannot be deleted`,
      );
    }
    try {
      const result = await this.venues.delete({ id, version: venue.version });
      if (result.affected !== 1) throw changedMeanwhile('Venue', id);
    } catch (error) {
      if (constraintViolation(error) !== 'foreign_key') throw error;
      throw new ConflictError(
        'venue_in_use',
        `Venue ${id} has targets or actual figures and cannot be deleted`,
      );
    }
  }

  private async assertNameFree(nameZh: string): Promise<void> {
    if (await this.venues.existsBy({ nameZh })) {
      throw new ConflictError('venue_exists', `A venue named "${nameZh}" already exists`);
    }
  }
}
