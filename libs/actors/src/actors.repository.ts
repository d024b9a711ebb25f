import { Injectable } from '@nestjs/common';
import { Neo4jError } from 'neo4j-driver';
import { normaliseForSearch } from '@maillage/common';
import { Neo4jService } from '@maillage/neo4j';
import { ActorFamily, ActorKind, Visibility } from '@maillage/domain';
import { ActorRecord, ActorWrite } from './actor-record';
import {
  CLAIM_ACTOR,
  DELETE_ACTOR,
  END_ALLIANCE,
  FIND_CONFLICTS,
  FIND_MISSING_REFERENCES,
  GET_ACTORS,
  GET_ACTOR_SUMMARY,
  LIST_ACTORS,
  RECORD_ALLIANCE,
  UPSERT_ACTOR,
} from './actors.cypher';
import { ACTOR_ERRORS, DUPLICATE_KEY_REASON } from './actors.errors';

export interface ActorSummaryRecord {
  id: string;
  name: string;
  kind: ActorKind;
  family: ActorFamily;
  visibility: Visibility | null;
  managedBy: string | null;
}

export interface ListQuery {
  kinds: ActorKind[] | null;
  families: ActorFamily[] | null;
  search: string | null;
  sdg: number | null;
  territory: string | null;
  offers: string | null;
  needs: string | null;
  afterName: string | null;
  afterId: string | null;
  limit: number;
  seeAll: boolean;
  authenticated: boolean;
  orgId: string | null;
  editableIds: string[];
}

/** All Cypher about actors lives here; values are converted to plain JS on the way out. */
@Injectable()
export class ActorsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async getMany(ids: string[]): Promise<ActorRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.neo4j.read<{ actor: ActorRecord }>(GET_ACTORS, { ids });
    return rows.map((r) => r.actor);
  }

  /** Sets the managing organisation of an unmanaged actor; false when it is managed (already claimed). */
  async claim(id: string, organisationId: string): Promise<boolean> {
    return (await this.neo4j.write(CLAIM_ACTOR, { id, organisationId })).length === 1;
  }

  async summary(id: string): Promise<ActorSummaryRecord | null> {
    const [row] = await this.neo4j.read<{ actor: ActorSummaryRecord }>(GET_ACTOR_SUMMARY, { id });
    return row?.actor ?? null;
  }

  async list(query: ListQuery): Promise<{ actor: ActorRecord; sortKey: string }[]> {
    return this.neo4j.read(LIST_ACTORS, { ...query, limit: this.neo4j.int(query.limit) });
  }

  async missingReferences(refs: { territories: string[]; competences: string[]; actors: string[] }) {
    const [row] = await this.neo4j.read<{ territories: string[]; competences: string[]; actors: string[] }>(
      FIND_MISSING_REFERENCES,
      refs,
    );
    return row;
  }

  /** Other actors already holding this SIREN, RNA or external id. */
  async conflicts(actor: {
    id: string;
    siren?: string | null;
    rna?: string | null;
    externalId?: string | null;
  }) {
    const [row] = await this.neo4j.read<{
      siren: string | null;
      rna: string | null;
      externalId: string | null;
    }>(FIND_CONFLICTS, {
      id: actor.id,
      siren: actor.siren ?? null,
      rna: actor.rna ?? null,
      externalId: actor.externalId ?? null,
    });
    return row;
  }

  /** Writes the whole actor in one transaction; uniqueness races surface as CONFLICT. */
  async upsert(actor: ActorWrite): Promise<void> {
    const params = {
      actor: {
        ...actor,
        searchName: normaliseForSearch(actor.name),
        externalId: actor.externalId ?? null,
        siren: actor.siren ?? null,
        rna: actor.rna ?? null,
        description: actor.description ?? null,
        sizeBand: actor.sizeBand ?? null,
        managedBy: actor.managedBy ?? null,
        communeCode: actor.communeCode ?? null,
        offers: actor.offers.map((o) => ({ ...o, level: this.neo4j.int(o.level) })),
        needs: actor.needs.map((n) => ({ ...n, priority: this.neo4j.int(n.priority) })),
        causes: actor.causes.map((c) => this.neo4j.int(c)),
        contact: actor.contact ?? null,
      },
    };
    try {
      await this.neo4j.write(UPSERT_ACTOR, params);
    } catch (err) {
      throw translateConstraintError(err);
    }
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ deleted: number }>(DELETE_ACTOR, { id });
    return (row?.deleted ?? 0) > 0;
  }

  /**
   * MERGE: recording twice is a no-op. `keepEnded` (facts relayed from the outbox, which may be
   * replayed): an alliance ended on or after `since` stays ended.
   */
  async recordAlliance(
    a: string,
    b: string,
    form: string,
    since: string,
    source: string,
    options: { keepEnded?: boolean } = {},
  ): Promise<void> {
    const [from, to] = a < b ? [a, b] : [b, a];
    const keepEnded = options.keepEnded ?? false;
    await this.neo4j.write(RECORD_ALLIANCE, { from, to, form, since, source, keepEnded });
  }

  async endAlliance(a: string, b: string, form: string, until: string): Promise<boolean> {
    const [from, to] = a < b ? [a, b] : [b, a];
    const [row] = await this.neo4j.write<{ ended: number }>(END_ALLIANCE, { from, to, form, until });
    return (row?.ended ?? 0) > 0;
  }
}

export function translateConstraintError(err: unknown): unknown {
  if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // Test externalId before rna: "exte-rna-lId" contains "rna".
    const field = /siren/i.test(err.message)
      ? 'siren'
      : /externalId/i.test(err.message)
        ? 'externalId'
        : /\brna\b/i.test(err.message)
          ? 'rna'
          : 'id';
    return ACTOR_ERRORS.conflict(`Another actor already has this ${field}`, {
      field: ['input', field],
      reason: DUPLICATE_KEY_REASON[field],
    });
  }
  return err;
}
