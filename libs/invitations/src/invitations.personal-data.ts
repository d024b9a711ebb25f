import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataContributor, PersonalDataPart, PersonalDataSubject } from '@maillage/common';

/** Invitations sent to the e-mail (pending, used or expired). Erasure deletes them. */
@Injectable()
@PersonalDataPart('invitations')
export class InvitationsPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(subject: PersonalDataSubject) {
    return (await this.dataSource.query(
      `SELECT id, email, role, organisation_id AS "organisationId", created_at AS "createdAt",
              expires_at AS "expiresAt", accepted_at AS "acceptedAt"
         FROM invitations WHERE lower(email) = $1 ORDER BY created_at`,
      [subject.email],
    )) as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const [, count] = (await this.dataSource.query('DELETE FROM invitations WHERE lower(email) = $1', [
      subject.email,
    ])) as [unknown, number];
    return count;
  }
}
