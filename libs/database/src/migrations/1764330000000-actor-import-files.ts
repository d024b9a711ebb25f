import { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV files for the background actor import, with their progress and per-row errors. */
export class ActorImportFiles1764330000000 implements MigrationInterface {
  name = 'ActorImportFiles1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "import_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "organisation_id" uuid, "content" text, "size_bytes" integer NOT NULL DEFAULT \'0\', "total_rows" integer NOT NULL DEFAULT \'0\', "processed_rows" integer NOT NULL DEFAULT \'0\', "counts" jsonb NOT NULL DEFAULT \'{}\', "errors" jsonb NOT NULL DEFAULT \'[]\', "error_count" integer NOT NULL DEFAULT \'0\', "ignored_columns" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_45cc3f75a8fcd2972c1201a4911" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "IDX_4597833ccdf6b8a2bf6991b6cd" ON "import_files" ("run_id") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "import_files"');
  }
}
