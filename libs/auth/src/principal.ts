import { Role } from './role';

/** Who is calling. Anonymous callers may read public actor fields only. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      organisationId: string;
      role: Role;
      actorIds: string[];
      /** The credential of this request: the API key, a token minted from a key, or a browser session. */
      credential?: { via: 'api_key' | 'token'; apiKeyId: string } | { via: 'session'; sessionId: string };
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
