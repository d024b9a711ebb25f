import { creditOf, needWeight, offerValue } from './formulas';
import type { NormalizedActor } from './normalize';
import { cmpStr } from './normalize';
import type { ScoringProfile } from './profile';
import type { Rarity } from './rarity';
import type { Taxonomy } from './taxonomy';
import type { CoverageMatch, DirectedCoverage, MatchVia } from './types';

export const TOP_MATCHES = 5;

/**
 * "What `giver` brings to `receiver`": for each need of the receiver, the best offer of the giver
 * (taxonomy credit × level factor × modality factor × modality fit), weighted by priority and rarity,
 * divided by the receiver's total need weight. 0 when the receiver declares no need.
 */
export function directedCoverage(
  receiver: NormalizedActor,
  giver: NormalizedActor,
  taxonomy: Taxonomy,
  rarity: Rarity,
  p: ScoringProfile,
  withMatches = true,
): DirectedCoverage {
  let sum = 0;
  let giftSum = 0;
  let total = 0;
  let covered = 0;
  const terms: { need: number; offer: number; via: MatchVia; fit: number; w: number }[] = [];
  const uncovered: string[] = [];
  const needs = receiver.needs;
  const offers = giver.offers;
  for (let i = 0; i < needs.length; i++) {
    const n = needs[i];
    const w = needWeight(n.priority, rarity.of(n.competenceId), p);
    total += w;
    let best = 0;
    let bestJ = -1;
    let bestVia: MatchVia = 'exact';
    let bestGift = 0;
    for (let j = 0; j < offers.length; j++) {
      const o = offers[j];
      const via = taxonomy.relation(n.competenceId, o.competenceId);
      if (via === null) continue;
      let v = creditOf(via, p) * offerValue(o.level, o.modality, p);
      if (n.modality !== undefined && n.modality !== o.modality) v *= p.modalityMismatch;
      if (v > best) {
        best = v;
        bestJ = j;
        bestVia = via;
      }
      if (v > bestGift && taxonomy.isGift(o.competenceId)) bestGift = v;
    }
    sum += w * best;
    giftSum += w * bestGift;
    if (bestJ >= 0) {
      covered++;
      if (withMatches) terms.push({ need: i, offer: bestJ, via: bestVia, fit: best, w });
    } else uncovered.push(n.competenceId);
  }
  const coverage = total > 0 ? sum / total : 0;
  const giftCoverage = total > 0 ? giftSum / total : 0;
  let matches: CoverageMatch[] = [];
  if (withMatches && total > 0) {
    matches = terms
      .map((t): CoverageMatch => {
        const n = needs[t.need];
        const o = offers[t.offer];
        return {
          needId: n.competenceId,
          needLabel: taxonomy.label(n.competenceId),
          priority: n.priority,
          offerId: o.competenceId,
          offerLabel: taxonomy.label(o.competenceId),
          modality: o.modality,
          level: o.level,
          credit: creditOf(t.via, p),
          via: t.via,
          fit: t.fit,
          contribution: (t.w * t.fit) / total,
        };
      })
      .sort((x, y) => y.contribution - x.contribution || cmpStr(x.needId, y.needId))
      .slice(0, TOP_MATCHES);
  }
  return { coverage, giftCoverage, matches, needCount: needs.length, coveredCount: covered, uncovered };
}
