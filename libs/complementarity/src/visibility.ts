import { Principal, Role } from '@maillage/auth';
import { Visibility } from '@maillage/domain';
import type { VisibilityParams } from './scoring-data.repository';

// Same rule as libs/actors/src/actor-visibility.ts (not exported from @maillage/actors yet).

export function visibilityParams(principal: Principal): VisibilityParams {
  if (principal.kind !== 'user') return { seeAll: false, authenticated: false, orgId: null, editableIds: [] };
  return {
    seeAll: principal.role === Role.ADMIN,
    authenticated: true,
    orgId: principal.organisationId,
    editableIds: principal.actorIds,
  };
}

export function canSee(
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
