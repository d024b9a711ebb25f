import { Action, Principal, Role, UserPrincipal, assertAllowed } from '@maillage/auth';
import type { EventEntity } from './entities/event.entity';
import { EVENT_ERRORS } from './events.errors';

/**
 * Events belong to the organisation (lab) that runs them: its organisers manage them, and
 * platform admins may step in. Other organisers get FORBIDDEN.
 */
export function assertManages(
  principal: Principal,
  event: Pick<EventEntity, 'organisationId'>,
  field: (string | number)[] = ['eventId'],
): asserts principal is UserPrincipal {
  assertAllowed(principal, Action.EVENT_MANAGE);
  if (principal.role !== Role.ADMIN && principal.organisationId !== event.organisationId) {
    throw EVENT_ERRORS.forbidden('This event belongs to another organisation', {
      field,
      reason: 'not_event_organiser',
    });
  }
}

export function manages(principal: Principal, event: Pick<EventEntity, 'organisationId'>): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === Role.ADMIN) return true;
  return principal.role === Role.ORGANISER && principal.organisationId === event.organisationId;
}

/** The participant itself: a user who represents (edits) the registered actor. */
export function isParticipant(principal: Principal, actorId: string): boolean {
  return principal.kind === 'user' && principal.actorIds.includes(actorId);
}

/** Representative contact is personal data: the organising lab and the participant itself only. */
export function canSeeRepresentative(
  principal: Principal,
  event: Pick<EventEntity, 'organisationId'>,
  actorId: string,
): boolean {
  return manages(principal, event) || isParticipant(principal, actorId);
}

/** Agenda, feedback: the organising lab or the participant. */
export function assertManagesOrIs(
  principal: Principal,
  event: Pick<EventEntity, 'organisationId'>,
  actorId: string,
  field: (string | number)[] = ['actorId'],
): void {
  if (manages(principal, event) || isParticipant(principal, actorId)) return;
  assertAllowed(principal, Action.AUTHENTICATED_READ);
  throw EVENT_ERRORS.forbidden('Only the organising lab and the participant may do this', {
    field,
    reason: 'not_event_participant',
  });
}
