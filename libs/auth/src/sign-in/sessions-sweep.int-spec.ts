import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource } from '@maillage/database';
import { SessionEntity } from '../entities/session.entity';
import { SessionsSweep } from './sessions-sweep';

/** The sessions sweep on the real (migrated) PostgreSQL of the test run. */
describe('SessionsSweep (PostgreSQL)', () => {
  let ds: DataSource;
  const IDLE = 8 * 3600;
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
  const ahead = (seconds: number) => new Date(Date.now() + seconds * 1000);

  beforeAll(async () => {
    ds = createDataSource(process.env.DATABASE_URL!, [SessionEntity]);
    await ds.initialize();
  });
  afterAll(() => ds?.destroy());

  it('deletes sessions ended more than a day ago (expired, revoked, idle) and keeps the others', async () => {
    const userId = randomUUID();
    const rows = {
      live: { lastSeenAt: ago(60), expiresAt: ahead(86_400), revokedAt: null },
      expiredLongAgo: { lastSeenAt: ago(3 * 86_400), expiresAt: ago(2 * 86_400), revokedAt: null },
      expiredToday: { lastSeenAt: ago(3600), expiresAt: ago(3600), revokedAt: null },
      revokedLongAgo: { lastSeenAt: ago(2 * 86_400), expiresAt: ahead(86_400), revokedAt: ago(2 * 86_400) },
      revokedToday: { lastSeenAt: ago(600), expiresAt: ahead(86_400), revokedAt: ago(600) },
      idleLongAgo: { lastSeenAt: ago(IDLE + 2 * 86_400), expiresAt: ahead(86_400), revokedAt: null },
      idleToday: { lastSeenAt: ago(IDLE + 600), expiresAt: ahead(86_400), revokedAt: null },
    };
    const ids: Record<string, string> = {};
    const repo = ds.getRepository(SessionEntity);
    for (const [name, row] of Object.entries(rows)) {
      const saved = await repo.save(
        repo.create({ userId, tokenHash: randomUUID().replace(/-/g, ''), ...row }),
      );
      ids[name] = saved.id;
    }
    const sweep = new SessionsSweep(ds, { SESSION_IDLE_SECONDS: IDLE });

    const first = await sweep.purge();
    expect(first.deleted).toBeGreaterThanOrEqual(3);
    const left = (await repo.find({ where: { userId } })).map((s) => s.id).sort();
    expect(left).toEqual([ids.live, ids.expiredToday, ids.revokedToday, ids.idleToday].sort());
    // Idempotent: nothing more of this user's to delete.
    await sweep.purge();
    expect(await repo.count({ where: { userId } })).toBe(4);
  });
});
