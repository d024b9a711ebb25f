import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PersonalDataContributor,
  PersonalDataPart,
  PersonalDataSubject,
  likePatterns,
  mentions,
  redact,
  redactJson,
} from '@maillage/common';

/**
 * Stored CSV files of background imports (contact columns) and their row reports. Erasure empties
 * the person's cells in a file still waiting (the row still imports, without that contact) and
 * redacts the reports. Retention: files untouched since the cut-off lose their text and reports.
 */
@Injectable()
@PersonalDataPart('import-files')
export class ImportFilesPersonalData implements PersonalDataContributor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private matching(subject: PersonalDataSubject) {
    return this.dataSource.query(
      `SELECT id, run_id AS "runId", content, errors, created_at AS "createdAt" FROM import_files
        WHERE content ILIKE ANY($1) OR errors::text ILIKE ANY($1) ORDER BY created_at`,
      [likePatterns(subject)],
    ) as Promise<{ id: string; runId: string; content: string | null; errors: unknown[]; createdAt: Date }[]>;
  }

  async export(subject: PersonalDataSubject) {
    return (await this.matching(subject)).map((f) => ({
      id: f.id,
      runId: f.runId,
      createdAt: f.createdAt,
      lines: (f.content ?? '').split(/\r?\n/).filter((line) => mentions(line, subject)),
      rowErrors: f.errors.filter((e) => mentions(JSON.stringify(e), subject)),
    }));
  }

  async erase(subject: PersonalDataSubject): Promise<number> {
    const files = await this.matching(subject);
    for (const f of files) {
      await this.dataSource.query('UPDATE import_files SET content = $2, errors = $3 WHERE id = $1', [
        f.id,
        f.content === null ? null : redact(f.content, subject, ''),
        JSON.stringify(redactJson(f.errors, subject)),
      ]);
    }
    return files.length;
  }

  async purgeExpired(before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE import_files SET content = NULL, errors = '[]'
        WHERE updated_at < $1 AND (content IS NOT NULL OR errors <> '[]')`,
      [before],
    )) as [unknown, number];
    return count;
  }
}
