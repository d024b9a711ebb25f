import type { ScoringIndex } from './candidate-index';
import { ScoreKernel } from './kernel';
import {
  DEFAULT_PROFILE,
  normalizeActor,
  scoreNormalized,
  ScoringContext,
  ScoringProfile,
  type ScoringActor,
} from '@maillage/scoring';
import type { Partner } from './top-k';

/**
 * Exact top-K of one actor against every other actor of the index (same exact kernel, same blocking
 * scope, same exclusions and tie-break as topKPartners). The reference for recall checks.
 */
export function bruteForceTopK(
  index: ScoringIndex,
  actorIdx: number,
  k: number,
  profile: ScoringProfile = DEFAULT_PROFILE,
): Partner[] {
  const kernel = new ScoreKernel(index, index.compile(profile));
  return bruteForceWith(kernel, actorIdx, k);
}

/** bruteForceTopK for several actors, sharing one kernel. */
export function bruteForceTopKMany(
  index: ScoringIndex,
  actorIdxs: readonly number[],
  k: number,
  profile: ScoringProfile = DEFAULT_PROFILE,
): Partner[][] {
  const kernel = new ScoreKernel(index, index.compile(profile));
  return actorIdxs.map((a) => bruteForceWith(kernel, a, k));
}

function bruteForceWith(kernel: ScoreKernel, a: number, k: number): Partner[] {
  const ix = kernel.ix;
  const idx = new Int32Array(k);
  const sc = new Float64Array(k);
  const fw = new Float64Array(k);
  const bw = new Float64Array(k);
  let count = 0;
  for (let b = 0; b < ix.n; b++) {
    if (b === a || !kernel.eligible(a, b)) continue;
    const s = kernel.score(a, b);
    if (kernel.excluded || !(s > 0)) continue;
    if (count === k && !(s > sc[k - 1] || (s === sc[k - 1] && b < idx[k - 1]))) continue;
    let i = count < k ? count++ : k - 1;
    while (i > 0 && (s > sc[i - 1] || (s === sc[i - 1] && b < idx[i - 1]))) {
      sc[i] = sc[i - 1];
      idx[i] = idx[i - 1];
      fw[i] = fw[i - 1];
      bw[i] = bw[i - 1];
      i--;
    }
    sc[i] = s;
    idx[i] = b;
    fw[i] = kernel.forward;
    bw[i] = kernel.backward;
  }
  const out: Partner[] = [];
  for (let i = 0; i < count; i++)
    out.push({ idx: idx[i], id: ix.ids[idx[i]], score: sc[i], forward: fw[i], backward: bw[i] });
  return out;
}

/**
 * Recall@K of approximate lists against exact ones (same actors, same order): the share of the exact
 * partners found, summed over actors. A partner tied with the exact K-th score counts as found
 * (ties at the boundary are interchangeable).
 */
export function recallAtK(
  approx: readonly (readonly { readonly id: string; readonly score: number }[])[],
  exact: readonly (readonly { readonly id: string; readonly score: number }[])[],
): number {
  if (approx.length !== exact.length)
    throw new Error('recallAtK: approx and exact must list the same actors');
  let found = 0;
  let total = 0;
  for (let i = 0; i < exact.length; i++) {
    const ex = exact[i];
    if (ex.length === 0) continue;
    const ids = new Set(ex.map((p) => p.id));
    const kth = ex[ex.length - 1].score;
    const tol = Math.abs(kth) * 1e-12;
    let hits = 0;
    for (const p of approx[i]) if (ids.has(p.id) || p.score >= kth - tol) hits++;
    found += Math.min(hits, ex.length);
    total += ex.length;
  }
  return total === 0 ? 1 : found / total;
}

/**
 * The naive baseline: how a first version would do it — for each actor, scorePair (plain objects,
 * full explanation) against every other actor, sort, keep K. Only for benchmarks and small tests.
 */
export function naiveTopK(
  actors: readonly ScoringActor[],
  ctx: ScoringContext,
  actorIds: readonly string[],
  k: number,
  profile: ScoringProfile = DEFAULT_PROFILE,
): { id: string; score: number }[][] {
  // a fair first version normalizes each actor once, then scores every pair with plain objects
  const normalized = actors.map(normalizeActor);
  const byId = new Map(normalized.map((a) => [a.source.id, a]));
  return actorIds.map((id) => {
    const a = byId.get(id);
    if (!a) throw new Error(`naiveTopK: unknown actor "${id}"`);
    const scored: { id: string; score: number }[] = [];
    for (const b of normalized) {
      if (b.source.id === id) continue;
      const s = scoreNormalized(a, b, ctx, profile);
      if (!s.excluded && s.score > 0) scored.push({ id: b.source.id, score: s.score });
    }
    scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return scored.slice(0, k);
  });
}
