import { Injectable } from '@nestjs/common';
import { ScoringContextService } from '@maillage/complementarity';
import { DEFAULT_PROFILE, PairScore, scorePair } from '@maillage/scoring';
import type { MeetingExplanation } from './entities/meeting.entity';
import type { StoredWeights } from './entities/schedule.entity';
import { quantise, triangleIndex } from './schedule-problem';

export interface EventWeights {
  stored: StoredWeights;
  /** Why these participants were seated together (computed for the meetings only). */
  explain(participantIds: readonly string[]): MeetingExplanation;
}

const MAX_MATCHES = 3;

/**
 * Pair weights for the participants of an event: the complementarity engine's live score
 * (`scorePair` with the default profile) over the actors read from Neo4j, with the population's
 * competence rarity and the alliances between them. All pairs are scored: an event has at most a
 * few hundred participants, and the stored top-K edges would miss the weak pairs a full schedule
 * still needs.
 */
@Injectable()
export class PairWeightsService {
  constructor(private readonly context: ScoringContextService) {}

  /**
   * `organisationId`: the event's lab. Its own past events (and this event's rounds already held)
   * count as "met before"; other labs' events never do (a schedule reveals nothing of them).
   */
  async forActors(actorIds: readonly string[], organisationId: string): Promise<EventWeights> {
    const ids = [...new Set(actorIds)].sort();
    // Same context as the API's live scores, scoped to the event's lab.
    const { actors: byId, ctx } = await this.context.forActors(ids, { metBeforeOf: [organisationId] });
    const n = ids.length;
    const weights = new Array<number>((n * (n - 1)) / 2).fill(0);
    const excluded: [string, string][] = [];
    for (let i = 0; i < n; i++) {
      const a = byId.get(ids[i]);
      for (let j = i + 1; j < n; j++) {
        if (ctx.pairs?.isAllied(ids[i], ids[j])) excluded.push([ids[i], ids[j]]);
        const b = byId.get(ids[j]);
        // An actor deleted from the graph since it registered still gets a seat, at weight 0.
        if (!a || !b) continue;
        const s = scorePair(a, b, ctx, DEFAULT_PROFILE);
        weights[triangleIndex(n, i, j)] = s.excluded ? 0 : quantise(s.score);
      }
    }
    const explainPair = (x: string, y: string): MeetingExplanation['pairs'][number] => {
      const a = byId.get(x);
      const b = byId.get(y);
      if (!a || !b)
        return { a: x, b: y, score: 0, components: [], sharedCauses: [], warnings: [], aGets: [], bGets: [] };
      return explanationOf(scorePair(a, b, ctx, DEFAULT_PROFILE));
    };
    return {
      stored: { ids, weights, excluded },
      explain: (participantIds) => {
        const pairs: MeetingExplanation['pairs'] = [];
        for (let i = 0; i < participantIds.length; i++)
          for (let j = i + 1; j < participantIds.length; j++)
            pairs.push(explainPair(participantIds[i], participantIds[j]));
        return { pairs };
      },
    };
  }
}

function explanationOf(s: PairScore): MeetingExplanation['pairs'][number] {
  return {
    a: s.a,
    b: s.b,
    score: quantise(s.score) / 10_000,
    components: s.components
      .filter((c) => c.contribution !== 0)
      .map((c) => ({ name: c.name, contribution: Math.round(c.contribution * 10_000) / 10_000 })),
    sharedCauses: [...s.sharedCauses],
    warnings: [...s.warnings],
    // forward = what b brings to a.
    aGets: s.forward.matches.slice(0, MAX_MATCHES).map((m) => m.needLabel),
    bGets: s.backward.matches.slice(0, MAX_MATCHES).map((m) => m.needLabel),
  };
}
