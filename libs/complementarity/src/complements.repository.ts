import type { ActorSummaryRecord } from '@maillage/actors';
import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { ActorFamily, ActorKind, AllianceForm, Visibility } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';
import type { ActorVisibilityParams } from '@maillage/actors';
import {
  ACTOR_SUMMARIES,
  IN_NEIGHBOURS,
  MIGRATE_EDGE_LAYOUT,
  PARTNERS,
  STORED_SCORES,
  REPLACE_EDGES,
  TRIADS_IN_TERRITORY,
  TRIADS_OF_ACTOR,
} from './complements.cypher';
import { edgeParams, type EdgePartner } from './complements-edge';

export interface EdgeRow {
  id: string;
  partners: EdgePartner[];
}

export interface EdgeStamp {
  modelVersion: string;
  profileId: string;
  profileVersion: number;
  computedAt: Date;
}

export interface ActorSummaryRow {
  id: string;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  visibility?: Visibility | null;
  managedBy?: string | null;
}

export interface StoredPartner {
  partner: ActorSummaryRow;
  /** The blended score, or the form's when the query asked for one. */
  score: number;
  rank: number;
  /** Best form of the pair (null on edges written before forms existed). */
  form: AllianceForm | null;
  forms: number[] | null;
  forward: number;
  backward: number;
  components: number[];
  modelVersion: string;
  profileId: string;
  profileVersion: number;
  computedAt: Date;
}

export interface PartnerQuery extends ActorVisibilityParams {
  actorId: string;
  families: ActorFamily[] | null;
  kinds: ActorKind[] | null;
  territory: string | null;
  sdg: number | null;
  allianceForm: AllianceForm | null;
  /** Rank by this form's score (index in FORM_ORDER); null = blended. */
  formSlot: number | null;
  excludeAllied: boolean;
  limit: number;
}

/** A query with no filter, no form and no exclusion: an actor's stored blended list as `visibility` sees it. */
export function unfilteredPartnerQuery(
  actorId: string,
  limit: number,
  visibility: ActorVisibilityParams,
): PartnerQuery {
  const none = {
    families: null,
    kinds: null,
    territory: null,
    sdg: null,
    allianceForm: null,
    formSlot: null,
  };
  return { actorId, ...none, excludeAllied: false, limit, ...visibility };
}

export type Trio = { association: string; company: string; publicActor: string };

/** Rows of edges written per transaction: ~actors × K relationships, well inside one tx. */
export const WRITE_BATCH = 500;

/**
 * Two writers rewriting lists that share partners (two worker processes) can lock each other's
 * nodes: Neo4j aborts one, which is written again after a pause. Batches run in transactions the
 * driver does not retry (its retries would hold this process's write lock), so transient errors
 * (a deadlock, a lost connection) are retried here, up to WRITE_ATTEMPTS writes.
 */
export const WRITE_ATTEMPTS = 8;
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, (50 + Math.random() * 100) * 2 ** Math.min(attempt, 5)));

/** Write priority of a profile edit's few lists: ahead of a rebuild's batches waiting for the lock. */
export const EDIT_PRIORITY = 1;

/** Reads and writes of the computed COMPLEMENTS edges. */
@Injectable()
export class ComplementsRepository {
  /**
   * One batch written at a time by this process: the rebuild's chunk jobs run WORKER_CONCURRENCY at
   * once and, adjacent in index order, share most partners (their writes deadlocked at 100k). Each
   * chunk's scoring still overlaps the other's write; an edit's lists go first (EDIT_PRIORITY).
   */
  private readonly writing = new Mutex();

  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Replaces each row's outgoing edges, one transaction per batch (in place: see REPLACE_EDGES).
   * Running it twice leaves the same graph, so a batch aborted by a deadlock is simply written
   * again. Returns the number of edges written.
   */
  async replace(rows: readonly EdgeRow[], stamp: EdgeStamp, priority = 0): Promise<number> {
    let edges = 0;
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const batch = rows.slice(i, i + WRITE_BATCH);
      await this.writeBatch(priority, {
        rows: batch.map((r) => ({
          id: r.id,
          partners: r.partners.map((p) => {
            const e = edgeParams(p);
            return { ...e, rank: this.neo4j.int(e.rank) };
          }),
        })),
        modelVersion: stamp.modelVersion,
        profileId: stamp.profileId,
        profileVersion: this.neo4j.int(stamp.profileVersion),
        computedAt: stamp.computedAt.toISOString(),
      });
      for (const r of batch) edges += r.partners.length;
    }
    return edges;
  }

  private async writeBatch(priority: number, params: Record<string, unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.writing.runExclusive(() => this.neo4j.writeOnce(REPLACE_EDGES, params), priority);
        return;
      } catch (err) {
        if (!this.neo4j.isRetryable(err) || attempt >= WRITE_ATTEMPTS) throw err;
        await pause(attempt); // (the lock is free meanwhile)
      }
    }
  }

  /**
   * Rewrites lists stored in the layout before 2026-12-02 (eleven properties per edge) in the
   * current one, so an upgrade keeps every list visible; idempotent. Returns the lists rewritten.
   */
  async migrateLayout(): Promise<number> {
    const [row] = await this.neo4j.writeBatched<{ lists: number }>(MIGRATE_EDGE_LAYOUT);
    return row?.lists ?? 0;
  }

  /** Scores of the stored edges of each actor: blended ones, and the four form scores of each edge. */
  async storedScores(ids: readonly string[]): Promise<Map<string, { scores: number[]; forms: number[][] }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.neo4j.read<{ id: string; scores: number[]; forms: (number[] | null)[] }>(
      STORED_SCORES,
      { ids: [...ids] },
    );
    return new Map(rows.map((r) => [r.id, { scores: r.scores, forms: r.forms.filter((f) => f !== null) }]));
  }

  /** The lists each actor appears in (actors absent from the result appear in none). */
  async inNeighboursOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.neo4j.read<{ id: string; ins: string[] }>(IN_NEIGHBOURS, { ids: [...ids] });
    return new Map(rows.map((r) => [r.id, r.ins]));
  }

  /** The actor's summary (null: unknown) and its stored partners, in one read. */
  async partners(q: PartnerQuery): Promise<{ actor: ActorSummaryRecord | null; partners: StoredPartner[] }> {
    // the hottest read of the product: one statement, so no managed transaction around it
    type Stamp = Pick<StoredPartner, 'modelVersion' | 'profileId' | 'profileVersion'>;
    const [row] = await this.neo4j.readOnce<{
      actor: ActorSummaryRecord;
      stamp: { [k in keyof Stamp]: Stamp[k] | null } & { computedAtMs: number | null };
      partners: Omit<StoredPartner, keyof Stamp | 'computedAt'>[];
    }>(PARTNERS, {
      ...q,
      sdg: q.sdg === null ? null : this.neo4j.int(q.sdg),
      formSlot: q.formSlot === null ? null : this.neo4j.int(q.formSlot),
      limit: this.neo4j.int(q.limit),
    });
    if (!row) return { actor: null, partners: [] };
    const { modelVersion, profileId, profileVersion, computedAtMs } = row.stamp;
    if (modelVersion === null || profileId === null || profileVersion === null || computedAtMs === null) {
      return { actor: row.actor, partners: [] }; // never written in this layout
    }
    const stamp = { modelVersion, profileId, profileVersion, computedAt: new Date(computedAtMs) };
    // Reads are read-committed: an edge deleted by a concurrent rewrite can come back with null
    // properties (dropped here), and a list being rewritten may show old and new values side by
    // side for a moment, under either write's stamp; the next read sees the new list.
    const partners = row.partners
      .filter((r) => r.score !== null && r.rank !== null)
      .map((r): StoredPartner => ({ ...r, ...stamp }));
    return { actor: row.actor, partners };
  }

  async triadsOfActor(actorId: string, cap: number): Promise<Trio[]> {
    return this.neo4j.read<Trio>(TRIADS_OF_ACTOR, { actorId, cap: this.neo4j.int(cap) });
  }

  async triadsInTerritory(territory: string, cap: number): Promise<Trio[]> {
    return this.neo4j.read<Trio>(TRIADS_IN_TERRITORY, { territory, cap: this.neo4j.int(cap) });
  }

  async summaries(ids: readonly string[]): Promise<Map<string, ActorSummaryRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.neo4j.read<{ actor: ActorSummaryRow }>(ACTOR_SUMMARIES, {
      ids: [...new Set(ids)],
    });
    return new Map(rows.map((r) => [r.actor.id, r.actor]));
  }
}
