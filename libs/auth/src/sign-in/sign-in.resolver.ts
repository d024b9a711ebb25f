import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { Me } from '../models/auth.models';
import { SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';
import { CookieRequest, CookieResponse, clearSessionCookie, sessionCookieOf } from './session-cookie';

/** The request and response of a GraphQL call (Express's; graphql.config.ts puts both in the context). */
export type HttpContextRequest = CookieRequest & { ip?: string; socket?: { remoteAddress?: string } };

@Resolver()
export class SignInResolver {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Me, {
    description:
      'Signs in with e-mail and password: sets the HttpOnly session cookie `maillage_session`. Then send `x-maillage-csrf: 1` with every POST.',
  })
  async signIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: HttpContextRequest,
    @Context('res') res: CookieResponse,
  ): Promise<Me> {
    const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
    const { user, ...opened } = await this.signInService.signIn(email, password, ip);
    return this.sessions.handOver(req, res, user, opened);
  }

  @Mutation(() => Boolean, {
    description: 'Ends the browser session of the cookie (revoked server-side) and clears the cookie.',
  })
  async signOut(
    @Context('req') req: HttpContextRequest,
    @Context('res') res: CookieResponse,
  ): Promise<boolean> {
    const token = sessionCookieOf(req);
    if (token) await this.sessions.revoke(token);
    clearSessionCookie(req, res, this.config.SESSION_COOKIE_SECURE);
    return true;
  }
}
