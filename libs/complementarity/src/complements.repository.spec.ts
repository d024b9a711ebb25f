import type { Neo4jService } from '@maillage/neo4j';
import { ComplementsRepository, WRITE_ATTEMPTS, EDIT_PRIORITY, EdgeRow } from './complements.repository';

/**
 * A Neo4j whose edge writes fail with the given error codes first (then succeed). It records each
 * write (its first row's id) and how many ran at once.
 */
function neo4jFailing(codes: string[]) {
  const writes: { row: string; running: number; failed: boolean }[] = [];
  let running = 0;
  const neo4j = {
    int: (x: number) => x,
    isRetryable: (err: { code?: string }) => err.code?.startsWith('Neo.TransientError.') ?? false,
    writeOnce: async (_cypher: string, params: { rows: { id: string }[] }) => {
      running++;
      const code = codes.shift();
      writes.push({ row: params.rows[0].id, running, failed: code !== undefined });
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (code) throw Object.assign(new Error(code), { code });
      return [];
    },
  };
  return { neo4j: neo4j as unknown as Neo4jService, writes };
}

const rows = (id: string): EdgeRow[] => [{ id, partners: [] }];
const stamp = { modelVersion: 'spec', profileId: 'default', profileVersion: 1, computedAt: new Date(0) };
const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';

describe('ComplementsRepository.replace', () => {
  it('writes a batch aborted by a deadlock again, and lets the other writer go during the pause', async () => {
    const { neo4j, writes } = neo4jFailing([DEADLOCK]);
    const edges = new ComplementsRepository(neo4j);
    await Promise.all([edges.replace(rows('a'), stamp), edges.replace(rows('b'), stamp)]);
    expect(writes.map((w) => [w.row, w.failed])).toEqual([
      ['a', true],
      ['b', false], // while a pauses
      ['a', false],
    ]);
    expect(writes.every((w) => w.running === 1)).toBe(true); // one write at a time
  });

  it('gives up after WRITE_ATTEMPTS and does not retry errors that are not transient', async () => {
    jest.useFakeTimers(); // (the pauses between attempts grow to seconds)
    try {
      const stuck = neo4jFailing(Array(WRITE_ATTEMPTS).fill(DEADLOCK));
      const outcome = new ComplementsRepository(stuck.neo4j).replace(rows('a'), stamp).catch((e: Error) => e);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(await outcome).toMatchObject({ code: DEADLOCK });
      expect(stuck.writes).toHaveLength(WRITE_ATTEMPTS);
    } finally {
      jest.useRealTimers();
    }
    const wrong = neo4jFailing(['Neo.ClientError.Statement.SyntaxError']);
    await expect(new ComplementsRepository(wrong.neo4j).replace(rows('a'), stamp)).rejects.toThrow(/Syntax/);
    expect(wrong.writes).toHaveLength(1);
  });

  it("writes an edit's lists before the rebuild batches waiting for the lock", async () => {
    const { neo4j, writes } = neo4jFailing([]);
    const edges = new ComplementsRepository(neo4j);
    await Promise.all([
      edges.replace(rows('rebuild-1'), stamp),
      edges.replace(rows('rebuild-2'), stamp),
      edges.replace(rows('edit'), stamp, EDIT_PRIORITY),
    ]);
    expect(writes.map((w) => w.row)).toEqual(['rebuild-1', 'edit', 'rebuild-2']);
  });
});
