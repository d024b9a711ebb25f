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
 * Claims made by the person's accounts, and reasons that name the person. Erasure redacts the
 * reasons; the claim (who took over which actor) stays: it is the audit trail of a management change.
 */
@Injectable()
@PersonalDataPart('actor-claims')
export class ActorClaimsPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private matching(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT id, actor_id AS "actorId", organisation_id AS "organisationId", claimed_by AS "claimedBy",
              reason, created_at AS "claimedAt"
         FROM actor_claims WHERE claimed_by = ANY($1::uuid[]) OR reason ILIKE ANY($2) ORDER BY created_at`,
      [subject.userIds, likePatterns(subject)],
    ) as Promise<{ id: string; reason: string }[]>;
  }

  async export(subject: PersonalDataSubject) {
    return (await this.matching(subject)) as unknown as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    let changed = 0;
    for (const row of await this.matching(subject)) {
      const reason = redact(row.reason, subject);
      if (reason === row.reason) continue;
      await this.dataSource.query('UPDATE actor_claims SET reason = $2 WHERE id = $1', [row.id, reason]);
      changed++;
    }
    return changed;
  }
}
