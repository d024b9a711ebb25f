import { Principal, UserPrincipal } from './principal';
import { Role } from './role';
import { AUTH_ERRORS } from './auth.errors';

/** Everything a caller can attempt that needs more than anonymous read access. */
export enum Action {
  ACTOR_CREATE = 'ACTOR_CREATE',
  ACTOR_UPDATE = 'ACTOR_UPDATE',
  ACTOR_DELETE = 'ACTOR_DELETE',
  ALLIANCE_WRITE = 'ALLIANCE_WRITE',
  ACTOR_IMPORT = 'ACTOR_IMPORT',
  ORGANISATION_MANAGE = 'ORGANISATION_MANAGE',
  USER_MANAGE = 'USER_MANAGE',
  SCORING_RUN = 'SCORING_RUN',
  SCORING_PROFILE_MANAGE = 'SCORING_PROFILE_MANAGE',
  EVENT_MANAGE = 'EVENT_MANAGE',
  AUTHENTICATED_READ = 'AUTHENTICATED_READ',
}

/**
 * The authorisation matrix, in one place. ACTOR_EDITOR rights on actors are further limited to
 * the actors the user represents (see canEditActor).
 */
export const PERMISSIONS: Record<Action, Role[]> = {
  [Action.ACTOR_CREATE]: [Role.ADMIN, Role.ORGANISER],
  [Action.ACTOR_UPDATE]: [Role.ADMIN, Role.ORGANISER, Role.ACTOR_EDITOR],
  [Action.ACTOR_DELETE]: [Role.ADMIN],
  [Action.ALLIANCE_WRITE]: [Role.ADMIN, Role.ORGANISER, Role.ACTOR_EDITOR],
  [Action.ACTOR_IMPORT]: [Role.ADMIN, Role.ORGANISER],
  [Action.ORGANISATION_MANAGE]: [Role.ADMIN],
  [Action.USER_MANAGE]: [Role.ADMIN],
  [Action.SCORING_RUN]: [Role.ADMIN],
  [Action.SCORING_PROFILE_MANAGE]: [Role.ADMIN, Role.ORGANISER],
  [Action.EVENT_MANAGE]: [Role.ADMIN, Role.ORGANISER],
  [Action.AUTHENTICATED_READ]: [Role.ADMIN, Role.ORGANISER, Role.ACTOR_EDITOR, Role.VIEWER],
};

export function isAllowed(principal: Principal, action: Action): boolean {
  return principal.kind === 'user' && PERMISSIONS[action].includes(principal.role);
}

export function assertAllowed(principal: Principal, action: Action): asserts principal is UserPrincipal {
  if (principal.kind !== 'user')
    throw AUTH_ERRORS.unauthenticated('Authentication required: send an API key or token');
  if (!isAllowed(principal, action)) {
    throw AUTH_ERRORS.forbidden(`Role ${principal.role} may not perform ${action}`, {
      reason: 'role_not_allowed',
    });
  }
}

/** Editors edit only the actors they represent; admins and organisers edit any actor. */
export function canEditActor(principal: Principal, actorId: string): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === Role.ADMIN || principal.role === Role.ORGANISER) return true;
  return principal.role === Role.ACTOR_EDITOR && principal.actorIds.includes(actorId);
}

export function assertCanEditActor(
  principal: Principal,
  actorId: string,
  field: (string | number)[] = ['id'],
): void {
  assertAllowed(principal, Action.ACTOR_UPDATE);
  if (!canEditActor(principal, actorId)) {
    throw AUTH_ERRORS.forbidden(`You do not represent actor ${actorId}`, {
      field,
      reason: 'not_actor_editor',
    });
  }
}

/**
 * Contact persons are personal data: visible to admins, organisers of the organisation that
 * manages the actor, and the actor's own editors.
 */
export function canSeeContact(
  principal: Principal,
  actor: { id: string; managedBy?: string | null },
): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === Role.ADMIN) return true;
  if (principal.role === Role.ORGANISER)
    return !!actor.managedBy && actor.managedBy === principal.organisationId;
  if (principal.role === Role.ACTOR_EDITOR) return principal.actorIds.includes(actor.id);
  return false;
}
