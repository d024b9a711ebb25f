import { buildProblemModel, type ScheduleProblem, type ScheduleResult } from '@maillage/schedule-model';

/**
 * The same plan scored with the weights of `problem` (e.g. the raw complementarity after
 * optimising steered weights: wish bonuses, fairness multipliers). Meetings stay as they are.
 */
export function rescoreSchedule(problem: ScheduleProblem, result: ScheduleResult): ScheduleResult {
  const model = buildProblemModel(problem);
  const scoreOf = new Float64Array(model.n);
  let total = 0;
  const rounds = result.rounds.map((round) => ({
    ...round,
    meetings: round.meetings.map((meeting) => {
      const members = meeting.participantIds.map((id) => model.indexOf.get(id) as number);
      let score = 0;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const w = model.pairWeight(members[i], members[j]);
          score += w;
          scoreOf[members[i]] += w;
          scoreOf[members[j]] += w;
        }
      }
      total += score;
      return { ...meeting, score: round6(score) };
    }),
  }));
  return {
    ...result,
    rounds,
    totalScore: round6(total),
    perParticipant: result.perParticipant.map((p) => ({
      ...p,
      score: round6(scoreOf[model.indexOf.get(p.id) as number]),
    })),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
