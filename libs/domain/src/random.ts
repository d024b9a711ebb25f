// Module-level aliases: under jest's vm sandbox every global lookup (Math…) costs ~0.3 µs, which
// dominated generating 100k actors. Plain Node is unaffected either way.
const { imul, floor, max } = Math;

/**
 * mulberry32: the one seedable PRNG of the project (synthetic data, schedule tie-breaks, tests,
 * benchmarks). Tiny, fast, 32-bit, deterministic across platforms and Node versions; uniform in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string (stable seeds and blocks derived from names). */
export function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** In-place Fisher–Yates shuffle (arrays and typed arrays); returns `items`. */
export function shuffleInPlace<A extends { length: number; [index: number]: unknown }>(
  items: A,
  random: () => number,
): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** Cumulative weights for O(log n) weighted draws; items of weight ≤ 0 are never drawn. */
export class WeightedTable<T> {
  readonly items: T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = [];
    const cum: number[] = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      total += weight;
      this.items.push(item);
      cum.push(total);
    }
    this.cumulative = Float64Array.from(cum);
    this.total = total;
  }

  /** Index of weights → their indices, for draws of positions (`pick` then returns an index). */
  static ofWeights(weights: readonly number[]): WeightedTable<number> {
    return new WeightedTable(weights.map((w, i) => [i, w] as const));
  }

  get size(): number {
    return this.items.length;
  }

  /** Index (into `items`) of the item for u in [0, 1). */
  indexAt(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** One weighted draw. */
  pick(random: () => number): T {
    return this.items[this.indexAt(random())];
  }
}

/** Seeded random helpers over mulberry32. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[floor(this.next() * items.length)];
  }

  /** Weighted pick from [item, weight] pairs. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += max(0, w);
    let target = this.next() * total;
    for (const [item, w] of entries) {
      target -= max(0, w);
      if (target < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  draw<T>(table: WeightedTable<T>): T {
    return table.pick(this.next);
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[]): T[] {
    return shuffleInPlace(items, this.next);
  }
}
