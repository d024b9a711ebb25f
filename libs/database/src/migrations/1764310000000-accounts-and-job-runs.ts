import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts (organisations, users, API keys) and user-visible job runs. */
export class AccountsAndJobRuns1764310000000 implements MigrationInterface {
  name = 'AccountsAndJobRuns1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "secret_hash" character varying(64) NOT NULL, "label" character varying(100) NOT NULL DEFAULT \'\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_a3baee01d8408cd3c0f89a9a97" ON "api_keys" ("user_id") ');
    await q.query('CREATE UNIQUE INDEX "IDX_fef9aa4a1cf4f8c063ac5d75f2" ON "api_keys" ("secret_hash") ');
    await q.query(
      'CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(20) NOT NULL, "actor_ids" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_2fc4294f8ec97da71d587dc557" ON "users" ("organisation_id") ');
    await q.query('CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") ');
    await q.query(
      'CREATE TABLE "job_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "scope" character varying(200) NOT NULL DEFAULT \'\', "status" character varying(20) NOT NULL DEFAULT \'QUEUED\', "progress" double precision NOT NULL DEFAULT \'0\', "total_units" integer NOT NULL DEFAULT \'0\', "done_units" integer NOT NULL DEFAULT \'0\', "counts" jsonb NOT NULL DEFAULT \'{}\', "result" jsonb, "error" text, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_d01d412fd9e63aff493a05f9b0" ON "job_runs" ("kind") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "job_runs"');
    await q.query('DROP TABLE "users"');
    await q.query('DROP TABLE "organisations"');
    await q.query('DROP TABLE "api_keys"');
  }
}
