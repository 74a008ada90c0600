import { Injectable } from '@nestjs/common';
import { CITY_TIME_ZONE, localDateOf, type LocalDate } from './local-date.js';

/**
 * The one source of "now". Inject it instead of calling `new Date()`, so tests can pin time:
 * override the provider with a {@link FixedClock} (`overrideProvider(Clock)`) or spy on `now`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's local date in the city (Asia/Shanghai) or the given zone. */
  today(zone: string = CITY_TIME_ZONE): LocalDate {
    return localDateOf(this.now(), zone);
  }
}

/** A clock that stands still until told to move: for tests. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date): void {
    this.instant = new Date(instant.getTime());
  }

  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
