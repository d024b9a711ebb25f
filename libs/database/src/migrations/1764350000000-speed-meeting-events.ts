import { MigrationInterface, QueryRunner } from 'typeorm';

/** Speed-meeting events: registrations, schedule versions and meetings, feedback, and the outbox to Neo4j. */
export class SpeedMeetingEvents1764350000000 implements MigrationInterface {
  name = 'SpeedMeetingEvents1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue" character varying(300) NOT NULL DEFAULT \'\', "format" character varying(20) NOT NULL, "side_rule" character varying(10), "side_a" text array NOT NULL DEFAULT \'{}\', "side_b" text array NOT NULL DEFAULT \'{}\', "seats" integer, "rounds" integer NOT NULL, "round_minutes" integer NOT NULL, "change_minutes" integer NOT NULL DEFAULT \'2\', "pauses" jsonb NOT NULL DEFAULT \'[]\', "tables" integer, "min_meetings" integer, "max_meetings" integer, "alliance_form" character varying(20) NOT NULL DEFAULT \'CO_PRODUCTION\', "seed" integer NOT NULL DEFAULT \'1\', "status" character varying(20) NOT NULL DEFAULT \'DRAFT\', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_6834b49cf67e4331b0a17212da" ON "events" ("organisation_id")');
    await q.query(
      'CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "actor_id" character varying(40) NOT NULL, "side" character varying(1), "representative_name" character varying(200), "representative_email" character varying(320), "available_rounds" integer array, "must_meet" text array NOT NULL DEFAULT \'{}\', "must_not_meet" text array NOT NULL DEFAULT \'{}\', "goals" text, "checked_in" boolean NOT NULL DEFAULT false, "no_show" boolean NOT NULL DEFAULT false, "absent_from_round" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "IDX_a718b0d867a237937a6688a388" ON "registrations" ("event_id", "actor_id")',
    );
    await q.query(
      'CREATE TABLE "schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'DRAFT\', "algorithm" text NOT NULL, "total_score" double precision NOT NULL, "upper_bound" double precision, "unplaced" jsonb NOT NULL DEFAULT \'[]\', "pair_weights" jsonb NOT NULL, "job_run_id" uuid, "repaired_from_round" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7e33fc2ea755a5765e3564e66dd" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "IDX_5fec53bdc1e06df469eb856b09" ON "schedules" ("job_run_id")');
    await q.query(
      'CREATE UNIQUE INDEX "IDX_25eda2b8566f77c321c96e810d" ON "schedules" ("event_id", "version")',
    );
    await q.query(
      'CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "schedule_id" uuid NOT NULL, "round" integer NOT NULL, "table_number" integer NOT NULL, "participant_ids" text array NOT NULL, "score" double precision NOT NULL, "explanation" jsonb, "locked" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_c6263148996df3d8c91815a487" ON "meetings" ("schedule_id", "round")');
    await q.query(
      'CREATE TABLE "feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "actor_id" character varying(40) NOT NULL, "partner_id" character varying(40), "rating" smallint NOT NULL, "wants_follow_up" boolean NOT NULL DEFAULT false, "outcome" character varying(20) NOT NULL DEFAULT \'NONE\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "IDX_72368df9acdf42919c53379392" ON "feedback" ("meeting_id", "actor_id")',
    );
    await q.query(
      'CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" character varying(200), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "IDX_52c6221ea953d3acd726ca982d" ON "outbox" ("dedupe_key")');
    await q.query(
      'CREATE INDEX "IDX_outbox_pending" ON "outbox" ("created_at") WHERE "processed_at" IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "outbox"');
    await q.query('DROP TABLE "feedback"');
    await q.query('DROP TABLE "meetings"');
    await q.query('DROP TABLE "schedules"');
    await q.query('DROP TABLE "registrations"');
    await q.query('DROP TABLE "events"');
  }
}
