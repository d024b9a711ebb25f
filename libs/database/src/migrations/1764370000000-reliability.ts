import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reliability: runs remember the job that drives them (the sweeper re-enqueues it when Redis lost
 * it), deferred jobs wait in PostgreSQL while Redis is down, outbox rows get a dead-letter state.
 */
export class Reliability1764370000000 implements MigrationInterface {
  name = 'Reliability1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "job_runs" ADD "job_name" character varying(40)');
    await q.query('ALTER TABLE "job_runs" ADD "job_payload" jsonb');
    await q.query('ALTER TABLE "job_runs" ADD "recoveries" integer NOT NULL DEFAULT \'0\'');
    await q.query(
      'CREATE TABLE "deferred_jobs" ("dedupe_key" character varying(200) NOT NULL, "job_name" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74b6e276f375d75093b1ae44d1d" PRIMARY KEY ("dedupe_key"))',
    );
    await q.query('ALTER TABLE "outbox" ADD "dead_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "outbox" DROP COLUMN "dead_at"');
    await q.query('DROP TABLE "deferred_jobs"');
    await q.query('ALTER TABLE "job_runs" DROP COLUMN "recoveries"');
    await q.query('ALTER TABLE "job_runs" DROP COLUMN "job_payload"');
    await q.query('ALTER TABLE "job_runs" DROP COLUMN "job_name"');
  }
}
