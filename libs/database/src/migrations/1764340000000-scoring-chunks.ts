import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chunks of scoring rebuilds: frozen actor ids per chunk and completion, for resumable runs. */
export class ScoringChunks1764340000000 implements MigrationInterface {
  name = 'ScoringChunks1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "scoring_chunks" ("run_id" uuid NOT NULL, "chunk" integer NOT NULL, "actor_ids" text array NOT NULL, "edges" integer NOT NULL DEFAULT \'0\', "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b97c6b40a16d07289ff5a5fa99f" PRIMARY KEY ("run_id", "chunk"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "scoring_chunks"');
  }
}
