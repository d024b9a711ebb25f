import { Injectable } from '@nestjs/common';
import { Visibility } from '@maillage/domain';
import { Neo4jService } from '@maillage/neo4j';

export interface ActorKeys {
  id: string;
  siren: string | null;
  rna: string | null;
  externalId: string | null;
  visibility: Visibility | null;
  managedBy: string | null;
}

/** Index-backed lookups (uniqueness constraints on each key), one round trip per chunk. */
const FIND_BY_KEYS = `
CALL () {
  UNWIND $sirens AS v MATCH (a:Actor { siren: v }) RETURN a
  UNION
  UNWIND $rnas AS v MATCH (a:Actor { rna: v }) RETURN a
  UNION
  UNWIND $externalIds AS v MATCH (a:Actor { externalId: v }) RETURN a
}
RETURN a.id AS id, a.siren AS siren, a.rna AS rna, a.externalId AS externalId,
  a.visibility AS visibility, a.managedBy AS managedBy`;

@Injectable()
export class ActorImportRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Existing actors holding any of these SIRENs, RNA numbers or external ids. */
  findByKeys(keys: { sirens: string[]; rnas: string[]; externalIds: string[] }): Promise<ActorKeys[]> {
    if (!keys.sirens.length && !keys.rnas.length && !keys.externalIds.length) return Promise.resolve([]);
    return this.neo4j.read<ActorKeys>(FIND_BY_KEYS, keys);
  }
}
