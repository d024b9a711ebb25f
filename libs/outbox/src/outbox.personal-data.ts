import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  likePatterns,
  redactJson,
} from '@maillage/common';

/**
 * Outbox rows. Payloads carry ids only by contract; this part checks that and redacts anything that
 * slipped through. Retention: rows relayed before the cut-off are deleted.
 */
@Injectable()
@PersonalDataPart('outbox')
export class OutboxPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private matching(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT id, kind, payload, last_error AS "lastError", created_at AS "createdAt" FROM outbox
        WHERE payload::text ILIKE ANY($1) OR last_error ILIKE ANY($1) ORDER BY created_at`,
      [likePatterns(subject)],
    ) as Promise<{ id: string; payload: Record<string, unknown>; lastError: string | null }[]>;
  }

  async export(subject: PersonalDataSubject) {
    return (await this.matching(subject)) as unknown as Record<string, unknown>[];
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const rows = await this.matching(subject);
    for (const row of rows)
      await this.dataSource.query('UPDATE outbox SET payload = $2, last_error = $3 WHERE id = $1', [
        row.id,
        JSON.stringify(redactJson(row.payload, subject)),
        row.lastError === null ? null : redactJson(row.lastError, subject),
      ]);
    return rows.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      'DELETE FROM outbox WHERE processed_at IS NOT NULL AND processed_at < $1',
      [before],
    )) as [unknown, number];
    return count;
  }
}
