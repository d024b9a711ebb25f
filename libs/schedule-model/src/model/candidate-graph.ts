import { type ProblemModel, scaleWeight } from './problem-model';

/**
 * The pairs worth considering: each participant's top-K partners by weight (union over both
 * ends), plus every must-meet pair. Keeping K small (30-60) turns an O(P²) problem into an
 * O(P·K) one while losing almost nothing: a participant only meets R ≤ K partners.
 */
export interface CandidateGraph {
  readonly n: number;
  readonly edgeCount: number;
  /** from[e] < to[e]. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Pair weight in [0, 1]. */
  readonly weight: Float64Array;
  /** Pair weight × WEIGHT_SCALE, rounded. */
  readonly scaled: Float64Array;
  readonly mustMeet: Uint8Array;
  readonly edgeByKey: ReadonlyMap<number, number>;
  /** CSR adjacency: edges incident to v are adjEdge[adjStart[v] .. adjStart[v + 1]), heaviest first. */
  readonly adjStart: Int32Array;
  readonly adjEdge: Int32Array;
}

/**
 * A pair is a candidate when both may meet (not forbidden, cross-side in bipartite), have not met
 * yet (`alreadyMet` keys), and share at least one open round (>= fixedRounds).
 */
export function buildCandidateGraph(
  model: ProblemModel,
  perParticipant: number,
  alreadyMet: ReadonlySet<number>,
): CandidateGraph {
  const { n, roundCount, fixedRounds, available } = model;
  const k = Math.max(1, perParticipant);
  const words = Math.max(1, Math.ceil(roundCount / 32));
  const openMask = new Uint32Array(n * words);
  for (let v = 0; v < n; v++) {
    for (let r = fixedRounds; r < roundCount; r++) {
      if (available[v * roundCount + r]) openMask[v * words + (r >> 5)] |= 1 << (r & 31);
    }
  }
  const shareOpenRound = (a: number, b: number): boolean => {
    for (let i = 0; i < words; i++)
      if ((openMask[a * words + i] & openMask[b * words + i]) !== 0) return true;
    return false;
  };
  const eligible = (a: number, b: number): boolean =>
    model.pairAllowed(a, b) && !alreadyMet.has(model.pairKey(a, b)) && shareOpenRound(a, b);

  const heaps = new TopKHeaps(n, k);
  if (model.sparseWeights === null) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (!eligible(a, b)) continue;
        const w = model.pairWeight(a, b);
        heaps.offer(a, b, w);
        heaps.offer(b, a, w);
      }
    }
  } else {
    // Iterate in key order so the result does not depend on the caller's list order.
    const keys = [...model.sparseWeights.keys()].sort((x, y) => x - y);
    for (const key of keys) {
      const a = Math.floor(key / n);
      const b = key - a * n;
      if (!eligible(a, b)) continue;
      const w = model.sparseWeights.get(key) as number;
      heaps.offer(a, b, w);
      heaps.offer(b, a, w);
    }
  }

  const chosen = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    heaps.forEach(v, (u, w) => {
      chosen.set(model.pairKey(u, v), w);
    });
  }
  for (const [a, b] of model.mustMeet) {
    if (eligible(a, b)) chosen.set(model.pairKey(a, b), model.pairWeight(a, b));
  }
  const keys = [...chosen.keys()].sort((x, y) => x - y);
  const m = keys.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const weight = new Float64Array(m);
  const scaled = new Float64Array(m);
  const mustMeet = new Uint8Array(m);
  const edgeByKey = new Map<number, number>();
  const degree = new Int32Array(n + 1);
  keys.forEach((key, e) => {
    const a = Math.floor(key / n);
    from[e] = a;
    to[e] = key - a * n;
    weight[e] = chosen.get(key) as number;
    scaled[e] = scaleWeight(weight[e]);
    mustMeet[e] = model.mustMeetKeys.has(key) ? 1 : 0;
    edgeByKey.set(key, e);
    degree[from[e]]++;
    degree[to[e]]++;
  });
  const adjStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v] + degree[v];
  const adjEdge = new Int32Array(2 * m);
  const fill = adjStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    adjEdge[fill[from[e]]++] = e;
    adjEdge[fill[to[e]]++] = e;
  }
  for (let v = 0; v < n; v++) {
    const slice = Array.from(adjEdge.subarray(adjStart[v], adjStart[v + 1]));
    slice.sort((x, y) => weight[y] - weight[x] || x - y);
    adjEdge.set(slice, adjStart[v]);
  }
  return { n, edgeCount: m, from, to, weight, scaled, mustMeet, edgeByKey, adjStart, adjEdge };
}

/** One bounded min-heap per participant, on flat typed arrays. Ties keep the earlier partner. */
class TopKHeaps {
  private readonly size: Int32Array;
  private readonly w: Float64Array;
  private readonly partner: Int32Array;

  constructor(
    n: number,
    private readonly k: number,
  ) {
    this.size = new Int32Array(n);
    this.w = new Float64Array(n * k);
    this.partner = new Int32Array(n * k);
  }

  offer(v: number, u: number, weight: number): void {
    const base = v * this.k;
    const { w, partner } = this;
    let s = this.size[v];
    if (s < this.k) {
      let i = s++;
      this.size[v] = s;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (w[base + parent] <= weight) break;
        w[base + i] = w[base + parent];
        partner[base + i] = partner[base + parent];
        i = parent;
      }
      w[base + i] = weight;
      partner[base + i] = u;
      return;
    }
    if (weight <= w[base]) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= s) break;
      const r = l + 1;
      const c = r < s && w[base + r] < w[base + l] ? r : l;
      if (w[base + c] >= weight) break;
      w[base + i] = w[base + c];
      partner[base + i] = partner[base + c];
      i = c;
    }
    w[base + i] = weight;
    partner[base + i] = u;
  }

  forEach(v: number, visit: (u: number, weight: number) => void): void {
    const base = v * this.k;
    for (let i = 0; i < this.size[v]; i++) visit(this.partner[base + i], this.w[base + i]);
  }
}
