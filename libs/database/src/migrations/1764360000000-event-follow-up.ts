import { MigrationInterface, QueryRunner } from 'typeorm';

/** Speed-meeting follow-up: late arrivals on registrations and the six-month outcome survey. */
export class EventFollowUp1764360000000 implements MigrationInterface {
  name = 'EventFollowUp1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "registrations" ADD "present_from_round" integer');
    await q.query(
      'CREATE TABLE "outcome_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "event_id" uuid NOT NULL, "actor_a" character varying(40) NOT NULL, "actor_b" character varying(40) NOT NULL, "surveyed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(20) NOT NULL, "alliance_formed" boolean NOT NULL DEFAULT false, "comment" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_outcome_surveys" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_outcome_surveys_event" ON "outcome_surveys" ("event_id")');
    await q.query(
      'CREATE UNIQUE INDEX "IDX_outcome_surveys_pair" ON "outcome_surveys" ("meeting_id", "actor_a", "actor_b")',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "outcome_surveys"');
    await q.query('ALTER TABLE "registrations" DROP COLUMN "present_from_round"');
  }
}
