import { Role } from './role';

/** Who is calling. Anonymous callers may read public actor fields only. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; organisationId: string; role: Role; actorIds: string[] };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
