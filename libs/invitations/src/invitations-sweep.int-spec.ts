import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@maillage/auth';
import { createDataSource } from '@maillage/database';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsSweep } from './invitations-sweep';

/** The invitations sweep on the real (migrated) PostgreSQL of the test run. */
describe('InvitationsSweep (PostgreSQL)', () => {
  let ds: DataSource;
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * DAY);

  beforeAll(async () => {
    ds = createDataSource(process.env.DATABASE_URL!, [InvitationEntity]);
    await ds.initialize();
  });
  afterAll(() => ds?.destroy());

  it('deletes invitations used or expired more than 30 days ago, keeps the pending and recent ones', async () => {
    const organisationId = randomUUID();
    const rows = {
      pending: { expiresAt: ago(-7), acceptedAt: null },
      expiredRecently: { expiresAt: ago(29), acceptedAt: null },
      expiredLongAgo: { expiresAt: ago(31), acceptedAt: null },
      usedRecently: { expiresAt: ago(-1), acceptedAt: ago(2) },
      usedLongAgo: { expiresAt: ago(-1), acceptedAt: ago(45) },
    };
    const ids: Record<string, string> = {};
    const repo = ds.getRepository(InvitationEntity);
    for (const [name, row] of Object.entries(rows)) {
      const saved = await repo.save(
        repo.create({
          tokenHash: randomUUID().replace(/-/g, ''),
          email: `${name}@example.org`,
          organisationId,
          role: Role.VIEWER,
          invitedBy: randomUUID(),
          ...row,
        }),
      );
      ids[name] = saved.id;
    }
    const sweep = new InvitationsSweep(ds);

    expect((await sweep.purge()).deleted).toBeGreaterThanOrEqual(2);
    const left = (await repo.find({ where: { organisationId } })).map((i) => i.id).sort();
    expect(left).toEqual([ids.pending, ids.expiredRecently, ids.usedRecently].sort());
    await sweep.purge();
    expect(await repo.count({ where: { organisationId } })).toBe(3);
  });
});
