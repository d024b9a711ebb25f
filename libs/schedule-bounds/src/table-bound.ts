import type { Model } from 'highs';
import {
  buildCandidateGraph,
  buildProblemModel,
  ScheduleInputError,
  type ProblemModel,
  type ScheduleProblem,
} from '@maillage/schedule-model';

import { highsRuntime, solveWithHighs } from './highs-solver';
import { buildPairLp, summariseLocked, type LockedSummary } from './pair-lp';

export interface TableBoundOptions {
  /** Above this, the table LP has too many pair rows: the pair LP bound is returned. Default 250. */
  maxParticipants?: number;
  /** Column-generation iterations (a deterministic work budget). Default 400. */
  maxIterations?: number;
  /** Stop once the proven bound is within this relative gap of the restricted LP. Default 1e-4. */
  relativeGap?: number;
}

export interface TableBound {
  /** Proven upper bound on totalScore for the tables format (locked meetings included). */
  value: number;
  /** 'optimal': the table LP is solved; 'gap': stopped early, value is still a proven bound. */
  status: 'optimal' | 'gap' | 'pair-lp';
  relaxation: string;
  /** The pair LP bound on the same instance, for comparison. */
  pairLpValue: number;
  /** Value of the restricted master LP (a lower estimate of the table LP optimum). */
  restrictedValue: number;
  iterations: number;
  columns: number;
  elapsedMs: number;
}

/**
 * Upper bound for small tables that knows tables: the LP relaxation over table compositions,
 * solved by column generation (Gilmore-Gomory).
 *
 *   max Σ_p w_p z_p   s.t.  z_p <= Σ_{T ∋ p} y_T   (a pair scores only if some table seats it)
 *                           Σ_{T ∋ v} y_T <= free rounds of v (capped by maxMeetings)
 *                           Σ_T y_T <= tables over the open rounds
 *                           0 <= z_p <= 1 (a repeated pair scores once), y_T >= 0
 *
 * over tables T of 2..seats participants without a forbidden pair. The pair LP lets everyone
 * meet its (seats - 1) × rounds best partners even when those partners do not like each other;
 * here a table's value includes every pair at it. Rounds are aggregated (a valid relaxation).
 *
 * Pricing (the table with the largest reduced cost Σ π_p - Σ μ_v - λ) is exact, by branch and
 * bound over participants. The returned value is always a proven bound, computed from the duals
 * rather than taken from the solver: with δ the largest reduced cost, adding δ/2 to every μ_v
 * (or δ to λ) makes the duals feasible, so Σ max(0, w_p - π_p) + Σ cap_v μ_v + Λ λ + δ·min(Λ,
 * Σ cap / 2) bounds every plan, whether column generation converged or not.
 */
export async function tableUpperBound(
  problem: ScheduleProblem,
  options: TableBoundOptions = {},
): Promise<TableBound> {
  const started = Date.now();
  const model = buildProblemModel(problem);
  if (model.format.kind !== 'tables')
    throw new ScheduleInputError('tableUpperBound is for the tables format');
  const locked = summariseLocked(model);
  const pairGraph = buildCandidateGraph(model, model.n, locked.pairKeys);
  const pairLp = await solveWithHighs(buildPairLp(model, pairGraph, locked), { integer: false });
  const pairLpValue = pairLp.objective + locked.score;
  if (model.n > (options.maxParticipants ?? 250)) {
    return {
      value: pairLpValue,
      status: 'pair-lp',
      relaxation: 'pair LP (too many participants for the table LP): ignores table structure',
      pairLpValue,
      restrictedValue: pairLpValue,
      iterations: 0,
      columns: 0,
      elapsedMs: Date.now() - started,
    };
  }
  const outcome = await columnGeneration(model, locked, options);
  const value = Math.min(outcome.bound + locked.score, pairLpValue);
  return {
    value,
    status: outcome.converged ? 'optimal' : 'gap',
    relaxation: `table LP: pair scored only if seated together, ≤ 1 table per participant and round, ≤ ${model.seats} seats, tables per round; column generation, ${outcome.columns} tables`,
    pairLpValue,
    restrictedValue: outcome.restricted + locked.score,
    iterations: outcome.iterations,
    columns: outcome.columns,
    elapsedMs: Date.now() - started,
  };
}

interface Generation {
  bound: number;
  restricted: number;
  converged: boolean;
  iterations: number;
  columns: number;
}

async function columnGeneration(
  model: ProblemModel,
  locked: LockedSummary,
  options: TableBoundOptions,
): Promise<Generation> {
  const { n, seats } = model;
  const R = model.roundCount;
  const cap = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let free = 0;
    for (let r = model.fixedRounds; r < R; r++) {
      const i = v * R + r;
      if (model.available[i] && !locked.busy[i]) free++;
    }
    cap[v] = Math.max(0, Math.min(model.maxMeetings[v] - locked.meetingsOf[v], free));
  }
  let tables = Number.POSITIVE_INFINITY;
  if (Number.isFinite(model.tablesPerRound)) {
    tables = 0;
    for (let r = model.fixedRounds; r < R; r++)
      tables += Math.max(0, model.tablesPerRound - locked.perRound[r]);
  }
  let capSum = 0;
  for (const c of cap) capSum += c;
  const seatMultiplier = Math.min(tables, capSum / 2);

  // Pair rows: allowed pairs of positive weight not already met in a locked meeting.
  const allowed = new Uint8Array(n * n);
  const pairRow = new Int32Array(n * n).fill(-1);
  const weight: number[] = [];
  const pairOf: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (!model.pairAllowed(a, b) || cap[a] === 0 || cap[b] === 0) continue;
      allowed[a * n + b] = allowed[b * n + a] = 1;
      const w = model.pairWeight(a, b);
      if (w <= 0 || locked.pairKeys.has(model.pairKey(a, b))) continue;
      pairRow[a * n + b] = pairRow[b * n + a] = weight.length;
      weight.push(w);
      pairOf.push(a * n + b);
    }
  }
  const P = weight.length;
  const vertexRow = (v: number): number => P + v;
  const tableRow = P + n;
  const rowCount = P + n + (Number.isFinite(tables) ? 1 : 0);

  const runtime = await highsRuntime();
  const inf = runtime.infinity;
  const rowLower = new Float64Array(rowCount).fill(-inf);
  const rowUpper = new Float64Array(rowCount);
  for (let v = 0; v < n; v++) rowUpper[vertexRow(v)] = cap[v];
  if (Number.isFinite(tables)) rowUpper[tableRow] = tables;
  // Columns 0..P-1: z_p, one entry (+1) in pair row p. Rows are given in CSR.
  const starts = new Int32Array(rowCount + 1);
  for (let p = 0; p < P; p++) starts[p + 1] = p + 1;
  for (let r = P; r < rowCount; r++) starts[r + 1] = P;
  const modelData = {
    numCols: P,
    numRows: rowCount,
    sense: runtime.constants.objectiveSense.maximize,
    colCost: Float64Array.from(weight),
    colLower: new Float64Array(P),
    colUpper: new Float64Array(P).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: rowCount,
      numCols: P,
      starts,
      indices: Int32Array.from({ length: P }, (_, p) => p),
      values: new Float64Array(P).fill(1),
    },
  };

  const maxIterations = options.maxIterations ?? 400;
  const relativeGap = options.relativeGap ?? 1e-4;
  const pricer = new TablePricer(n, seats, allowed, cap);
  const pi = new Float64Array(n * n);
  const mu = new Float64Array(n);
  return runtime.withModel(modelData, (m) => {
    m.options.set({
      output_flag: false,
      random_seed: 0,
      solver: 'simplex',
      simplex_strategy: PRIMAL_SIMPLEX,
    });
    let best = Number.POSITIVE_INFINITY;
    let restricted = 0;
    let columns = 0;
    let iterations = 0;
    let converged = false;
    while (iterations < maxIterations) {
      iterations++;
      m.run();
      if (m.getModelStatus() !== runtime.constants.modelStatus.optimal) break;
      restricted = m.getObjectiveValue();
      const { rowDual } = m.getSolution();
      // Duals of a maximisation with <= rows are >= 0; clipping keeps the bound valid anyway.
      pi.fill(0);
      let sigma = 0;
      for (let p = 0; p < P; p++) {
        const value = Math.min(weight[p], Math.max(0, rowDual[p]));
        const key = pairOf[p];
        const a = Math.floor(key / n);
        const b = key - a * n;
        pi[a * n + b] = pi[b * n + a] = value;
        sigma += weight[p] - value;
      }
      let dualValue = sigma;
      for (let v = 0; v < n; v++) {
        mu[v] = Math.max(0, rowDual[vertexRow(v)]);
        dualValue += cap[v] * mu[v];
      }
      const lambda = Number.isFinite(tables) ? Math.max(0, rowDual[tableRow]) : 0;
      if (Number.isFinite(tables)) dualValue += tables * lambda;
      const found = pricer.price(pi, mu, lambda);
      const delta = Math.max(0, found.maxReducedCost);
      best = Math.min(best, dualValue + delta * seatMultiplier);
      if (found.tables.length === 0 || best - restricted <= relativeGap * Math.max(1, best)) {
        converged = found.tables.length === 0;
        break;
      }
      addTableColumns(m, found.tables, n, pairRow, vertexRow, Number.isFinite(tables) ? tableRow : -1);
      columns += found.tables.length;
    }
    return { bound: best, restricted, converged, iterations, columns };
  });
}

function addTableColumns(
  m: Model,
  tables: readonly number[][],
  n: number,
  pairRow: Int32Array,
  vertexRow: (v: number) => number,
  tableRow: number,
): void {
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const t of tables) {
    const entries: [number, number][] = [];
    for (let i = 0; i < t.length; i++) {
      entries.push([vertexRow(t[i]), 1]);
      for (let j = i + 1; j < t.length; j++) {
        const p = pairRow[t[i] * n + t[j]];
        if (p >= 0) entries.push([p, -1]);
      }
    }
    if (tableRow >= 0) entries.push([tableRow, 1]);
    entries.sort((x, y) => x[0] - y[0]);
    for (const [row, value] of entries) {
      indices.push(row);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const count = tables.length;
  const rows = m.getDimensions().numRows;
  m.addCols({
    cost: new Float64Array(count),
    lower: new Float64Array(count),
    upper: new Float64Array(count).fill(Number.POSITIVE_INFINITY),
    matrix: {
      format: 'csc',
      numRows: rows,
      numCols: count,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
}

/** HiGHS simplex_strategy 4: adding columns keeps the basis primal feasible, so primal simplex restarts warm. */
const PRIMAL_SIMPLEX = 4;

/** Tables kept per root participant and pricing round: fewer LP re-solves. */
const KEPT_PER_ROOT = 3;
const MIN_REDUCED_COST = 1e-9;

/** The best tables of one root search; `value` is the pruning threshold (the worst one kept). */
interface Found {
  value: number;
  kept: { value: number; members: number[] }[];
}

function keep(found: Found, value: number, members: number[]): void {
  found.kept.push({ value, members });
  found.kept.sort((x, y) => y.value - x.value);
  if (found.kept.length > KEPT_PER_ROOT) found.kept.length = KEPT_PER_ROOT;
  if (found.kept.length === KEPT_PER_ROOT) found.value = found.kept[KEPT_PER_ROOT - 1].value;
}

/**
 * Exact pricing: for each participant a (the table's lowest index), the table T ∋ a of 2..seats
 * members maximising Σ_{pairs ⊂ T} π - Σ_{v ∈ T} μ_v - λ, by depth-first branch and bound. The
 * bound for k more members: the k best candidates' gains (π to the members so far, minus μ)
 * plus (k - 1)/2 × their largest π to anyone (each new pair is worth at most the mean of its
 * two ends' largest π).
 */
export class TablePricer {
  private readonly gains: Float64Array[];
  private readonly lists: Int32Array[];
  private readonly piMax: Float64Array;

  constructor(
    private readonly n: number,
    private readonly seats: number,
    private readonly allowed: Uint8Array,
    private readonly cap: Int32Array,
  ) {
    this.gains = Array.from({ length: seats + 1 }, () => new Float64Array(n));
    this.lists = Array.from({ length: seats + 1 }, () => new Int32Array(n));
    this.piMax = new Float64Array(n);
  }

  price(pi: Float64Array, mu: Float64Array, lambda: number): { tables: number[][]; maxReducedCost: number } {
    const { n } = this;
    this.piMax.fill(0);
    for (let a = 0; a < n; a++) {
      let max = 0;
      for (let b = 0; b < n; b++) if (pi[a * n + b] > max) max = pi[a * n + b];
      this.piMax[a] = max;
    }
    const tables: number[][] = [];
    let maxReducedCost = Number.NEGATIVE_INFINITY;
    const members = new Int32Array(this.seats);
    for (let a = 0; a < n; a++) {
      if (this.cap[a] === 0) continue;
      let count = 0;
      const list = this.lists[1];
      const gain = this.gains[1];
      for (let b = a + 1; b < n; b++) {
        if (this.cap[b] === 0 || !this.allowed[a * n + b]) continue;
        list[count++] = b;
        gain[b] = pi[a * n + b] - mu[b];
      }
      members[0] = a;
      const best: Found = { value: MIN_REDUCED_COST, kept: [] };
      this.search(1, count, -mu[a] - lambda, members, pi, best);
      for (const t of best.kept) {
        tables.push(t.members);
        maxReducedCost = Math.max(maxReducedCost, t.value);
      }
    }
    return { tables, maxReducedCost: tables.length > 0 ? maxReducedCost : 0 };
  }

  private search(
    size: number,
    count: number,
    value: number,
    members: Int32Array,
    pi: Float64Array,
    best: Found,
  ): void {
    const { n } = this;
    if (size >= 2 && value > best.value) keep(best, value, Array.from(members.subarray(0, size)));
    const room = this.seats - size;
    if (room === 0 || count === 0) return;
    const list = this.lists[size];
    const gain = this.gains[size];
    // Optimistic completion: the `room` largest positive optimistic gains.
    const top = [0, 0, 0, 0, 0, 0];
    const half = (room - 1) / 2;
    for (let i = 0; i < count; i++) {
      const u = list[i];
      const g = gain[u] + half * this.piMax[u];
      if (g <= top[room - 1]) continue;
      let k = room - 1;
      while (k > 0 && top[k - 1] < g) {
        top[k] = top[k - 1];
        k--;
      }
      top[k] = g;
    }
    let optimistic = value;
    for (let k = 0; k < room; k++) optimistic += top[k];
    if (optimistic <= best.value) return;
    const nextList = this.lists[size + 1];
    const nextGain = this.gains[size + 1];
    for (let i = 0; i < count; i++) {
      const u = list[i];
      const valueWith = value + gain[u];
      let nextCount = 0;
      if (room > 1) {
        for (let j = i + 1; j < count; j++) {
          const x = list[j];
          if (!this.allowed[u * n + x]) continue;
          nextList[nextCount++] = x;
          nextGain[x] = gain[x] + pi[u * n + x];
        }
      }
      members[size] = u;
      this.search(size + 1, nextCount, valueWith, members, pi, best);
    }
  }
}
