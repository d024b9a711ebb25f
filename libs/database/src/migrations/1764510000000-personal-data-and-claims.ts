import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust: the audit of personal-data requests (export, erasure, retention; an HMAC of the e-mail,
 * never the e-mail) and the audit of claims of unmanaged actors (who, for which organisation, why).
 */
export class PersonalDataAndClaims1764510000000 implements MigrationInterface {
  name = 'PersonalDataAndClaims1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "actor_claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" character varying(40) NOT NULL, "organisation_id" uuid NOT NULL, "claimed_by" uuid NOT NULL, "reason" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a21bc8da39ccc87d0208977958" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_82c06d888b15117641f6168bd4" ON "actor_claims" ("actor_id") ');
    await q.query(
      'CREATE TABLE "personal_data_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action" character varying(20) NOT NULL, "subject_hash" character varying(64), "requested_by" uuid, "counts" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ff8f9adb1e172c5bc9a22505c4" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "IDX_227c40eb6c348bec46542d385d" ON "personal_data_requests" ("subject_hash") ',
    );
    await q.query(
      'CREATE INDEX "IDX_5c8bc657f465ee338f9544c04c" ON "personal_data_requests" ("created_at") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "personal_data_requests"');
    await q.query('DROP TABLE "actor_claims"');
  }
}
