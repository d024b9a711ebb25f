import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { JOB_POLICIES, JobName, JobsService, QueueName, createRedisConnection } from '@maillage/jobs';

const PREFIX = JOB_POLICIES[JobName.SCORE_ACTOR].jobId!({ actorId: '' });

/**
 * SCORE_ACTOR is deduplicated by a fixed jobId, but BullMQ also refuses a jobId that is still
 * kept as completed or failed (RETENTION keeps them for hours): every edit after the first would
 * be dropped. This removes a finished SCORE_ACTOR job as soon as it finishes, so the dedup only
 * lasts while the job is pending. Stopgap: the proper fix belongs in the jobs contract (see report).
 */
@Injectable()
export class ScoreActorDedupReleaser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScoreActorDedupReleaser.name);
  private events: QueueEvents | null = null;
  private connection: Redis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config.REDIS_URL);
    this.events = new QueueEvents(QueueName.SCORING, {
      connection: this.connection,
      prefix: this.config.REDIS_PREFIX,
    });
    const release = ({ jobId }: { jobId: string }) => {
      if (!jobId.startsWith(PREFIX)) return;
      this.jobs
        .queue(QueueName.SCORING)
        .remove(jobId)
        .catch((err: Error) => this.logger.debug(`could not release ${jobId}: ${err.message}`));
    };
    this.events.on('completed', release);
    this.events.on('failed', release);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events?.close();
    // BullMQ leaves a connection it was given open.
    this.connection?.disconnect();
  }
}
