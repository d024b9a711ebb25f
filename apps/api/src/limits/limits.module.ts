import { Inject, MiddlewareConsumer, Module, NestModule, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { graphqlBody } from './graphql-body';
import { RateLimiter, createRateLimitRedis } from './rate-limits';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/**
 * Transport limits in front of GraphQL: rate limits first (nothing is read from a refused client),
 * then the body cap and JSON parsing. The query limits are an Apollo plugin (query-limits.ts).
 */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRateLimitRedis(config.REDIS_URL),
    },
  ],
})
export class ApiLimitsModule implements NestModule, OnModuleDestroy {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const c = this.config;
    const limiter = new RateLimiter(
      {
        perIp: c.RATE_LIMIT_PER_IP,
        perKey: c.RATE_LIMIT_PER_KEY,
        windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
      },
      this.redis,
      c.REDIS_PREFIX,
    );
    consumer
      .apply(
        limiter.middleware(),
        graphqlBody({
          defaultBytes: c.GRAPHQL_BODY_LIMIT_BYTES,
          csvBytes: c.GRAPHQL_CSV_BODY_LIMIT_BYTES,
          maxTokens: c.GRAPHQL_MAX_TOKENS,
        }),
      )
      .forRoutes('graphql');
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
