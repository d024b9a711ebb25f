import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import IORedis, { Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { ErrorCode } from '@maillage/common';
import { HttpRequest, Middleware, Next, sendRequestError } from './request-errors';

export interface RateLimits {
  perIp: number;
  perKey: number;
  windowSeconds: number;
}

/**
 * Two fixed-window limits shared by every API process through Redis: requests per client IP and
 * requests per credential (the `Authorization` value, hashed). When Redis does not answer, each
 * process falls back to an in-memory limiter with the same values (fail open: the API keeps serving).
 */
export class RateLimiter {
  private readonly ip: RateLimiterAbstract;
  private readonly key: RateLimiterAbstract;

  constructor(
    private readonly limits: RateLimits,
    redis: Redis,
    prefix: string,
  ) {
    const make = (points: number, scope: string) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:ratelimit:${scope}`,
        points,
        duration: limits.windowSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: limits.windowSeconds }),
      });
    this.ip = make(limits.perIp, 'ip');
    this.key = make(limits.perKey, 'key');
  }

  /** Counts one request; resolves to a refusal when a limit is reached, else null. */
  async consume(ip: string, credential: string | undefined) {
    const checks: [RateLimiterAbstract, string, 'ip' | 'key', number][] = [
      [this.ip, ip, 'ip', this.limits.perIp],
    ];
    if (credential) {
      const hash = createHash('sha256').update(credential).digest('base64url');
      checks.push([this.key, hash, 'key', this.limits.perKey]);
    }
    for (const [limiter, id, scope, limit] of checks) {
      try {
        await limiter.consume(id);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          return { scope, limit, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
        }
        // Neither Redis nor the insurance limiter answered: let the request through.
      }
    }
    return null;
  }

  middleware(): Middleware {
    return (req: HttpRequest, res: ServerResponse, next: Next) => {
      const header = req.headers.authorization;
      this.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown', header || undefined)
        .then((refusal) => {
          if (!refusal) return next();
          res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
          req.resume();
          sendRequestError(
            res,
            429,
            ErrorCode.RATE_LIMITED,
            `Too many requests: at most ${refusal.limit} per ${this.limits.windowSeconds} s per ${
              refusal.scope === 'ip' ? 'IP address' : 'API key or token'
            }; retry in ${refusal.retryAfterSeconds} s`,
            { reason: `${refusal.scope}_rate_limit`, ...refusal, windowSeconds: this.limits.windowSeconds },
          );
        })
        .catch(() => next());
    };
  }
}

/** A Redis client that fails fast when Redis is away (no offline queue), so limits never wait on it. */
export function createRateLimitRedis(url: string): Redis {
  const redis = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // A hung Redis costs each request at most 2 × 300 ms here (then the in-memory insurance limiter).
    commandTimeout: 300,
  });
  redis.on('error', () => undefined); // the insurance limiter takes over; reconnection is automatic
  return redis;
}
