import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataContributor, PersonalDataPart, PersonalDataSubject } from '@maillage/common';
import { AuthService } from './auth.service';

/**
 * Accounts whose e-mail it is, with their API keys' labels. Erasure anonymises the account rather
 * than deleting it (events, runs and surveys keep pointing at a user id): the e-mail becomes
 * `erased-<id>@erased.invalid`, the account is disabled and its keys revoked and unlabelled.
 */
@Injectable()
@PersonalDataPart('users')
export class UsersPersonalData implements PersonalDataContributor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  async identify(email: string) {
    const rows = (await this.dataSource.query('SELECT id FROM users WHERE lower(email) = $1', [email])) as {
      id: string;
    }[];
    return { userIds: rows.map((r) => r.id) };
  }

  async export(subject: PersonalDataSubject) {
    if (!subject.userIds.length) return [];
    const users = (await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.organisation_id AS "organisationId", o.name AS "organisation",
              u.actor_ids AS "actorIds", u.created_at AS "createdAt", u.disabled_at AS "disabledAt",
              COALESCE((SELECT json_agg(json_build_object('id', k.id, 'label', k.label, 'createdAt', k.created_at,
                        'revokedAt', k.revoked_at) ORDER BY k.created_at) FROM api_keys k WHERE k.user_id = u.id), '[]') AS "apiKeys"
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = ANY($1::uuid[]) ORDER BY u.created_at`,
      [subject.userIds],
    )) as Record<string, unknown>[];
    return users;
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    if (!subject.userIds.length) return 0;
    const changed = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE api_keys SET label = '', revoked_at = COALESCE(revoked_at, now()) WHERE user_id = ANY($1::uuid[])`,
        [subject.userIds],
      );
      const [, count] = (await m.query(
        `UPDATE users SET email = 'erased-' || id || '@erased.invalid', disabled_at = COALESCE(disabled_at, now())
          WHERE id = ANY($1::uuid[]) AND lower(email) = $2`,
        [subject.userIds, subject.email],
      )) as [unknown, number];
      return count;
    });
    this.auth.forget();
    return changed;
  }
}
