import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthService } from './auth.service';
import { AUTH_ERRORS } from './auth.errors';
import { requestOf } from './current-principal.decorator';
import { ANONYMOUS } from './principal';
import { CSRF_HEADER, sessionCookieOf } from './sign-in/session-cookie';

/**
 * Authenticates every request: `Authorization: Bearer` (API key or token) first, else the session
 * cookie; no credential → anonymous; a bad Bearer one → UNAUTHENTICATED; an unknown, expired or
 * revoked session cookie → anonymous (the console then shows the sign-in page).
 * A POST carrying the session cookie must send `x-maillage-csrf: 1` (FORBIDDEN otherwise): a
 * cross-site form cannot set a header. GET never runs a mutation (Apollo refuses it).
 * What each principal may do is decided by the policy (policy.ts), not here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req || req.principal) return true;
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value) {
      const match = /^Bearer\s+(\S+)$/i.exec(value);
      req.principal = match ? await this.auth.authenticate(match[1]) : await this.auth.authenticate(value);
      return true;
    }
    const session = sessionCookieOf(req);
    if (!session) {
      req.principal = ANONYMOUS;
      return true;
    }
    if (req.method !== 'GET' && req.headers[CSRF_HEADER] !== '1')
      throw AUTH_ERRORS.forbidden(
        `A request authenticated by the session cookie must send the header ${CSRF_HEADER}: 1`,
        { reason: 'csrf_header_missing' },
      );
    req.principal = (await this.auth.authenticateSession(session)) ?? ANONYMOUS;
    return true;
  }
}
