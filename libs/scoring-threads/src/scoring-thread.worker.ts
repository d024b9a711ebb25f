/**
 * Worker-thread entry of ScoringThreads: keeps the last shared index (and its form facts) it was sent
 * (rebuilt over the shared buffers, no copy) and, per job, takes chunks of rows from a shared counter
 * until none is left, writing each actor's top-K — or its whole stored row, every form — straight
 * into the shared result arrays (rows are disjoint).
 */
import { parentPort } from 'node:worker_threads';
import type { ScoringProfile } from '@maillage/scoring';
import { ScoringIndex, TopKSearcher } from '@maillage/candidate-search';
import { FormFacts, FormSearcher, storedRow } from '@maillage/alliance-forms';
import { resourcesOf, writeStoredRow, type ThreadMessage } from './scoring-threads';

interface Searchers {
  readonly topK: TopKSearcher;
  forms: FormSearcher | null;
}

let current: {
  id: number;
  index: ScoringIndex;
  facts: FormFacts;
  searchers: Map<string, Searchers>;
} | null = null;

function searchers(profile: ScoringProfile, key: string): Searchers {
  const c = current!;
  let s = c.searchers.get(key);
  if (!s) {
    c.searchers.clear(); // one profile at a time: a searcher holds O(N) buffers
    c.searchers.set(key, (s = { topK: new TopKSearcher(c.index, c.index.compile(profile)), forms: null }));
  }
  return s;
}

/** Takes chunks of rows from the shared counter until none is left. */
function eachRow(counter: SharedArrayBuffer, total: number, chunk: number, fn: (r: number) => void): void {
  const next = new Int32Array(counter);
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= total) return;
    const end = Math.min(total, start + chunk);
    for (let r = start; r < end; r++) fn(r);
  }
}

parentPort?.on('message', (m: ThreadMessage) => {
  try {
    handle(m);
  } catch (err) {
    // answered, not thrown: the caller's job fails and the thread stays usable
    parentPort?.postMessage({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});

function handle(m: ThreadMessage): void {
  if (m.type === 'index') {
    current = { id: m.id, index: ScoringIndex.fromShared(m.index), facts: m.facts, searchers: new Map() };
    return;
  }
  const job = m.job;
  if (!current || current.id !== job.indexId) {
    parentPort?.postMessage({ error: `index ${job.indexId} not loaded` });
    return;
  }
  const s = searchers(job.profile, job.profileKey);
  const before = { ...s.topK.stats };
  if (m.type === 'stored') {
    const { k, formK, rows, out } = m.job;
    const forms = (s.forms ??= new FormSearcher(current.index, m.job.profile, current.facts));
    eachRow(m.job.counter, rows.length, m.job.chunk, (r) =>
      writeStoredRow(out, r, storedRow(forms, rows[r], resourcesOf(s.topK, rows[r], k), k, formK)),
    );
  } else {
    const { k, rows, out } = m.job;
    eachRow(m.job.counter, rows.length, m.job.chunk, (r) => {
      out.counts[r] = s.topK.search(
        rows[r],
        k,
        out.partners,
        out.scores,
        r * k,
        out.forward,
        out.backward,
        out.components,
      );
    });
  }
  const st = s.topK.stats;
  parentPort?.postMessage({
    stats: {
      postings: st.postings - before.postings,
      touched: st.touched - before.touched,
      refined: st.refined - before.refined,
      exact: st.exact - before.exact,
    },
  });
}
