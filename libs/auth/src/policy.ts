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
  USER_INVITE = 'USER_INVITE',
  SCORING_RUN = 'SCORING_RUN',
  SCORING_PROFILE_MANAGE = 'SCORING_PROFILE_MANAGE',
  EVENT_MANAGE = 'EVENT_MANAGE',
  AUTHENTICATED_READ = 'AUTHENTICATED_READ',
}

/**
 * The role part of the authorisation matrix, in one place. Rights on one actor are further limited
 * to the actors the caller may edit (see canEditActor).
 */
export const PERMISSIONS: Record<Action, Role[]> = {
  [Action.ACTOR_CREATE]: [Role.ADMIN, Role.ORGANISER],
  [Action.ACTOR_UPDATE]: [Role.ADMIN, Role.ORGANISER, Role.ACTOR_EDITOR],
  [Action.ACTOR_DELETE]: [Role.ADMIN],
  [Action.ALLIANCE_WRITE]: [Role.ADMIN, Role.ORGANISER, Role.ACTOR_EDITOR],
  [Action.ACTOR_IMPORT]: [Role.ADMIN, Role.ORGANISER],
  [Action.ORGANISATION_MANAGE]: [Role.ADMIN],
  [Action.USER_MANAGE]: [Role.ADMIN],
  /** Organisers within their organisation (libs/invitations). */
  [Action.USER_INVITE]: [Role.ADMIN, Role.ORGANISER],
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

/** The part of an actor that decides who may edit it. */
export interface ManagedActor {
  id: string;
  managedBy?: string | null;
}

/**
 * Who may edit an actor (profile, offers, needs, causes, territories, alliances): admins any
 * actor; an organiser the actors its organisation manages (`managedBy`); an actor editor the
 * actors it represents. An actor managed by nobody is edited by admins (and its editors) only.
 * Callers first check the actor is visible (else NOT_FOUND, like an unknown id): see docs/SECURITY.md.
 */
export function canEditActor(principal: Principal, actor: ManagedActor): boolean {
  if (principal.kind !== 'user') return false;
  if (principal.role === Role.ADMIN) return true;
  if (principal.role === Role.ORGANISER)
    return !!actor.managedBy && actor.managedBy === principal.organisationId;
  return principal.role === Role.ACTOR_EDITOR && principal.actorIds.includes(actor.id);
}

/** FORBIDDEN unless the caller may edit this (visible) actor. */
export function assertCanEditActor(
  principal: Principal,
  actor: ManagedActor,
  field: (string | number)[] = ['id'],
): void {
  assertAllowed(principal, Action.ACTOR_UPDATE);
  if (!canEditActor(principal, actor)) {
    const organiser = principal.role === Role.ORGANISER;
    throw AUTH_ERRORS.forbidden(
      organiser
        ? `Actor ${actor.id} is managed by another organisation`
        : `You do not represent actor ${actor.id}`,
      { field, reason: organiser ? 'not_actor_manager' : 'not_actor_editor' },
    );
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
