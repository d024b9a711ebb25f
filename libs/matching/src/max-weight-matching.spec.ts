import {
  certifiedMaxWeightMatching,
  type MatchingGraph,
  matchingWeight,
  maxWeightMatching,
} from './max-weight-matching';

// The reference implementation has no types; this is its whole API (edges as [i, j, w]).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const referenceMatching = require('edmonds-blossom-fixed') as (
  edges: number[][],
  maxCardinality?: boolean,
) => number[];

function graphOf(vertexCount: number, edges: readonly (readonly [number, number, number])[]): MatchingGraph {
  return {
    vertexCount,
    from: Int32Array.from(edges, (e) => e[0]),
    to: Int32Array.from(edges, (e) => e[1]),
    weight: Float64Array.from(edges, (e) => e[2]),
  };
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('maxWeightMatching', () => {
  it('prefers two outer edges to the heavier middle edge of a path', () => {
    // a-b 6, b-c 10, c-d 6: {a-b, c-d} = 12 beats {b-c} = 10.
    const mate = maxWeightMatching(
      graphOf(4, [
        [0, 1, 6],
        [1, 2, 10],
        [2, 3, 6],
      ]),
    );
    expect(Array.from(mate)).toEqual([1, 0, 3, 2]);
  });

  it('handles an odd cycle (blossom) with a pendant edge', () => {
    // Triangle 0-1-2 (weights 8) plus 2-3 (weight 7): best is 0-1 + 2-3 = 15.
    const g = graphOf(4, [
      [0, 1, 8],
      [1, 2, 8],
      [0, 2, 8],
      [2, 3, 7],
    ]);
    expect(matchingWeight(g, maxWeightMatching(g))).toBe(15);
  });

  it('leaves a vertex unmatched rather than taking a zero-gain edge set', () => {
    const g = graphOf(3, [
      [0, 1, 5],
      [1, 2, 1],
    ]);
    expect(Array.from(maxWeightMatching(g))).toEqual([1, 0, -1]);
  });

  it('matches the reference implementation (networkx port) on 300 random graphs', () => {
    for (let trial = 0; trial < 300; trial++) {
      const random = lcg(trial + 1);
      const n = 2 + Math.floor(random() * 24);
      const density = 0.15 + random() * 0.8;
      const edges: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          // Few distinct weights on a third of the trials: many ties, many blossoms.
          if (random() < density) edges.push([i, j, Math.floor(random() * (trial % 3 === 0 ? 4 : 1000))]);
        }
      }
      const g = graphOf(n, edges);
      for (const maxCardinality of [false, true]) {
        const mate = maxWeightMatching(g, maxCardinality);
        for (let v = 0; v < n; v++) if (mate[v] >= 0) expect(mate[mate[v]]).toBe(v);
        const reference = new Int32Array(n).fill(-1);
        if (edges.length > 0) referenceMatching(edges, maxCardinality).forEach((m, v) => (reference[v] = m));
        expect(matchingWeight(g, mate)).toBe(matchingWeight(g, reference));
        if (maxCardinality) {
          expect(mate.filter((m) => m >= 0).length).toBe(reference.filter((m) => m >= 0).length);
        }
      }
    }
  });

  it('certifies optimality on a supergraph exactly when no left-out edge has a negative reduced cost', () => {
    let certified = 0;
    for (let trial = 0; trial < 300; trial++) {
      const random = lcg(1000 + trial);
      const n = 4 + Math.floor(random() * 16);
      const all: [number, number, number][] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) if (random() < 0.5) all.push([i, j, Math.floor(random() * 100)]);
      const kept = all.filter(() => random() < 0.9);
      const left = all.filter((e) => !kept.includes(e));
      const { mate, reducedCost } = certifiedMaxWeightMatching(graphOf(n, kept));
      const full = graphOf(n, all);
      const best = matchingWeight(full, maxWeightMatching(full));
      if (left.every(([i, j, w]) => reducedCost(i, j, w) >= 0)) {
        certified++;
        expect(matchingWeight(full, mate)).toBe(best);
      }
    }
    expect(certified).toBeGreaterThan(30);
  });
});
