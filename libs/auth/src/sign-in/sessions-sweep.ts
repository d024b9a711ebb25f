import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { SweepTask } from '@maillage/jobs';

/** Ended sessions are kept this long (a day) before they are deleted: a trace for a recent sign-out. */
export const ENDED_SESSION_RETENTION_SECONDS = 86_400;
/** Rows deleted per sweep: a sweep stays cheap; a backlog goes over the next sweeps. */
const BATCH = 1000;

/**
 * Worker sweep task: deletes sessions ended more than a day ago: past their absolute expiry,
 * revoked (sign-out, a newer sign-in), or unused for SESSION_IDLE_SECONDS. Such a session can never
 * be used again (SessionsService.find refuses it); only its hash and dates were kept.
 */
@Injectable()
export class SessionsSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'SESSION_IDLE_SECONDS'>,
  ) {}

  @SweepTask('sessions')
  async purge(): Promise<{ deleted: number }> {
    const keep = ENDED_SESSION_RETENTION_SECONDS;
    const [{ deleted }] = (await this.dataSource.query(
      `WITH gone AS (DELETE FROM sessions WHERE id IN (
         SELECT id FROM sessions
         WHERE expires_at < now() - make_interval(secs => $1::int)
            OR revoked_at < now() - make_interval(secs => $1::int)
            OR last_seen_at < now() - make_interval(secs => $1::int + $2::int)
         LIMIT ${BATCH})
       RETURNING id)
       SELECT count(*)::int AS deleted FROM gone`,
      [keep, this.config.SESSION_IDLE_SECONDS],
    )) as { deleted: number }[];
    return { deleted };
  }
}
