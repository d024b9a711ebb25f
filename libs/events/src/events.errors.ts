import { BadInputError, ConflictError, NotFoundError } from '@maillage/common';
import type { EventStatus } from './event-enums';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of events, schedules and meetings are UUIDs: anything else cannot exist (and must not reach SQL). */
export function checkUuid(value: string, field: (string | number)[], what: string): string {
  if (!UUID.test(value)) {
    throw new NotFoundError(`${what} ${value} not found`, { field, reason: `unknown_${what.toLowerCase()}` });
  }
  return value;
}

export function notFound(what: string, id: string, field: (string | number)[]): NotFoundError {
  return new NotFoundError(`${what} ${id} not found`, { field, reason: `unknown_${what.toLowerCase()}` });
}

/** A lifecycle step attempted in the wrong state (e.g. registering once the event is live). */
export function assertStatus(
  status: EventStatus,
  allowed: readonly EventStatus[],
  action: string,
  field: (string | number)[] = ['eventId'],
): void {
  if (!allowed.includes(status)) {
    throw new ConflictError(`Cannot ${action} while the event is ${status} (needs ${allowed.join(' or ')})`, {
      field,
      reason: 'event_status',
    });
  }
}

export function badInput(message: string, field: (string | number)[], reason: string): BadInputError {
  return new BadInputError(`${field.join('.')}: ${message}`, { field, reason });
}
