/**
 * Worker-thread entry of ScoringThreads: keeps the last shared index it was sent (rebuilt over the
 * shared buffers, no copy) and, per job, takes chunks of rows from a shared counter until none is
 * left, writing each actor's top-K straight into the shared result arrays (rows are disjoint).
 */
import { parentPort } from 'node:worker_threads';
import type { ScoringProfile } from '@maillage/scoring';
import { ScoringIndex, TopKSearcher } from '@maillage/candidate-search';
import type { ThreadMessage } from './scoring-threads';

let current: { id: number; index: ScoringIndex; searchers: Map<string, TopKSearcher> } | null = null;

function searcher(profile: ScoringProfile, key: string): TopKSearcher {
  const c = current!;
  let s = c.searchers.get(key);
  if (!s) {
    c.searchers.clear(); // one profile at a time: a searcher holds O(N) buffers
    c.searchers.set(key, (s = new TopKSearcher(c.index, c.index.compile(profile))));
  }
  return s;
}

parentPort?.on('message', (m: ThreadMessage) => {
  if (m.type === 'index') {
    current = { id: m.id, index: ScoringIndex.fromShared(m.index), searchers: new Map() };
    return;
  }
  const job = m.job;
  if (!current || current.id !== job.indexId) {
    parentPort?.postMessage({ error: `index ${job.indexId} not loaded` });
    return;
  }
  const s = searcher(job.profile, job.profileKey);
  const before = { ...s.stats };
  const { k, rows, chunk, out } = job;
  const next = new Int32Array(job.counter);
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= rows.length) break;
    const end = Math.min(rows.length, start + chunk);
    for (let r = start; r < end; r++)
      out.counts[r] = s.search(
        rows[r],
        k,
        out.partners,
        out.scores,
        r * k,
        out.forward,
        out.backward,
        out.components,
      );
  }
  parentPort?.postMessage({
    stats: {
      postings: s.stats.postings - before.postings,
      touched: s.stats.touched - before.touched,
      refined: s.stats.refined - before.refined,
      exact: s.stats.exact - before.exact,
    },
  });
});
