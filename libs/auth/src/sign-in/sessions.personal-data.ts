import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataContributor, PersonalDataPart, PersonalDataSubject } from '@maillage/common';

/** Browser sessions of the person's accounts (times only: no token, no IP). Erasure deletes them. */
@Injectable()
@PersonalDataPart('sessions')
export class SessionsPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(subject: PersonalDataSubject) {
    if (!subject.userIds.length) return [];
    return (await this.dataSource.query(
      `SELECT id, user_id AS "userId", created_at AS "createdAt", last_seen_at AS "lastSeenAt",
              expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM sessions WHERE user_id = ANY($1::uuid[]) ORDER BY created_at`,
      [subject.userIds],
    )) as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    if (!subject.userIds.length) return 0;
    const [, count] = (await this.dataSource.query('DELETE FROM sessions WHERE user_id = ANY($1::uuid[])', [
      subject.userIds,
    ])) as [unknown, number];
    return count;
  }
}
