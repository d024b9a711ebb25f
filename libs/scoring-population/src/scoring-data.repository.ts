import { Injectable } from '@nestjs/common';
import {
  ActorFamily,
  ActorKind,
  AllianceForm,
  Level,
  Modality,
  Priority,
  SizeBand,
  TerritoryLevel,
} from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import type { ActorVisibilityParams } from '@maillage/actors';
import { CompetenceNode, ScoringActor, TerritoryCode } from '@maillage/scoring';
import {
  ACTORS_CHANGED_SINCE,
  LOAD_ACTORS_BY_ID,
  LOAD_ACTORS_IN_TERRITORY,
  LOAD_ALL_ACTORS,
  LOAD_ALLIANCES,
  LOAD_ALLIANCES_OF,
  LOAD_MEMBERSHIPS,
  LOAD_VISIBLE_ALLIANCES_OF,
  LOAD_OFFER_COUNTS,
  LOAD_TAXONOMY,
  SCOPE_ACTOR_IDS,
  TERRITORY_EXISTS,
} from './scoring-data.cypher';
import { MetBeforeSource } from './met-before';

interface ActorRow {
  id: string;
  kind: ActorKind;
  family: ActorFamily;
  sizeBand: SizeBand | null;
  allianceForms: AllianceForm[];
  offers: { competenceId: string; modality: Modality; level: number | null }[];
  needs: { competenceId: string; priority: number | null }[];
  causes: number[];
  location: {
    commune: string | null;
    epci: string | null;
    departement: string | null;
    region: string | null;
  } | null;
  actsIn: { level: TerritoryLevel; code: string }[];
}

export type Pair = readonly [string, string];

/**
 * One write of an actor: its updatedAt (ms) and its revision (`rev`, incremented by every write
 * under the node's lock, so two writes in the same millisecond still differ).
 */
export interface ActorWrite {
  id: string;
  writtenAt: number;
  rev: number;
}

const clamp3 = (x: number | null, fallback: number) => Math.min(3, Math.max(1, Math.round(x ?? fallback)));

/** Graph rows → ScoringActor (the pure library's input): the only place that knows both shapes. */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export function toScoringActor(r: ActorRow): ScoringActor {
  const seen = new Set<string>();
  const actsIn: TerritoryCode[] = [];
  for (const t of r.actsIn) {
    const key = `${t.level}|${t.code}`;
    if (!t.code || seen.has(key)) continue;
    seen.add(key);
    actsIn.push({ level: t.level, code: t.code });
  }
  actsIn.sort((x, y) => byText(x.level, y.level) || byText(x.code, y.code));
  const loc = r.location;
  return {
    id: r.id,
    kind: r.kind,
    family: r.family,
    ...(r.sizeBand ? { sizeBand: r.sizeBand } : {}),
    // Sorted: Neo4j returns a node's relationships in storage order, which changes when the node
    // gains relationships (e.g. its first COMPLEMENTS edges make it dense); the score must not.
    offers: r.offers
      .map((o) => ({
        competenceId: o.competenceId,
        modality: o.modality,
        level: clamp3(o.level, 2) as Level,
      }))
      .sort(
        (x, y) =>
          byText(x.competenceId, y.competenceId) || byText(x.modality, y.modality) || x.level - y.level,
      ),
    needs: r.needs
      .map((n) => ({
        competenceId: n.competenceId,
        priority: clamp3(n.priority, 2) as Priority,
      }))
      .sort((x, y) => byText(x.competenceId, y.competenceId) || x.priority - y.priority),
    causes: r.causes.filter((s) => Number.isInteger(s) && s >= 1 && s <= 17).sort((x, y) => x - y),
    territories: {
      ...(loc?.commune ? { commune: loc.commune } : {}),
      ...(loc?.epci ? { epci: loc.epci } : {}),
      ...(loc?.departement ? { departement: loc.departement } : {}),
      ...(loc?.region ? { region: loc.region } : {}),
      actsIn,
    },
    allianceForms: r.allianceForms ?? [],
  };
}

/** Reads the scoring population and its context from Neo4j in a few big queries. */
@Injectable()
export class ScoringDataRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly meetings: MetBeforeSource,
  ) {}

  /**
   * Pairs of actors who already met at a speed-meeting event (the schedules lib's meeting
   * history, with the event clock): every pair, or those touching `ids`. Sorted, each pair as
   * [smaller id, larger id]. `organisations`: only their events (null: every event).
   */
  metBefore(
    ids: readonly string[] | null = null,
    organisations: readonly string[] | null = null,
  ): Promise<Pair[]> {
    return this.meetings.metBeforePairs(ids, new Date(), organisations);
  }

  async allActors(): Promise<ScoringActor[]> {
    return (await this.neo4j.read<ActorRow>(LOAD_ALL_ACTORS)).map(toScoringActor);
  }

  /** The actors written at or after `since` and their last write (another process's edits, for a kept snapshot). */
  async changedSince(since: number): Promise<ActorWrite[]> {
    return this.neo4j.read<ActorWrite>(ACTORS_CHANGED_SINCE, { since: this.neo4j.int(since) });
  }

  /** The actors among `ids` that exist (order not guaranteed). */
  async actors(ids: readonly string[]): Promise<ScoringActor[]> {
    if (ids.length === 0) return [];
    return (await this.neo4j.read<ActorRow>(LOAD_ACTORS_BY_ID, { ids: [...new Set(ids)] })).map(
      toScoringActor,
    );
  }

  async actorsInTerritory(
    families: ActorFamily[],
    territory: string | null,
    limit: number,
    visibility: ActorVisibilityParams,
  ): Promise<ScoringActor[]> {
    const rows = await this.neo4j.read<ActorRow>(LOAD_ACTORS_IN_TERRITORY, {
      families,
      territory,
      limit: this.neo4j.int(limit),
      ...visibility,
    });
    return rows.map(toScoringActor);
  }

  async allAlliances(): Promise<Pair[]> {
    return (await this.neo4j.read<{ a: string; b: string }>(LOAD_ALLIANCES)).map((r) => [r.a, r.b] as const);
  }

  /** Active alliances touching `ids`; with `visibleTo`, only those whose partner that caller may see. */
  async alliancesOf(ids: readonly string[], visibleTo?: ActorVisibilityParams): Promise<Pair[]> {
    if (ids.length === 0) return [];
    const rows = await this.neo4j.read<{ a: string; b: string }>(
      visibleTo ? LOAD_VISIBLE_ALLIANCES_OF : LOAD_ALLIANCES_OF,
      { ids: [...new Set(ids)], ...visibleTo },
    );
    return rows.map((r) => [r.a, r.b] as const);
  }

  /** [member, network head] pairs (MEMBER_OF): all, or those of the given members. */
  async memberships(ids: readonly string[] | null = null): Promise<Pair[]> {
    if (ids !== null && ids.length === 0) return [];
    const rows = await this.neo4j.read<{ a: string; b: string }>(LOAD_MEMBERSHIPS, {
      ids: ids === null ? null : [...new Set(ids)],
    });
    return rows.map((r) => [r.a, r.b] as const);
  }

  async taxonomy(): Promise<CompetenceNode[]> {
    return this.neo4j.read<CompetenceNode>(LOAD_TAXONOMY);
  }

  async offerCounts(): Promise<{ population: number; counts: Map<string, number> }> {
    const [row] = await this.neo4j.read<{
      population: number;
      counts: { competenceId: string | null; offerers: number }[];
    }>(LOAD_OFFER_COUNTS);
    const counts = new Map<string, number>();
    for (const c of row?.counts ?? []) if (c.competenceId) counts.set(c.competenceId, c.offerers);
    return { population: row?.population ?? 0, counts };
  }

  async scopeActorIds(territory: string | null): Promise<string[]> {
    return (await this.neo4j.read<{ id: string }>(SCOPE_ACTOR_IDS, { territory })).map((r) => r.id);
  }

  async territory(code: string): Promise<{ code: string; level: TerritoryLevel } | null> {
    const [row] = await this.neo4j.read<{ code: string; level: TerritoryLevel }>(TERRITORY_EXISTS, { code });
    return row ?? null;
  }
}
