import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The hard cap on a page: asking for more is a 400 naming `limit`. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=&offset=` for every paginated list. Extend it (or intersect it) in a feature's query DTO. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 50 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, example: 0 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

/** One page of a list: the items, how many match in all, and the window asked for. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The effective window of a query (defaults applied). */
export function pageWindow(query: PageQueryDto): { limit: number; offset: number } {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 };
}

/** Builds a page from the rows of the window and the total count. */
export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, ...pageWindow(query) };
}

/** Maps the items of a page (entity -> view), keeping the counts. */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}

/**
 * An OpenAPI-documented page class for an item view: `class CampaignPage extends PageView(CampaignView) {}`.
 */
export function PageView<T>(item: Type<T>): Type<Page<T>> {
  class PageViewClass implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ example: 132, description: 'How many items match the filters, in all.' })
    total!: number;

    @ApiProperty({ example: 50 })
    limit!: number;

    @ApiProperty({ example: 0 })
    offset!: number;
  }
  return PageViewClass;
}
