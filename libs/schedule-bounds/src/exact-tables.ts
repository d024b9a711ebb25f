import {
  buildScheduleResult,
  ScheduleInputError,
  type InternalPlan,
  type ProblemModel,
  type ScheduleResult,
  type Unplaced,
} from '@maillage/schedule-model';
import { SparseLinearModel, solveWithHighs, type SolveOutcome } from './highs-solver';
import { summariseLocked } from './pair-lp';

/** The ILP enumerates tables × rounds: refuse models above this many binaries. */
const MAX_TABLE_COLUMNS = 60_000;

export interface ExactTablesOutcome {
  outcome: SolveOutcome;
  variables: number;
  constraints: number;
  schedule: ScheduleResult | null;
  lockedScore: number;
}

/**
 * Exact optimum of a small-tables schedule by integer programming over table compositions:
 * y[T][r] = 1 when table T (2..seats participants, no forbidden pair) sits in round r; z[p] <=
 * Σ y over the tables seating pair p, z <= 1 (a repeated pair scores once; must-meets z = 1);
 * one table per participant and round, min/max meetings, tables per round. Only for tiny events
 * (≤ 16 participants): it is there to measure the heuristic and the table bound against.
 */
export async function exactTablesOptimum(
  model: ProblemModel,
  started: number,
  timeLimitSeconds: number,
): Promise<ExactTablesOutcome> {
  const { n, seats } = model;
  const R = model.roundCount;
  const locked = summariseLocked(model);
  const tables = enumerateTables(model, seats);
  const lp = new SparseLinearModel();
  const columns: { members: number[]; round: number }[] = [];
  const bySlot: number[][] = Array.from({ length: n * R }, () => []);
  const byVertex: number[][] = Array.from({ length: n }, () => []);
  const byRound: number[][] = Array.from({ length: R }, () => []);
  const byPair = new Map<number, number[]>();
  for (const members of tables) {
    for (let r = model.fixedRounds; r < R; r++) {
      if (members.some((v) => !model.available[v * R + r] || locked.busy[v * R + r])) continue;
      if (columns.length >= MAX_TABLE_COLUMNS)
        throw new ScheduleInputError(`exact tables optimum: more than ${MAX_TABLE_COLUMNS} table columns`);
      const c = lp.addColumn(0, 0, 1);
      columns.push({ members, round: r });
      byRound[r].push(c);
      for (let i = 0; i < members.length; i++) {
        bySlot[members[i] * R + r].push(c);
        byVertex[members[i]].push(c);
        for (let j = i + 1; j < members.length; j++) {
          const key = model.pairKey(members[i], members[j]);
          const list = byPair.get(key);
          if (list) list.push(c);
          else byPair.set(key, [c]);
        }
      }
    }
  }
  const tableColumns = columns.length;
  // Interchangeable rounds (same attendance, nothing locked): order them by the rank of
  // participant 0's table (any plan can be so reordered), which cuts the ILP's symmetry.
  if (roundsInterchangeable(model)) {
    const rankOf = new Map(tables.map((t, i) => [t, i + 1]));
    const ofZero: number[][] = Array.from({ length: R }, () => []);
    columns.forEach(({ members, round }, c) => {
      if (members[0] === 0) ofZero[round].push(c);
    });
    for (let r = 0; r + 1 < R; r++) {
      const later = ofZero[r + 1];
      const earlier = ofZero[r];
      const rank = (c: number): number => rankOf.get(columns[c].members) as number;
      lp.addRow([...later, ...earlier], [...later.map(rank), ...earlier.map((c) => -rank(c))], 0, Infinity);
    }
  }
  for (const cols of bySlot) lp.addCountRow(cols, -Infinity, 1);
  for (let v = 0; v < n; v++) {
    const min = model.minMeetings[v] - locked.meetingsOf[v];
    lp.addCountRow(byVertex[v], min > 0 ? min : -Infinity, model.maxMeetings[v] - locked.meetingsOf[v]);
  }
  if (Number.isFinite(model.tablesPerRound)) {
    for (let r = model.fixedRounds; r < R; r++)
      lp.addCountRow(byRound[r], -Infinity, model.tablesPerRound - locked.perRound[r]);
  }
  // Scoring pairs: z[p] - Σ y <= 0 (a -1 coefficient per covering table).
  const mustMeet = new Set(model.mustMeet.map(([a, b]) => model.pairKey(a, b)));
  for (const [key, cols] of byPair) {
    if (locked.pairKeys.has(key)) continue;
    const w = model.pairWeight(Math.floor(key / n), key % n);
    const required = mustMeet.has(key);
    if (w <= 0 && !required) continue;
    const z = lp.addColumn(w, required ? 1 : 0, 1);
    lp.addRow([z, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
  }
  const outcome = await solveWithHighs(lp, {
    integer: true,
    integerColumns: tableColumns,
    timeLimitSeconds,
    mipRelativeGap: 1e-9,
  });
  let schedule: ScheduleResult | null = null;
  if (!Number.isNaN(outcome.objective)) {
    const plan: InternalPlan = Array.from({ length: R }, () => []);
    for (const m of model.locked)
      plan[m.round].push({ members: [...m.members], locked: true, table: m.table });
    columns.forEach(({ members, round }, c) => {
      if (outcome.colValue[c] > 0.5) plan[round].push({ members: [...members], locked: false });
    });
    schedule = buildScheduleResult(model, plan, {
      algorithm: `exact ILP over table compositions (HiGHS), status ${outcome.status}`,
      unplaced: repeatedPairs(model, plan),
      startedAt: started,
      stats: {
        candidateEdges: 0,
        matchingsSolved: 0,
        improvementPasses: 0,
        improvementGain: 0,
        phaseMs: {},
      },
    });
  }
  return {
    outcome,
    variables: lp.columnCount,
    constraints: lp.rowCount,
    schedule,
    lockedScore: locked.score,
  };
}

function roundsInterchangeable(model: ProblemModel): boolean {
  if (model.locked.length > 0 || model.fixedRounds > 0) return false;
  const R = model.roundCount;
  for (let v = 0; v < model.n; v++)
    for (let r = 1; r < R; r++) if (model.available[v * R + r] !== model.available[v * R]) return false;
  return true;
}

/** Every set of 2..seats participants without a forbidden pair, in lexicographic order. */
function enumerateTables(model: ProblemModel, seats: number): number[][] {
  const out: number[][] = [];
  const current: number[] = [];
  const extend = (from: number): void => {
    if (current.length >= 2) out.push([...current]);
    if (current.length === seats) return;
    for (let v = from; v < model.n; v++) {
      if (current.some((u) => !model.pairAllowed(u, v))) continue;
      current.push(v);
      extend(v + 1);
      current.pop();
      if (out.length > MAX_TABLE_COLUMNS)
        throw new ScheduleInputError(`exact tables optimum: more than ${MAX_TABLE_COLUMNS} tables`);
    }
  };
  extend(0);
  return out;
}

/** The checker accepts a repeated pair only when the result declares it. */
function repeatedPairs(model: ProblemModel, plan: InternalPlan): Unplaced[] {
  const seen = new Set<number>();
  const out: Unplaced[] = [];
  for (const round of plan) {
    for (const { members } of round) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = model.pairKey(members[i], members[j]);
          if (!seen.has(key)) {
            seen.add(key);
            continue;
          }
          for (const [v, other] of [
            [members[i], members[j]],
            [members[j], members[i]],
          ]) {
            out.push({
              participantId: model.ids[v],
              code: 'repeated-pair',
              reason: `sits with ${model.ids[other]} again (exact optimum)`,
            });
          }
        }
      }
    }
  }
  return out;
}
