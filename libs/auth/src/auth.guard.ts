import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthService } from './auth.service';
import { requestOf } from './current-principal.decorator';
import { ANONYMOUS } from './principal';

/**
 * Authenticates every request: no credential → anonymous; a bad one → UNAUTHENTICATED.
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
    if (!value) {
      req.principal = ANONYMOUS;
      return true;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    req.principal = match ? await this.auth.authenticate(match[1]) : await this.auth.authenticate(value);
    return true;
  }
}
