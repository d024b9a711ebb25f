import { MigrationInterface, QueryRunner } from 'typeorm';

/** Participants' wishes and their deadline; the objective a schedule was optimised for and its fairness bound. */
export class WishesAndFairness1764470000000 implements MigrationInterface {
  name = 'WishesAndFairness1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "event_wishes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "actor_id" character varying(40) NOT NULL, "target_id" character varying(40) NOT NULL, "level" character varying(10) NOT NULL, "note" character varying(280), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3581322d0092adf8ea5644c8c98" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_91418657fbb1db97b92abb9f26" ON "event_wishes" ("event_id")');
    await q.query(
      'CREATE UNIQUE INDEX "IDX_b86babdf862a195df68c3cdd60" ON "event_wishes" ("event_id", "actor_id", "target_id")',
    );
    await q.query('ALTER TABLE "events" ADD "wishes_deadline" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "schedules" ADD "objective" character varying(10) NOT NULL DEFAULT \'SUM\'');
    await q.query('ALTER TABLE "schedules" ADD "fairness_bound" jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "schedules" DROP COLUMN "fairness_bound"');
    await q.query('ALTER TABLE "schedules" DROP COLUMN "objective"');
    await q.query('ALTER TABLE "events" DROP COLUMN "wishes_deadline"');
    await q.query('DROP TABLE "event_wishes"');
  }
}
