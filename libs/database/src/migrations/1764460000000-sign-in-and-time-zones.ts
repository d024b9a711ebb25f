import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in for people: password hashes on users, server-side sessions (token hashes, no e-mail),
 * single-use invitations; and the time zone every time of an event is shown in.
 */
export class SignInAndTimeZones1764460000000 implements MigrationInterface {
  name = 'SignInAndTimeZones1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" ADD "password_hash" character varying(200)');
    await q.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") ');
    await q.query('CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") ');
    await q.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "email" character varying(254) NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "actor_ids" text array NOT NULL DEFAULT \'{}\', "invited_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "IDX_872ac94a64b3d44fc4b554780c" ON "invitations" ("token_hash") ');
    await q.query('CREATE INDEX "IDX_db8eb6da8f383cb3443217d853" ON "invitations" ("organisation_id") ');
    await q.query(
      'ALTER TABLE "events" ADD "time_zone" character varying(64) NOT NULL DEFAULT \'Europe/Paris\'',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "events" DROP COLUMN "time_zone"');
    await q.query('DROP TABLE "invitations"');
    await q.query('DROP TABLE "sessions"');
    await q.query('ALTER TABLE "users" DROP COLUMN "password_hash"');
  }
}
