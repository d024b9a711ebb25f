import { Principal, Role } from '@maillage/auth';
import { Visibility } from '@maillage/domain';

/** Who may see an actor at all (contact persons have their own, stricter rule in the policy). */
export function canSeeActor(
  principal: Principal,
  actor: { id: string; visibility?: Visibility | null; managedBy?: string | null },
): boolean {
  const visibility = actor.visibility ?? Visibility.PUBLIC;
  if (visibility === Visibility.PUBLIC) return true;
  if (principal.kind !== 'user') return false;
  if (visibility === Visibility.NETWORK) return true;
  return (
    principal.role === Role.ADMIN ||
    (!!actor.managedBy && actor.managedBy === principal.organisationId) ||
    principal.actorIds.includes(actor.id)
  );
}

export function listVisibilityParams(principal: Principal) {
  if (principal.kind !== 'user')
    return { seeAll: false, authenticated: false, orgId: null, editableIds: [] as string[] };
  return {
    seeAll: principal.role === Role.ADMIN,
    authenticated: true,
    orgId: principal.organisationId,
    editableIds: principal.actorIds,
  };
}
