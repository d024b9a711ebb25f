import { ErrorCode, FieldPath, ReasonOf, defineErrorReasons, defineRowReasons } from '@maillage/common';
import type { EventStatus } from './event-enums';

const { BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT } = ErrorCode;

/** Every reason of events and registrations (docs/errors.md), and of the lookups other libs share. */
export const EVENT_ERRORS = defineErrorReasons('Events and registrations', {
  unknown_event: { codes: [NOT_FOUND], field: 'eventId, id', meaning: 'No event has this id.' },
  unknown_schedule: {
    codes: [NOT_FOUND],
    field: 'scheduleId, input.scheduleId, eventId',
    meaning: 'No schedule has this id (or the event has none yet).',
  },
  unknown_meeting: {
    codes: [NOT_FOUND],
    field: 'meetingId, input.meetingId',
    meaning: 'No meeting has this id.',
  },
  unknown_job_run: { codes: [NOT_FOUND], field: 'id', meaning: 'No schedule generation run has this id.' },
  unknown_organisation: {
    codes: [NOT_FOUND],
    field: 'organisationId',
    meaning: 'No organisation has this id.',
  },
  unknown_actor: {
    codes: [NOT_FOUND],
    field: 'input.mustMeet.<i>, input.mustNotMeet.<i>',
    meaning: 'No actor has this id.',
  },
  event_status: {
    codes: [CONFLICT],
    field: 'eventId, input.eventId',
    meaning: 'The step is not allowed in the event’s current status (e.g. registering once it is live).',
  },
  stale: {
    codes: [CONFLICT],
    meaning: 'The event changed meanwhile (concurrent edit); reload it and retry.',
  },
  already_registered: {
    codes: [CONFLICT],
    field: 'input.actorId',
    meaning: 'The actor is already registered for this event.',
  },
  not_registered: {
    codes: [NOT_FOUND],
    field: 'actorId',
    meaning: 'The actor is not registered for this event.',
  },
  not_event_organiser: {
    codes: [FORBIDDEN],
    field: 'eventId',
    meaning: 'The event belongs to another organisation.',
  },
  not_event_participant: {
    codes: [FORBIDDEN],
    field: 'actorId',
    meaning: 'Only the organising lab and the participant itself may do this.',
  },
  unknown_time_zone: {
    codes: [BAD_USER_INPUT],
    field: 'input.timeZone',
    meaning: 'The time zone is not an IANA name the server knows (e.g. Europe/Paris).',
  },
  self_reference: {
    codes: [BAD_USER_INPUT],
    field: 'input.mustMeet.<i>, input.mustNotMeet.<i>',
    meaning: 'An actor cannot name itself.',
  },
  contradiction: {
    codes: [BAD_USER_INPUT],
    field: 'input.mustMeet.<i>',
    meaning: 'An actor is both a must-meet and a must-not-meet.',
  },
  round_out_of_range: {
    codes: [BAD_USER_INPUT],
    field: 'input.availableRounds.<i>, fromRound, input.pauses.<i>.afterRound',
    meaning: 'The round is not one of the event’s rounds.',
  },
  too_many_must_meets: {
    codes: [BAD_USER_INPUT],
    field: 'input.mustMeet',
    meaning: 'More must-meets than rounds attended.',
  },
  event_full: {
    codes: [BAD_USER_INPUT],
    field: 'input.eventId',
    meaning: 'The event has its maximum of participants.',
  },
  required: {
    codes: [BAD_USER_INPUT],
    field: 'input.sideA, input.sideB',
    meaning: 'A BIPARTITE event needs the families or kinds of both sides.',
  },
  overlap: { codes: [BAD_USER_INPUT], field: 'input.sideA.<i>', meaning: 'A value cannot be on both sides.' },
  after_event_start: {
    codes: [BAD_USER_INPUT],
    field: 'deadline',
    meaning: 'The wishes deadline is after the start of the event.',
  },
  min_above_max: {
    codes: [BAD_USER_INPUT],
    field: 'input.minMeetings',
    meaning: 'minMeetings exceeds maxMeetings.',
  },
  above_rounds: {
    codes: [BAD_USER_INPUT],
    field: 'input.maxMeetings',
    meaning: 'maxMeetings exceeds the number of rounds.',
  },
  side_undetermined: {
    codes: [BAD_USER_INPUT],
    field: 'input.side',
    meaning: 'The actor’s family or kind is on neither side of a BIPARTITE event: pass side explicitly.',
  },
});
export const EVENT_ERROR_REASONS = EVENT_ERRORS.reasons;
export type EventErrorReason = ReasonOf<typeof EVENT_ERRORS>;

/** Row reasons of the registration CSV import report (`problems[].reason`, the import goes on). */
export const REGISTRATION_ROW_REASONS = defineRowReasons('Registration CSV import (importRegistrationsCsv)', {
  required: {
    column: 'actor_id',
    meaning: 'The row names no actor: give actor_id, siren, rna or external_id.',
  },
  unknown_actor: {
    column: 'actor_id, siren, rna, external_id, must_meet, must_not_meet',
    meaning: 'No actor matches (or the caller may not see it).',
  },
  duplicate_row: { column: 'actor_id', meaning: 'The actor appears twice in the file.' },
  event_full: { column: 'actor_id', meaning: 'The event has its maximum of participants.' },
  too_long: { column: 'representative_name, goals', meaning: 'The text is too long.' },
  invalid_email: { column: 'representative_email', meaning: 'Not an email address.' },
  invalid_round: { column: 'available_rounds', meaning: 'Not a round number.' },
  round_out_of_range: { column: 'available_rounds', meaning: 'The event has fewer rounds.' },
  duplicate: { column: 'available_rounds, must_meet, must_not_meet', meaning: 'A value is listed twice.' },
  too_many: { column: 'must_meet, must_not_meet', meaning: 'Too many actors listed.' },
  self_reference: { column: 'must_meet, must_not_meet', meaning: 'An actor cannot name itself.' },
  contradiction: { column: 'must_meet', meaning: 'An actor is both a must-meet and a must-not-meet.' },
  too_many_must_meets: { column: 'must_meet', meaning: 'More must-meets than rounds attended.' },
  invalid_side: { column: 'side', meaning: 'The side is A or B.' },
  side_undetermined: { column: 'side', meaning: 'The actor is on neither side of the event: give side.' },
});
export type RegistrationRowReason = ReasonOf<typeof REGISTRATION_ROW_REASONS>;

/** What checkUuid and notFound look up, and the reason a miss gets. */
const UNKNOWN_REASON = {
  Event: 'unknown_event',
  Schedule: 'unknown_schedule',
  Meeting: 'unknown_meeting',
  Job_run: 'unknown_job_run',
  Organisation: 'unknown_organisation',
} as const satisfies Record<string, EventErrorReason>;

export type EventLookup = keyof typeof UNKNOWN_REASON;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of events, schedules and meetings are UUIDs: anything else cannot exist (and must not reach SQL). */
export function checkUuid(value: string, field: FieldPath, what: EventLookup): string {
  if (!UUID.test(value)) {
    throw EVENT_ERRORS.notFound(`${what} ${value} not found`, { field, reason: UNKNOWN_REASON[what] });
  }
  return value;
}

export function notFound(what: EventLookup, id: string, field: FieldPath) {
  return EVENT_ERRORS.notFound(`${what} ${id} not found`, { field, reason: UNKNOWN_REASON[what] });
}

/** A lifecycle step attempted in the wrong state (e.g. registering once the event is live). */
export function assertStatus(
  status: EventStatus,
  allowed: readonly EventStatus[],
  action: string,
  field: FieldPath = ['eventId'],
): void {
  if (!allowed.includes(status)) {
    throw EVENT_ERRORS.conflict(
      `Cannot ${action} while the event is ${status} (needs ${allowed.join(' or ')})`,
      {
        field,
        reason: 'event_status',
      },
    );
  }
}
