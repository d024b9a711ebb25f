import type { Neo4jService } from '@maillage/neo4j';
import { ComplementsRepository, DEADLOCK_ATTEMPTS, EdgeRow } from './complements.repository';

/** A Neo4j whose edge writes fail with the given error codes first (then succeed), counting them. */
function neo4jFailing(codes: string[]) {
  const calls: number[] = [];
  let running = 0;
  const neo4j = {
    int: (x: number) => x,
    write: async () => {
      calls.push(++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      const code = codes.shift();
      if (code) throw Object.assign(new Error(code), { code });
      return [];
    },
  };
  return { neo4j: neo4j as unknown as Neo4jService, calls };
}

const rows: EdgeRow[] = [{ id: 'a', partners: [] }];
const stamp = { modelVersion: 'spec', profileId: 'default', profileVersion: 1, computedAt: new Date(0) };
const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';

describe('ComplementsRepository.replace', () => {
  it('writes a batch aborted by a deadlock again', async () => {
    const { neo4j, calls } = neo4jFailing([DEADLOCK, DEADLOCK]);
    await new ComplementsRepository(neo4j).replace(rows, stamp);
    expect(calls).toHaveLength(3);
  });

  it('gives up after DEADLOCK_ATTEMPTS and does not retry other errors', async () => {
    jest.useFakeTimers(); // (the pauses between attempts grow to seconds)
    try {
      const stuck = neo4jFailing(Array(DEADLOCK_ATTEMPTS).fill(DEADLOCK));
      const outcome = new ComplementsRepository(stuck.neo4j).replace(rows, stamp).catch((e: Error) => e);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(await outcome).toMatchObject({ code: DEADLOCK });
      expect(stuck.calls).toHaveLength(DEADLOCK_ATTEMPTS);
    } finally {
      jest.useRealTimers();
    }
    const down = neo4jFailing(['Neo.TransientError.General.DatabaseUnavailable']);
    await expect(new ComplementsRepository(down.neo4j).replace(rows, stamp)).rejects.toThrow(/Unavailable/);
    expect(down.calls).toHaveLength(1);
  });

  it('writes one batch at a time in a process', async () => {
    const { neo4j, calls } = neo4jFailing([]);
    const edges = new ComplementsRepository(neo4j);
    await Promise.all([edges.replace(rows, stamp), edges.replace(rows, stamp), edges.replace(rows, stamp)]);
    expect(calls).toEqual([1, 1, 1]); // never two writes running at once
  });
});
