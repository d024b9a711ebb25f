import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';
import { hashSecret } from '../api-key';
import { Me, toUserModel } from '../models/auth.models';
import { CookieRequest, CookieResponse, sessionCookieOf, setSessionCookie } from './session-cookie';

/** The session and its user, as the guard needs them. */
export interface LiveSession {
  session: SessionEntity;
  user: UserEntity;
}

/** lastSeenAt is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side browser sessions: the cookie holds a random token, PostgreSQL its hash. A session is
 * live until its absolute expiry, SESSION_IDLE_SECONDS without use, its revocation (sign-out) or its
 * user's disabling. Read on every request: revocation takes effect at once, in every process.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session for the user (optionally in the caller's transaction); returns the cookie's token. */
  async open(userId: string, manager?: EntityManager): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const repo = manager ? manager.getRepository(SessionEntity) : this.sessions;
    await repo.save(
      repo.create({
        userId,
        tokenHash: hashSecret(token),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_SECONDS * 1000),
      }),
    );
    return { token, maxAgeSeconds: this.config.SESSION_ABSOLUTE_SECONDS };
  }

  /**
   * After a successful sign-in (password or invitation): the browser's older token is revoked (a new
   * sign-in never keeps it alive), the new one set as the cookie; answers the signed-in Me.
   */
  async handOver(
    req: CookieRequest,
    res: CookieResponse,
    user: UserEntity,
    opened: { token: string; maxAgeSeconds: number },
  ): Promise<Me> {
    const previous = sessionCookieOf(req);
    if (previous) await this.revoke(previous);
    setSessionCookie(req, res, opened.token, opened.maxAgeSeconds, this.config.SESSION_COOKIE_SECURE);
    return { authenticated: true, user: toUserModel(user, true) };
  }

  /** The live session of a cookie token and its (enabled) user, or null. */
  async find(token: string): Promise<LiveSession | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: hashSecret(token), revokedAt: IsNull() },
    });
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return null;
    if (session.lastSeenAt.getTime() + this.config.SESSION_IDLE_SECONDS * 1000 <= now) return null;
    const user = await this.users.findOne({ where: { id: session.userId } });
    if (!user || user.disabledAt) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      await this.sessions.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    return { session, user };
  }

  /** Sign-out: the token stops working at once. */
  async revoke(token: string): Promise<void> {
    await this.sessions.update(
      { tokenHash: hashSecret(token), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Every session of a user (disabled account). */
  async revokeAllOf(userId: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(SessionEntity) : this.sessions;
    await repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
