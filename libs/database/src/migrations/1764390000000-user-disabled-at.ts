import { MigrationInterface, QueryRunner } from 'typeorm';

/** disableUser: a disabled account's API keys and tokens are refused. */
export class UserDisabledAt1764390000000 implements MigrationInterface {
  name = 'UserDisabledAt1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" DROP COLUMN "disabled_at"');
  }
}
