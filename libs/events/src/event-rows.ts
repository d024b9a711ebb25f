import { EntityManager, In } from 'typeorm';
import { EventEntity } from './entities/event.entity';
import { EventStatus } from './event-enums';

/**
 * Event row changes made inside another lib's transaction (e.g. saving a schedule), so the
 * events table is written by this lib only.
 */

/** Locks the event row until the caller's transaction ends (serialises concurrent writers). */
export async function lockEventRow(m: EntityManager, eventId: string): Promise<void> {
  await m.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [eventId]);
}

/** Moves the event to `to`, only when it is in one of `from` (from any state when omitted). */
export async function moveEventStatus(
  m: EntityManager,
  eventId: string,
  to: EventStatus,
  from?: readonly EventStatus[],
): Promise<void> {
  await m.update(EventEntity, from ? { id: eventId, status: In([...from]) } : { id: eventId }, {
    status: to,
  });
}
