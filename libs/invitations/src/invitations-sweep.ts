import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SweepTask } from '@maillage/jobs';

/** Used or expired invitations are kept this long (30 days), then deleted with their e-mail. */
export const ENDED_INVITATION_RETENTION_DAYS = 30;
/** Rows deleted per sweep: a sweep stays cheap; a backlog goes over the next sweeps. */
const BATCH = 1000;

/**
 * Worker sweep task: deletes invitations accepted or expired more than 30 days ago. An invitation
 * holds an e-mail (personal data) that is useless once the link can no longer be used.
 */
@Injectable()
export class InvitationsSweep {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @SweepTask('invitations')
  async purge(): Promise<{ deleted: number }> {
    const [{ deleted }] = (await this.dataSource.query(
      `WITH gone AS (DELETE FROM invitations WHERE id IN (
         SELECT id FROM invitations
         WHERE expires_at < now() - make_interval(days => $1::int)
            OR accepted_at < now() - make_interval(days => $1::int)
         LIMIT ${BATCH})
       RETURNING id)
       SELECT count(*)::int AS deleted FROM gone`,
      [ENDED_INVITATION_RETENTION_DAYS],
    )) as { deleted: number }[];
    return { deleted };
  }
}
