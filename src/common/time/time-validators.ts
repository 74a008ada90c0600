import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isDateTimeText, isLocalDate } from './local-date.js';

/** A `YYYY-MM-DD` calendar date that exists. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );

/** An ISO 8601 instant (`2022-09-23T02:00:00Z`, `...+08:00`) or a zone-less local time (`2022-09-23T10:00`). */
export const IsDateTimeText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateTimeText',
      validator: {
        validate: (value: unknown) => isDateTimeText(value),
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date-time, with an offset (2022-09-23T10:00:00+08:00) or in the venue's local time (2022-09-23T10:00)`,
      },
    },
    options,
  );
