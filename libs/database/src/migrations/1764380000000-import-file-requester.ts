import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background imports remember whether an admin queued them: what the rows may edit depends on it. */
export class ImportFileRequester1764380000000 implements MigrationInterface {
  name = 'ImportFileRequester1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "import_files" ADD "requested_by_admin" boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "import_files" DROP COLUMN "requested_by_admin"');
  }
}
