import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  likePatterns,
  redact,
} from '@maillage/common';

/**
 * Outcome surveys: who recorded them (an account) and free-text comments that may name a person.
 * Erasure keeps the survey (its outcome feeds statistics and alliances) with the author removed and
 * the mentions redacted. Feedback rows hold ids and ratings only. Retention: comments and authors
 * of surveys older than the cut-off are cleared.
 */
@Injectable()
@PersonalDataPart('outcome-surveys')
export class OutcomeSurveysPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private matching(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT id, event_id AS "eventId", meeting_id AS "meetingId", actor_a AS "actorA", actor_b AS "actorB",
              outcome, comment, recorded_by AS "recordedBy", surveyed_at AS "surveyedAt"
         FROM outcome_surveys
        WHERE recorded_by = ANY($1::uuid[]) OR comment ILIKE ANY($2)
        ORDER BY surveyed_at`,
      [subject.userIds, likePatterns(subject)],
    ) as Promise<{ id: string; comment: string | null; recordedBy: string | null }[]>;
  }

  async export(subject: PersonalDataSubject) {
    return (await this.matching(subject)) as unknown as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const rows = await this.matching(subject);
    for (const row of rows) {
      await this.dataSource.query(
        `UPDATE outcome_surveys SET comment = $2,
                recorded_by = CASE WHEN recorded_by = ANY($3::uuid[]) THEN NULL ELSE recorded_by END
          WHERE id = $1`,
        [row.id, row.comment === null ? null : redact(row.comment, subject), subject.userIds],
      );
    }
    return rows.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE outcome_surveys SET comment = NULL, recorded_by = NULL
        WHERE surveyed_at < $1 AND (comment IS NOT NULL OR recorded_by IS NOT NULL)`,
      [before],
    )) as [unknown, number];
    return count;
  }
}
