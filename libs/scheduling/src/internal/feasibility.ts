import type { InternalPlan, ProblemModel, ReasonCode, Unplaced } from '@maillage/schedule-model';

/** An unplaced entry plus the pair it concerns (so a later check does not repeat it). */
export interface Finding extends Unplaced {
  pairKey?: number;
}

/**
 * Necessary conditions checked before optimising. Each failure names the participants concerned;
 * passing them does not prove feasibility (the optimiser's own shortfalls are reported after).
 */
export function findInfeasibilities(model: ProblemModel): Finding[] {
  const findings: Finding[] = [];
  const { n, roundCount: R, ids } = model;
  const add = (v: number, code: ReasonCode, reason: string, pairKey?: number): void => {
    findings.push({ participantId: ids[v], code, reason, pairKey });
  };

  const lockedMeetings = new Int32Array(n);
  const busy = new Uint8Array(n * R);
  const lockedPairs = new Set<number>();
  const lockedPerRound = new Int32Array(R);
  const lockedTables: Set<number>[] = Array.from({ length: R }, () => new Set());
  for (const meeting of model.locked) {
    lockedPerRound[meeting.round]++;
    if (meeting.table !== undefined) {
      if (lockedTables[meeting.round].has(meeting.table) || meeting.table > model.tablesPerRound) {
        for (const v of meeting.members) {
          add(
            v,
            'locked-conflict',
            `locked table ${meeting.table} in round ${meeting.round} is taken or beyond the table count`,
          );
        }
      }
      lockedTables[meeting.round].add(meeting.table);
    }
    for (const v of meeting.members) {
      lockedMeetings[v]++;
      busy[v * R + meeting.round] = 1;
      if (!model.available[v * R + meeting.round]) {
        add(v, 'locked-conflict', `locked in round ${meeting.round} but not available then`);
      }
    }
    for (let i = 0; i < meeting.members.length; i++) {
      for (let j = i + 1; j < meeting.members.length; j++) {
        const a = meeting.members[i];
        const b = meeting.members[j];
        lockedPairs.add(model.pairKey(a, b));
        if (!model.pairAllowed(a, b)) {
          const why =
            model.format.kind === 'bipartite' && model.side[a] === model.side[b]
              ? 'same side'
              : 'must not meet';
          add(a, 'locked-conflict', `locked with ${ids[b]} (${why})`);
          add(b, 'locked-conflict', `locked with ${ids[a]} (${why})`);
        }
      }
    }
  }
  for (let r = 0; r < R; r++) {
    if (lockedPerRound[r] > model.tablesPerRound) {
      for (const m of model.locked) {
        if (m.round === r)
          for (const v of m.members)
            add(v, 'too-few-tables', `round ${r} has more locked meetings than tables`);
      }
    }
  }

  // Open rounds where v is available and not already seated by a locked meeting.
  const freeRounds = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let r = model.fixedRounds; r < R; r++) {
      if (model.available[v * R + r] && !busy[v * R + r]) freeRounds[v]++;
    }
  }
  const perRoundPartners = model.format.kind === 'tables' ? model.seats - 1 : 1;

  const pendingMustMeets = new Int32Array(n);
  for (const [a, b] of model.mustMeet) {
    const key = model.pairKey(a, b);
    if (lockedPairs.has(key)) continue;
    const pair = `${ids[a]} / ${ids[b]}`;
    if (model.mustNotMeet.has(key) || model.excluded.has(key)) {
      const what = model.mustNotMeet.has(key) ? 'must-not-meet' : 'excluded (already allied or met)';
      add(a, 'must-meet-conflict', `must meet ${ids[b]} but the pair is also ${what}`, key);
      add(b, 'must-meet-conflict', `must meet ${ids[a]} but the pair is also ${what}`, key);
      continue;
    }
    if (model.format.kind === 'bipartite' && model.side[a] === model.side[b]) {
      add(
        a,
        'must-meet-conflict',
        `must meet ${ids[b]} but both are on side ${model.side[a] === 1 ? 'A' : 'B'}`,
        key,
      );
      add(b, 'must-meet-conflict', `must meet ${ids[a]} but both are on the same side`, key);
      continue;
    }
    let common = 0;
    for (let r = model.fixedRounds; r < R; r++) {
      if (model.available[a * R + r] && model.available[b * R + r] && !busy[a * R + r] && !busy[b * R + r])
        common++;
    }
    if (
      common === 0 ||
      model.maxMeetings[a] <= lockedMeetings[a] ||
      model.maxMeetings[b] <= lockedMeetings[b]
    ) {
      add(a, 'must-meet-unavailable', `must meet ${ids[b]} but they share no free round (${pair})`, key);
      add(b, 'must-meet-unavailable', `must meet ${ids[a]} but they share no free round (${pair})`, key);
      continue;
    }
    pendingMustMeets[a]++;
    pendingMustMeets[b]++;
  }

  let requiredSeats = 0;
  const needy: number[] = [];
  for (let v = 0; v < n; v++) {
    const capacity = Math.min(model.maxMeetings[v] - lockedMeetings[v], freeRounds[v]);
    if (pendingMustMeets[v] > capacity * perRoundPartners) {
      add(
        v,
        'too-many-must-meets',
        `${pendingMustMeets[v]} must-meets but only ${capacity} free rounds (availability, max meetings, locked meetings)`,
      );
    }
    const minMissing = model.minMeetings[v] - lockedMeetings[v];
    if (minMissing > capacity) {
      add(
        v,
        'min-meetings-unreachable',
        `needs ${model.minMeetings[v]} meetings but can attend at most ${capacity + lockedMeetings[v]}`,
      );
    }
    const required = Math.max(minMissing, Math.ceil(pendingMustMeets[v] / perRoundPartners));
    if (required > 0) {
      requiredSeats += required;
      needy.push(v);
    }
  }
  // Seats the tables offer over the open rounds, against the meetings that are compulsory.
  if (Number.isFinite(model.tablesPerRound)) {
    let seats = 0;
    const seatsPerTable = model.format.kind === 'tables' ? model.seats : 2;
    for (let r = model.fixedRounds; r < R; r++)
      seats += Math.max(0, model.tablesPerRound - lockedPerRound[r]) * seatsPerTable;
    if (requiredSeats > seats) {
      for (const v of needy) {
        add(
          v,
          'too-few-tables',
          `compulsory meetings need ${requiredSeats} seats but the tables offer ${seats}`,
        );
      }
    }
  }
  return findings;
}

/** Must-meets and minimum meetings the plan does not honour. */
export function findUnmetRequirements(
  model: ProblemModel,
  plan: InternalPlan,
  known: readonly Finding[],
): Finding[] {
  const { ids } = model;
  const met = new Set<number>();
  const repeated = new Set<number>();
  const meetings = new Int32Array(model.n);
  for (const round of plan) {
    for (const meeting of round) {
      const m = meeting.members;
      for (const v of m) meetings[v]++;
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const key = model.pairKey(m[i], m[j]);
          if (met.has(key)) repeated.add(key);
          met.add(key);
        }
      }
    }
  }
  const knownPairs = new Set(known.flatMap((f) => (f.pairKey === undefined ? [] : [f.pairKey])));
  const knownMin = new Set(
    known.filter((f) => f.code === 'min-meetings-unreachable').map((f) => f.participantId),
  );
  const findings: Finding[] = [];
  for (const [a, b] of model.mustMeet) {
    const key = model.pairKey(a, b);
    if (met.has(key) || knownPairs.has(key)) continue;
    findings.push({
      participantId: ids[a],
      code: 'must-meet-not-scheduled',
      reason: `must meet ${ids[b]}: no compatible round found`,
      pairKey: key,
    });
    findings.push({
      participantId: ids[b],
      code: 'must-meet-not-scheduled',
      reason: `must meet ${ids[a]}: no compatible round found`,
      pairKey: key,
    });
  }
  // Only small tables can repeat a pair (the social-golfer heuristic trades it for a penalty).
  for (const key of repeated) {
    const a = Math.floor(key / model.n);
    const b = key - a * model.n;
    findings.push({
      participantId: ids[a],
      code: 'repeated-pair',
      reason: `sits with ${ids[b]} again: no repeat-free seating found`,
      pairKey: key,
    });
    findings.push({
      participantId: ids[b],
      code: 'repeated-pair',
      reason: `sits with ${ids[a]} again: no repeat-free seating found`,
      pairKey: key,
    });
  }
  for (let v = 0; v < model.n; v++) {
    if (meetings[v] < model.minMeetings[v] && !knownMin.has(ids[v])) {
      findings.push({
        participantId: ids[v],
        code: 'min-meetings-not-reached',
        reason: `${meetings[v]} meetings scheduled, ${model.minMeetings[v]} required`,
      });
    }
  }
  return findings;
}

/** Public shape (drops the internal pair key). */
export function toUnplaced(findings: readonly Finding[]): Unplaced[] {
  return findings.map(({ participantId, code, reason }) => ({ participantId, code, reason }));
}
