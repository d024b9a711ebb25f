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
 * Registrations' representatives (name and e-mail). Erasure clears them and redacts the goals'
 * mentions; the registration itself stays (its actor, schedule and meetings do not change).
 * Retention: representatives of events that started before the cut-off are cleared.
 */
@Injectable()
@PersonalDataPart('registrations')
export class RegistrationsPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async identify(email: string) {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT representative_name AS name FROM registrations
        WHERE lower(representative_email) = $1 AND representative_name IS NOT NULL`,
      [email],
    )) as { name: string }[];
    return { names: rows.map((r) => r.name) };
  }

  async export(subject: PersonalDataSubject) {
    return (await this.dataSource.query(
      `SELECT r.id, r.event_id AS "eventId", e.title AS "eventTitle", e.starts_at AS "eventStartsAt",
              r.actor_id AS "actorId", r.representative_name AS "representativeName",
              r.representative_email AS "representativeEmail", r.goals, r.created_at AS "createdAt"
         FROM registrations r JOIN events e ON e.id = r.event_id
        WHERE lower(r.representative_email) = $1 OR r.goals ILIKE ANY($2)
        ORDER BY r.created_at`,
      [subject.email, likePatterns(subject)],
    )) as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id, goals, lower(representative_email) = $1 AS own FROM registrations
        WHERE lower(representative_email) = $1 OR goals ILIKE ANY($2)`,
      [subject.email, likePatterns(subject)],
    )) as { id: string; goals: string | null; own: boolean }[];
    for (const row of rows) {
      const goals = row.goals === null ? null : redact(row.goals, subject);
      await this.dataSource.query(
        row.own
          ? 'UPDATE registrations SET representative_name = NULL, representative_email = NULL, goals = $2 WHERE id = $1'
          : 'UPDATE registrations SET goals = $2 WHERE id = $1',
        [row.id, goals],
      );
    }
    return rows.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE registrations r SET representative_name = NULL, representative_email = NULL
         FROM events e
        WHERE e.id = r.event_id AND e.starts_at < $1
          AND (r.representative_name IS NOT NULL OR r.representative_email IS NOT NULL)`,
      [before],
    )) as [unknown, number];
    return count;
  }
}
