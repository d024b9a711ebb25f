import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface SignInLimits {
  failuresPerIp: number;
  failuresPerEmail: number;
  windowSeconds: number;
}

/**
 * Failed sign-ins counted per client IP and per e-mail (hashed: no address in Redis), shared by every
 * API process through Redis, with an in-memory fallback when Redis does not answer. Only failures
 * count (OWASP's advice): a person signing in often is never blocked; a success resets its e-mail.
 */
export class SignInLimiter {
  private readonly ip: RateLimiterAbstract;
  private readonly email: RateLimiterAbstract;

  constructor(
    private readonly limits: SignInLimits,
    redis: Redis,
    prefix: string,
  ) {
    const make = (points: number, scope: string) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:signin:${scope}`,
        points,
        duration: limits.windowSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: limits.windowSeconds }),
      });
    this.ip = make(limits.failuresPerIp, 'ip');
    this.email = make(limits.failuresPerEmail, 'email');
  }

  private keys(ip: string, email: string): [RateLimiterAbstract, string, number][] {
    return [
      [this.ip, ip, this.limits.failuresPerIp],
      [this.email, createHash('sha256').update(email).digest('base64url'), this.limits.failuresPerEmail],
    ];
  }

  /** Seconds to wait when this IP or e-mail has used up its failures, else null. */
  async blocked(ip: string, email: string): Promise<number | null> {
    for (const [limiter, key, points] of this.keys(ip, email)) {
      const res = await limiter.get(key).catch(() => null);
      if (res && res.consumedPoints >= points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    }
    return null;
  }

  async failed(ip: string, email: string): Promise<void> {
    await Promise.all(
      this.keys(ip, email).map(([limiter, key]) =>
        limiter.consume(key).catch((err: unknown) => {
          if (!(err instanceof RateLimiterRes)) return; // store away: counted by the insurance limiter or not at all
        }),
      ),
    );
  }

  async succeeded(email: string): Promise<void> {
    const [, [limiter, key]] = this.keys('', email);
    await limiter.delete(key).catch(() => undefined);
  }
}
