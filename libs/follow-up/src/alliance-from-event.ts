import { AllianceForm } from '@maillage/domain';
import type { OutboxMessage } from '@maillage/outbox';

/** Outbox kind and payload of an agreement reported after a meeting (ids, a form and a date; never personal data). */
export const ALLIANCE_FROM_EVENT = 'alliance-from-event';

export interface AllianceFromEventPayload {
  eventId: string;
  meetingId: string;
  a: string;
  b: string;
  form: AllianceForm;
  /** ISO date (YYYY-MM-DD): the event day. */
  since: string;
}

/** One row per event, pair and form: both participants reporting the agreement write it once. */
export function allianceDedupeKey(p: Pick<AllianceFromEventPayload, 'eventId' | 'a' | 'b' | 'form'>): string {
  const [lo, hi] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
  return `${ALLIANCE_FROM_EVENT}.${p.eventId}.${lo}.${hi}.${p.form}`;
}

/** The outbox message recording the alliance, for feedback and outcome surveys alike. */
export function allianceFromEvent(payload: AllianceFromEventPayload): OutboxMessage {
  return { kind: ALLIANCE_FROM_EVENT, dedupeKey: allianceDedupeKey(payload), payload };
}
