import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  mentions,
  redact,
} from '@maillage/common';

/** Wish notes naming the person (free text a participant wrote). Erasure redacts the mention, keeps the wish. */
@Injectable()
@PersonalDataPart('wish-notes')
export class WishNotesPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async naming(subject: PersonalDataSubject) {
    const rows = (await this.dataSource.query(
      `SELECT id, event_id AS "eventId", actor_id AS "actorId", target_id AS "targetId", note
         FROM event_wishes WHERE note IS NOT NULL ORDER BY created_at`,
    )) as { id: string; eventId: string; actorId: string; targetId: string; note: string }[];
    return rows.filter((r) => mentions(r.note, subject));
  }

  async export(subject: PersonalDataSubject) {
    return this.naming(subject);
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const rows = await this.naming(subject);
    for (const r of rows)
      await this.dataSource.query('UPDATE event_wishes SET note = $2 WHERE id = $1', [
        r.id,
        redact(r.note, subject),
      ]);
    return rows.length;
  }
}
