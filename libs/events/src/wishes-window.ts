import type { EventEntity } from './entities/event.entity';
import { EventStatus } from './event-enums';

/** Statuses in which wishes may be set (before the plan is published), deadline permitting. */
export const WISHES_OPEN = [EventStatus.OPEN, EventStatus.SCHEDULED];

/** Whether the wish list of an event accepts changes at `now`. */
export function wishesOpen(event: Pick<EventEntity, 'status' | 'wishesDeadline'>, now = new Date()): boolean {
  return WISHES_OPEN.includes(event.status) && (!event.wishesDeadline || now < event.wishesDeadline);
}
