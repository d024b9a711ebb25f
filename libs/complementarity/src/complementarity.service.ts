import { Injectable } from '@nestjs/common';
import { checkPageSize, mapInSlices } from '@maillage/common';
import { Action, Principal, assertAllowed } from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { ActorFamily, AllianceForm, Modality } from '@maillage/domain';
import { AllianceScore, scoreAlliance } from '@maillage/alliance-forms';
import { FORM_K, FORM_ORDER } from './complements-edge';
import { ScoringProfilesService } from '@maillage/scoring-profiles';
import {
  COMPONENT_NAMES,
  CoverageMatch,
  DirectedCoverage,
  ScoringProfile,
  Taxonomy,
  localCausesScore,
  triadScore,
} from '@maillage/scoring';
import { ActorSummaryRow, ComplementsRepository } from './complements.repository';
import { PartnerFilter } from './dto/complementarity.inputs';
import {
  Coverage,
  LocalCause,
  NeedMatch,
  PairExplanation,
  PartnerProposal,
  ScoreComponent,
  ScoringRun,
  Triad,
} from './models/complementarity.models';
import { ScoringContextService, viewerScope } from './scoring-context.service';
import { ScoringDataRepository } from '@maillage/scoring-population';
import { ScoringRunsService } from './scoring-runs.service';
import { STORED_K } from './scoring-engine.service';
import { toScoringRun } from './scoring-run.mapper';
import { canSeeActor as canSee, listVisibilityParams as visibilityParams } from '@maillage/actors';
import { COMPLEMENTARITY_ERRORS } from './complementarity.errors';

export { toScoringRun } from './scoring-run.mapper';

/** Associations considered by one localCauses query (scored live). */
export const LOCAL_CAUSES_CANDIDATES = 5000;
/** Trios read from the stored edges before live scoring. */
const TRIAD_CANDIDATES = 300;

type Summary = Pick<ActorSummaryRow, 'id' | 'name' | 'kind' | 'family'>;
const summary = (a: Summary) => ({ id: a.id, name: a.name, kind: a.kind, family: a.family });

/**
 * The read side of complementarity: stored partners, live explanations, local causes, triads;
 * and the scoring runs (rebuilds, activating the platform's profile).
 */
@Injectable()
export class ComplementarityService {
  constructor(
    private readonly actors: ActorsService,
    private readonly edges: ComplementsRepository,
    private readonly data: ScoringDataRepository,
    private readonly context: ScoringContextService,
    private readonly runs: ScoringRunsService,
    private readonly profiles: ScoringProfilesService,
  ) {}

  /**
   * Stored partners, best first: by the blended score (each pair's best alliance form), or by one
   * form's score when `form` is given. STORED_K blended partners and FORM_K per form are stored per
   * actor, so a larger limit is refused rather than silently truncated. With the platform's profile
   * (the default) the stored ranking is returned as is; with another profile (`profileId`, or the
   * caller's lab's active one) the stored candidates are re-scored live with it and re-ranked:
   * partners outside the stored lists are not discovered that way (explainPair scores any pair).
   */
  async partners(
    p: Principal,
    actorId: string,
    filter: PartnerFilter = {},
    limit?: number | null,
    withReasons = true,
    profileId?: string | null,
    form: AllianceForm | null = null,
  ): Promise<PartnerProposal[]> {
    const cap = form ? FORM_K : STORED_K;
    const size = checkPageSize(limit ?? cap, ['limit']);
    if (size > cap)
      throw COMPLEMENTARITY_ERRORS.badInput(
        form
          ? `limit above stored partners per form (${FORM_K})`
          : `limit above stored partners (${STORED_K})`,
        { field: ['limit'], reason: 'limit_above_stored' },
      );
    const slot = form ? FORM_ORDER.indexOf(form) : null;
    // partners is the hottest query of the product: the profile choice is cached for a few seconds
    // (recentChoices), then one indexed read gives the actor and its stored edges.
    const { stored: chosen, platform } = await this.profiles.effective(p, profileId);
    const profile = chosen.profile;
    const rerank = chosen.key !== platform.key;
    const read = await this.edges.partners({
      actorId,
      families: filter.families?.length ? filter.families : null,
      kinds: filter.kinds?.length ? filter.kinds : null,
      territory: filter.territory ?? null,
      sdg: filter.sdg ?? null,
      allianceForm: filter.allianceForm ?? null,
      formSlot: slot,
      excludeAllied: profile.alliedPolicy === 'exclude',
      limit: rerank ? STORED_K + FORM_K * FORM_ORDER.length : size,
      ...visibilityParams(p),
    });
    const me = this.actors.visibleSummary(p, read.actor, ['actorId'], actorId);
    const stored = read.partners;
    if (stored.length === 0) return [];
    const live =
      withReasons || rerank
        ? await this.context.forActors([actorId, ...stored.map((s) => s.partner.id)], viewerScope(p))
        : null;
    const a = live?.actors.get(actorId);
    const out: PartnerProposal[] = [];
    for (const s of stored) {
      const b = live?.actors.get(s.partner.id);
      if (live && (!a || !b)) continue;
      const scored =
        live && a && b ? scoreAlliance(a, b, live.ctx, profile, { a: me.name, b: s.partner.name }) : null;
      const reasons =
        scored && live ? this.explanation(scored, summary(me), summary(s.partner), live.ctx.taxonomy) : null;
      if (rerank) {
        if (!scored || scored.pair.excluded) continue;
        const value = slot === null ? scored.score : scored.forms[slot].score;
        if (!(value > 0)) continue;
        out.push({
          partner: summary(s.partner),
          rank: 0,
          score: value,
          form: scored.best,
          formScores: scored.forms.map((f) => f.score),
          forward: scored.pair.forward.coverage,
          backward: scored.pair.backward.coverage,
          components: scored.pair.components.map((c): ScoreComponent => ({ ...c })),
          modelVersion: scored.pair.modelVersion,
          profileId: scored.pair.profileId,
          profileVersion: scored.pair.profileVersion,
          computedAt: new Date(),
          reasons: reasons as PairExplanation,
        });
        continue;
      }
      out.push({
        partner: summary(s.partner),
        rank: out.length + 1,
        score: s.score,
        form: s.form ?? null,
        formScores: s.forms ?? null,
        forward: s.forward,
        backward: s.backward,
        components: (s.components ?? []).map((c, i) => ({
          name: COMPONENT_NAMES[i] ?? `c${i}`,
          contribution: c,
          value: null,
          weight: null,
        })),
        modelVersion: s.modelVersion,
        profileId: s.profileId,
        profileVersion: s.profileVersion,
        computedAt: s.computedAt,
        reasons: reasons as PairExplanation,
      });
    }
    if (!rerank) return out;
    out.sort((x, y) => y.score - x.score || x.partner.id.localeCompare(y.partner.id));
    return out.slice(0, size).map((x, i) => ({ ...x, rank: i + 1 }));
  }

  /** Any pair, scored live with the caller's profile (see partners) or `profileId`, every form explained. */
  async explainPair(
    p: Principal,
    aId: string,
    bId: string,
    profileId?: string | null,
  ): Promise<PairExplanation> {
    const [ra, rb, { stored }] = await Promise.all([
      this.actors.get(p, aId, ['a']),
      this.actors.get(p, bId, ['b']),
      this.profiles.effective(p, profileId),
    ]);
    const { actors, ctx } = await this.context.forActors([aId, bId], viewerScope(p));
    const a = actors.get(aId);
    const b = actors.get(bId);
    if (!a)
      throw COMPLEMENTARITY_ERRORS.notFound(`Actor ${aId} not found`, {
        field: ['a'],
        reason: 'unknown_actor',
      });
    if (!b)
      throw COMPLEMENTARITY_ERRORS.notFound(`Actor ${bId} not found`, {
        field: ['b'],
        reason: 'unknown_actor',
      });
    const scored = scoreAlliance(a, b, ctx, stored.profile, { a: ra.name, b: rb.name });
    return this.explanation(scored, summary(ra), summary(rb), ctx.taxonomy);
  }

  async localCauses(
    p: Principal,
    actorId: string,
    options: { territory?: string; sdgs?: number[]; modalities?: Modality[]; limit?: number },
  ): Promise<LocalCause[]> {
    const size = checkPageSize(options.limit, ['limit']);
    for (const [i, s] of (options.sdgs ?? []).entries())
      if (!Number.isInteger(s) || s < 1 || s > 17)
        throw COMPLEMENTARITY_ERRORS.badInput(`sdgs.${i}: must be an SDG number 1..17`, {
          field: ['sdgs', i],
          reason: 'invalid_sdg',
        });
    await this.actors.get(p, actorId, ['actorId']);
    if (options.territory && !(await this.data.territory(options.territory)))
      throw COMPLEMENTARITY_ERRORS.notFound(`Territory ${options.territory} not found`, {
        field: ['territory'],
        reason: 'unknown_territory',
      });
    const [company] = await this.data.actors([actorId]);
    if (!company)
      throw COMPLEMENTARITY_ERRORS.notFound(`Actor ${actorId} not found`, {
        field: ['actorId'],
        reason: 'unknown_actor',
      });
    // Default search area: the company's département, else its région, else everywhere.
    const area = options.territory ?? company.territories.departement ?? company.territories.region ?? null;
    const candidates = await this.data.actorsInTerritory(
      [ActorFamily.PEER],
      area,
      LOCAL_CAUSES_CANDIDATES,
      visibilityParams(p),
    );
    const [{ ctx }, profile] = await Promise.all([
      this.context.forActors([actorId], viewerScope(p)),
      this.profileOf(p),
    ]);
    // Up to LOCAL_CAUSES_CANDIDATES scores: in time slices, so other requests are not held up.
    const scored = (
      await mapInSlices(
        candidates.filter((c) => c.id !== actorId),
        (c) =>
          localCausesScore(company, c, ctx, profile, {
            ...(options.sdgs?.length ? { sdgs: options.sdgs } : {}),
            ...(options.modalities?.length ? { modalities: options.modalities } : {}),
          }),
      )
    )
      .filter((s) => s.score > 0)
      .sort((x, y) => y.score - x.score || (x.association < y.association ? -1 : 1))
      .slice(0, size);
    const names = await this.edges.summaries(scored.map((s) => s.association));
    return scored
      .filter((s) => names.has(s.association))
      .map((s) => ({
        association: summary(names.get(s.association)!),
        score: s.score,
        components: s.components.map((c) => ({ ...c })),
        coverage: s.coverage,
        matches: s.matches.map((m) => needMatch(m)),
        sharedCauses: [...s.sharedCauses],
        territory: s.territory ? { ...s.territory } : null,
        warnings: [...s.warnings],
      }));
  }

  async triads(
    p: Principal,
    options: { actorId?: string; territory?: string; limit?: number },
  ): Promise<Triad[]> {
    const size = checkPageSize(options.limit, ['limit']);
    if (!options.actorId === !options.territory)
      throw COMPLEMENTARITY_ERRORS.badInput('Give either actorId or territory', {
        field: ['actorId'],
        reason: 'actor_or_territory',
      });
    let trios;
    if (options.actorId) {
      await this.actors.get(p, options.actorId, ['actorId']);
      trios = await this.edges.triadsOfActor(options.actorId, TRIAD_CANDIDATES);
    } else {
      if (!(await this.data.territory(options.territory!)))
        throw COMPLEMENTARITY_ERRORS.notFound(`Territory ${options.territory} not found`, {
          field: ['territory'],
          reason: 'unknown_territory',
        });
      trios = await this.edges.triadsInTerritory(options.territory!, TRIAD_CANDIDATES);
    }
    if (trios.length === 0) return [];
    const ids = trios.flatMap((t) => [t.association, t.company, t.publicActor]);
    const [names, { actors, ctx }, profile] = await Promise.all([
      this.edges.summaries(ids),
      this.context.forActors(ids, viewerScope(p)),
      this.profileOf(p),
    ]);
    const visible = (id: string) => names.has(id) && canSee(p, names.get(id)!);
    const out: Triad[] = [];
    // Up to TRIAD_CANDIDATES triad scores: in time slices, so other requests are not held up.
    const scores = await mapInSlices(trios, (t) => {
      const [x, y, z] = [actors.get(t.association), actors.get(t.company), actors.get(t.publicActor)];
      if (!x || !y || !z || ![x, y, z].every((a) => visible(a.id))) return null;
      return { x, y, z, s: triadScore(x, y, z, ctx, profile) };
    });
    for (const scored of scores) {
      if (!scored) continue;
      const { x, y, z, s } = scored;
      if (s.excluded || !(s.score > 0)) continue;
      out.push({
        association: summary(names.get(x.id)!),
        company: summary(names.get(y.id)!),
        publicActor: summary(names.get(z.id)!),
        score: s.score,
        components: s.components.map((c) => ({ ...c })),
        pairScores: s.pairs.map((pair) => pair.score),
        territory: s.territory ? { ...s.territory } : null,
        warnings: [...s.warnings],
      });
    }
    out.sort((u, v) => v.score - u.score || u.association.id.localeCompare(v.association.id));
    return out.slice(0, size);
  }

  async scoringRun(p: Principal, id: string): Promise<ScoringRun> {
    assertAllowed(p, Action.SCORING_RUN);
    return toScoringRun(await this.runs.get(id));
  }

  async startScoringRun(p: Principal, territory: string | null): Promise<ScoringRun> {
    assertAllowed(p, Action.SCORING_RUN);
    return toScoringRun(await this.runs.start({ territory }, p.userId));
  }

  /** Admin: the profile stored edges are computed with; enqueues the rebuild of a territory or of all. */
  async activateScoringProfile(
    p: Principal,
    profileId: string,
    territory: string | null,
  ): Promise<ScoringRun> {
    assertAllowed(p, Action.SCORING_RUN);
    const stored = await this.profiles.resolve(profileId, ['profileId']);
    if (territory !== null && !(await this.data.territory(territory)))
      throw COMPLEMENTARITY_ERRORS.badInput(`territory: unknown territory ${territory}`, {
        field: ['territory'],
        reason: 'unknown_territory',
      });
    await this.profiles.chooseForPlatform(stored, p.userId);
    return toScoringRun(await this.runs.start({ territory }, p.userId));
  }

  private async profileOf(p: Principal): Promise<ScoringProfile> {
    return (await this.profiles.effective(p)).stored.profile;
  }

  private explanation(x: AllianceScore, a: Summary, b: Summary, taxonomy: Taxonomy): PairExplanation {
    const s = x.pair;
    return {
      a: summary(a),
      b: summary(b),
      score: s.score,
      reciprocity: s.reciprocity,
      components: s.components.map((c): ScoreComponent => ({ ...c })),
      forms: x.forms.map((f) => ({
        form: f.form,
        score: f.score,
        gate: f.gate,
        gateDriver: f.gateDriver,
        gateAt: f.gateAt,
        gateExplanation: f.gateExplanation,
        components: f.components.map((c): ScoreComponent => ({ ...c })),
        summary: f.summary,
        evidence: f.evidence.map((id) => ({ id, label: taxonomy.label(id) })),
      })),
      bestForm: x.best,
      blendedScore: x.score,
      summary: x.summary,
      forward: coverage(s.forward, taxonomy),
      backward: coverage(s.backward, taxonomy),
      sharedCauses: [...s.sharedCauses],
      sharedForms: [...s.sharedForms],
      territory: s.territory ? { ...s.territory } : null,
      commonPartners: s.commonPartners,
      allied: s.allied,
      metBefore: s.metBefore,
      warnings: [...s.warnings],
      excluded: s.excluded ?? null,
      modelVersion: s.modelVersion,
      profileId: s.profileId,
      profileVersion: s.profileVersion,
    };
  }
}

function needMatch(m: CoverageMatch): NeedMatch {
  return {
    need: { id: m.needId, label: m.needLabel },
    priority: m.priority,
    offer: { id: m.offerId, label: m.offerLabel },
    modality: m.modality,
    level: m.level,
    via: m.via,
    fit: m.fit,
    contribution: m.contribution,
  };
}

function coverage(c: DirectedCoverage, taxonomy: Taxonomy): Coverage {
  return {
    coverage: c.coverage,
    needCount: c.needCount,
    coveredCount: c.coveredCount,
    matches: c.matches.map(needMatch),
    uncovered: c.uncovered.map((id) => ({ id, label: taxonomy.label(id) })),
  };
}
