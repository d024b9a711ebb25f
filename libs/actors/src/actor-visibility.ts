import { Principal, Role } from '@maillage/auth';
import { Visibility } from '@maillage/domain';
import { cypherAlias } from '@maillage/neo4j';

/**
 * The one actor visibility rule. Anonymous callers see PUBLIC actors, signed-in callers NETWORK
 * ones too, PRIVATE ones only admins, the managing organisation and the actor's editors. The
 * caller is reduced to these parameters; `canSeeActor` (TypeScript) and `actorVisibleTo` (Cypher)
 * evaluate the same predicate over them.
 */
export interface ActorVisibilityParams {
  seeAll: boolean;
  authenticated: boolean;
  orgId: string | null;
  editableIds: string[];
}

export function listVisibilityParams(principal: Principal): ActorVisibilityParams {
  if (principal.kind !== 'user') return { seeAll: false, authenticated: false, orgId: null, editableIds: [] };
  return {
    seeAll: principal.role === Role.ADMIN,
    authenticated: true,
    orgId: principal.organisationId,
    editableIds: principal.actorIds,
  };
}

/** Who may see an actor at all (contact persons have their own, stricter rule in the policy). */
export function canSeeActor(
  principal: Principal,
  actor: { id: string; visibility?: Visibility | null; managedBy?: string | null },
): boolean {
  const v = listVisibilityParams(principal);
  const visibility = actor.visibility ?? Visibility.PUBLIC;
  return (
    v.seeAll ||
    visibility === Visibility.PUBLIC ||
    (v.authenticated && visibility === Visibility.NETWORK) ||
    (v.orgId !== null && actor.managedBy === v.orgId) ||
    v.editableIds.includes(actor.id)
  );
}

/**
 * Cypher predicate "actor `alias` is visible to the caller", the twin of canSeeActor. The query's
 * parameters must include listVisibilityParams(principal): $seeAll, $authenticated, $orgId, $editableIds.
 */
export function actorVisibleTo(alias: string): string {
  const a = cypherAlias(alias);
  return `($seeAll OR coalesce(${a}.visibility, 'PUBLIC') = 'PUBLIC'
       OR ($authenticated AND ${a}.visibility = 'NETWORK')
       OR ($orgId IS NOT NULL AND ${a}.managedBy = $orgId) OR ${a}.id IN $editableIds)`;
}
