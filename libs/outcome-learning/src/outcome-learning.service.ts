import { Injectable } from '@nestjs/common';
import { checkUuid } from '@maillage/events';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { ScoringContextService } from '@maillage/complementarity';
import { FollowUpStatsService } from '@maillage/follow-up';
import { ScoringProfileModel, ScoringProfilesService } from '@maillage/scoring-profiles';
import { scorePair } from '@maillage/scoring';
import { OutcomeSample, WEIGHT_KEYS, Weights, suggestWeights } from './fit';
import { OUTCOME_LEARNING_ERRORS } from './outcome-learning.errors';
import { ProfileSuggestion } from './outcome-learning.models';

/**
 * suggestProfileFromOutcomes: a lab's met pairs (feedback and six-month surveys, libs/follow-up)
 * scored live with the lab's current profile; the RESOURCES components as they enter the score
 * (value, × gate for context) are the features, "reached an agreement" the label (see fit.ts).
 * Adopting saves the fitted weights as a new version of a lab profile (saveScoringProfile's flow)
 * and, on request, makes it the lab's default (setOrganisationScoringProfile's flow).
 */
@Injectable()
export class OutcomeLearningService {
  constructor(
    private readonly followUp: FollowUpStatsService,
    private readonly context: ScoringContextService,
    private readonly profiles: ScoringProfilesService,
  ) {}

  async suggest(p: Principal, organisationId: string): Promise<ProfileSuggestion> {
    assertAllowed(p, Action.SCORING_PROFILE_MANAGE);
    checkUuid(organisationId, ['organisationId'], 'Organisation');
    if (p.role !== Role.ADMIN && p.organisationId !== organisationId)
      throw OUTCOME_LEARNING_ERRORS.forbidden('Outcomes of another organisation', {
        field: ['organisationId'],
        reason: 'not_lab_organiser',
      });
    const [pairs, { stored }] = await Promise.all([
      this.followUp.outcomePairs(organisationId),
      this.profiles.effective(p),
    ]);
    const profile = stored.profile;
    // Every pair met (that is the point): the met-before penalty is not a feature.
    const { actors, ctx } = await this.context.forActors(
      pairs.flatMap((x) => [x.a, x.b]),
      { metBefore: false },
    );
    const samples: OutcomeSample[] = [];
    for (const x of pairs) {
      const a = actors.get(x.a);
      const b = actors.get(x.b);
      if (!a || !b) continue; // erased since
      const s = scorePair(a, b, ctx, profile);
      const features = s.components.slice(0, WEIGHT_KEYS.length).map((c) => c.value * (c.gate ?? 1));
      samples.push({ key: `${x.a}|${x.b}`, x: features, agreed: x.agreed });
    }
    const current = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, profile.weights[k]])) as Weights;
    const r = suggestWeights(current, samples);
    if (!r.ok)
      throw OUTCOME_LEARNING_ERRORS.badInput(
        `organisationId: not enough outcomes to learn from: ${r.agreed} agreed and ${r.other} other met pairs, at least ${r.needed} of each are needed`,
        { field: ['organisationId'], reason: 'not_enough_outcomes' },
      );
    const s = r.suggestion;
    return {
      organisationId,
      basedOn: stored.key,
      weights: { ...s.weights },
      changes: s.changes.map((c) => ({
        component: c.key,
        before: c.before,
        after: c.after,
        explanation: c.explanation,
      })),
      pairs: samples.length,
      agreedPairs: samples.filter((x) => x.agreed).length,
      trainPairs: s.train,
      heldOutPairs: s.heldOut,
      aucBefore: s.aucBefore,
      aucAfter: s.aucAfter,
      recallBefore: s.recallBefore,
      recallAfter: s.recallAfter,
      summary: s.summary,
    };
  }

  /** Saves the suggestion as a new version of `slug` (based on the profile it was fitted from). */
  async adopt(
    p: Principal,
    organisationId: string,
    slug: string,
    activate: boolean,
  ): Promise<ScoringProfileModel> {
    const s = await this.suggest(p, organisationId);
    const saved = await this.profiles.save(p, {
      slug,
      basedOn: s.basedOn,
      label: `Appris des résultats (${s.pairs} paires, AUC ${s.aucBefore.toFixed(2)} → ${s.aucAfter.toFixed(2)})`,
      weights: { ...s.weights },
    });
    return activate ? this.profiles.setForOrganisation(p, saved.id) : saved;
  }
}
