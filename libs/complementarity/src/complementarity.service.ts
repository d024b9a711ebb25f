import { Injectable } from '@nestjs/common';
import { BadInputError, NotFoundError, checkPageSize } from '@maillage/common';
import { Action, Principal, assertAllowed } from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { ActorFamily, Modality } from '@maillage/domain';
import { JobRunEntity } from '@maillage/jobs';
import {
  COMPONENT_NAMES,
  CoverageMatch,
  DEFAULT_PROFILE,
  DirectedCoverage,
  PairScore,
  Taxonomy,
  localCausesScore,
  scorePair,
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
import { ScoringContextService } from './scoring-context.service';
import { ScoringDataRepository } from './scoring-data.repository';
import { ScoringRunsService } from './scoring-runs.service';
import { canSee, visibilityParams } from './visibility';

/** Associations considered by one localCauses query (scored live). */
export const LOCAL_CAUSES_CANDIDATES = 5000;
/** Trios read from the stored edges before live scoring. */
const TRIAD_CANDIDATES = 300;

type Summary = Pick<ActorSummaryRow, 'id' | 'name' | 'kind' | 'family'>;
const summary = (a: Summary) => ({ id: a.id, name: a.name, kind: a.kind, family: a.family });

/** The read side of complementarity: stored partners, live explanations, local causes, triads, runs. */
@Injectable()
export class ComplementarityService {
  private readonly profile = DEFAULT_PROFILE;

  constructor(
    private readonly actors: ActorsService,
    private readonly edges: ComplementsRepository,
    private readonly data: ScoringDataRepository,
    private readonly context: ScoringContextService,
    private readonly runs: ScoringRunsService,
  ) {}

  async partners(
    p: Principal,
    actorId: string,
    filter: PartnerFilter = {},
    limit?: number,
    withReasons = true,
  ): Promise<PartnerProposal[]> {
    const size = checkPageSize(limit, ['limit']);
    const me = await this.actors.get(p, actorId, ['actorId']);
    const stored = await this.edges.partners({
      actorId,
      families: filter.families?.length ? filter.families : null,
      kinds: filter.kinds?.length ? filter.kinds : null,
      territory: filter.territory ?? null,
      sdg: filter.sdg ?? null,
      allianceForm: filter.allianceForm ?? null,
      excludeAllied: this.profile.alliedPolicy === 'exclude',
      limit: size,
      ...visibilityParams(p),
    });
    if (stored.length === 0) return [];
    const live = withReasons
      ? await this.context.forActors([actorId, ...stored.map((s) => s.partner.id)])
      : null;
    const a = live?.actors.get(actorId);
    const out: PartnerProposal[] = [];
    for (const s of stored) {
      const b = live?.actors.get(s.partner.id);
      if (live && (!a || !b)) continue;
      out.push({
        partner: summary(s.partner),
        rank: s.rank,
        score: s.score,
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
        computedAt: s.computedAt,
        reasons: (live && a && b
          ? this.explanation(
              scorePair(a, b, live.ctx, this.profile),
              summary(me),
              summary(s.partner),
              live.ctx.taxonomy,
            )
          : null) as PairExplanation,
      });
    }
    return out;
  }

  async explainPair(p: Principal, aId: string, bId: string): Promise<PairExplanation> {
    const [ra, rb] = await Promise.all([this.actors.get(p, aId, ['a']), this.actors.get(p, bId, ['b'])]);
    const { actors, ctx } = await this.context.forActors([aId, bId]);
    const a = actors.get(aId);
    const b = actors.get(bId);
    if (!a) throw new NotFoundError(`Actor ${aId} not found`, { field: ['a'], reason: 'unknown_actor' });
    if (!b) throw new NotFoundError(`Actor ${bId} not found`, { field: ['b'], reason: 'unknown_actor' });
    return this.explanation(scorePair(a, b, ctx, this.profile), summary(ra), summary(rb), ctx.taxonomy);
  }

  async localCauses(
    p: Principal,
    actorId: string,
    options: { territory?: string; sdgs?: number[]; modalities?: Modality[]; limit?: number },
  ): Promise<LocalCause[]> {
    const size = checkPageSize(options.limit, ['limit']);
    for (const [i, s] of (options.sdgs ?? []).entries())
      if (!Number.isInteger(s) || s < 1 || s > 17)
        throw new BadInputError(`sdgs.${i}: must be an SDG number 1..17`, {
          field: ['sdgs', i],
          reason: 'invalid_sdg',
        });
    await this.actors.get(p, actorId, ['actorId']);
    if (options.territory && !(await this.data.territory(options.territory)))
      throw new NotFoundError(`Territory ${options.territory} not found`, {
        field: ['territory'],
        reason: 'unknown_territory',
      });
    const [company] = await this.data.actors([actorId]);
    if (!company)
      throw new NotFoundError(`Actor ${actorId} not found`, { field: ['actorId'], reason: 'unknown_actor' });
    // Default search area: the company's département, else its région, else everywhere.
    const area = options.territory ?? company.territories.departement ?? company.territories.region ?? null;
    const candidates = await this.data.actorsInTerritory(
      [ActorFamily.PEER],
      area,
      LOCAL_CAUSES_CANDIDATES,
      visibilityParams(p),
    );
    const { ctx } = await this.context.forActors([actorId]);
    const scored = candidates
      .filter((c) => c.id !== actorId)
      .map((c) =>
        localCausesScore(company, c, ctx, this.profile, {
          ...(options.sdgs?.length ? { sdgs: options.sdgs } : {}),
          ...(options.modalities?.length ? { modalities: options.modalities } : {}),
        }),
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
      throw new BadInputError('Give either actorId or territory', {
        field: ['actorId'],
        reason: 'actor_or_territory',
      });
    let trios;
    if (options.actorId) {
      await this.actors.get(p, options.actorId, ['actorId']);
      trios = await this.edges.triadsOfActor(options.actorId, TRIAD_CANDIDATES);
    } else {
      if (!(await this.data.territory(options.territory!)))
        throw new NotFoundError(`Territory ${options.territory} not found`, {
          field: ['territory'],
          reason: 'unknown_territory',
        });
      trios = await this.edges.triadsInTerritory(options.territory!, TRIAD_CANDIDATES);
    }
    if (trios.length === 0) return [];
    const ids = trios.flatMap((t) => [t.association, t.company, t.publicActor]);
    const [names, { actors, ctx }] = await Promise.all([
      this.edges.summaries(ids),
      this.context.forActors(ids),
    ]);
    const visible = (id: string) => names.has(id) && canSee(p, names.get(id)!);
    const out: Triad[] = [];
    for (const t of trios) {
      const [x, y, z] = [actors.get(t.association), actors.get(t.company), actors.get(t.publicActor)];
      if (!x || !y || !z || ![x, y, z].every((a) => visible(a.id))) continue;
      const s = triadScore(x, y, z, ctx, this.profile);
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

  private explanation(s: PairScore, a: Summary, b: Summary, taxonomy: Taxonomy): PairExplanation {
    return {
      a: summary(a),
      b: summary(b),
      score: s.score,
      reciprocity: s.reciprocity,
      components: s.components.map((c): ScoreComponent => ({ ...c })),
      forward: coverage(s.forward, taxonomy),
      backward: coverage(s.backward, taxonomy),
      sharedCauses: [...s.sharedCauses],
      sharedForms: [...s.sharedForms],
      territory: s.territory ? { ...s.territory } : null,
      commonPartners: s.commonPartners,
      allied: s.allied,
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

export function toScoringRun(run: JobRunEntity): ScoringRun {
  const counts = run.counts ?? {};
  const end = run.finishedAt ?? (run.startedAt ? new Date() : null);
  return {
    id: run.id,
    status: run.status,
    scope: run.scope,
    progress: run.progress,
    totalActors: run.totalUnits,
    doneActors: run.doneUnits,
    counts: {
      actors: Number(counts.actors ?? 0),
      edges: Number(counts.edges ?? 0),
      chunks: Number(counts.chunks ?? 0),
      chunksDone: Number(counts.chunksDone ?? 0),
    },
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null,
  };
}
