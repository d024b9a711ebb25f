import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { AUTH_ERRORS } from '../auth.errors';
import { AuthService } from '../auth.service';
import { UserEntity } from '../entities/user.entity';
import { DECOY_PASSWORD_HASH, verifyPassword } from './password';
import { SessionsService } from './sessions.service';
import { SignInLimiter } from './sign-in-limiter';

/** E-mail and password sign-in: rate-limited, same answer (and about the same time) for unknown e-mails. */
@Injectable()
export class SignInService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: SignInLimiter;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Fails fast when Redis is away (the in-memory insurance limiter takes over), like the API limits.
    this.redis = new IORedis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
    this.limiter = new SignInLimiter(
      {
        failuresPerIp: config.SIGNIN_FAILURES_PER_IP,
        failuresPerEmail: config.SIGNIN_FAILURES_PER_EMAIL,
        windowSeconds: config.SIGNIN_WINDOW_SECONDS,
      },
      this.redis,
      config.REDIS_PREFIX,
    );
  }

  /** Verifies the password and opens a session; the caller sets the cookie with the token. */
  async signIn(
    emailInput: string,
    password: string,
    ip: string,
  ): Promise<{ user: UserEntity; token: string; maxAgeSeconds: number }> {
    const email = emailInput.trim().toLowerCase();
    const wait = await this.limiter.blocked(ip, email);
    if (wait !== null)
      throw AUTH_ERRORS.rateLimited(`Too many failed sign-ins: retry in ${wait} s`, {
        reason: 'signin_rate_limit',
      });
    const user = email.length <= 254 && password.length <= 1000 ? await this.auth.findForSignIn(email) : null;
    // Always one scrypt derivation, with a decoy hash when there is no account or no password.
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
    if (!user || !user.passwordHash || !matches) {
      await this.limiter.failed(ip, email);
      throw AUTH_ERRORS.unauthenticated('Unknown e-mail or wrong password', {
        reason: 'invalid_credentials',
      });
    }
    if (user.disabledAt)
      throw AUTH_ERRORS.unauthenticated('This account is disabled', { reason: 'account_disabled' });
    await this.limiter.succeeded(email);
    const { token, maxAgeSeconds } = await this.sessions.open(user.id);
    return { user, token, maxAgeSeconds };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
