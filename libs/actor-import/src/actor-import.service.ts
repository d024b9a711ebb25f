import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError } from '@maillage/common';
import { ActorsRepository, ActorWrite, canSeeActor, newActorId, toWrite } from '@maillage/actors';
import { Principal, canEditActor } from '@maillage/auth';
import { Visibility } from '@maillage/domain';
import { ScoringRequests } from '@maillage/jobs';
import { ActorCsvImporter, ParsedImport, ParsedRow, ValidRow } from './actor-csv-importer';
import { ActorImportRepository, ActorKeys } from './actor-import.repository';
import { rowToActorWrite, sameActor } from './actor-row-write';
import { Column, KeyColumn } from './csv/columns';
import { CHUNK_ROWS, WRITE_CONCURRENCY } from './import-limits';
import {
  countOutcomes,
  ImportReport,
  ImportRowStatus,
  MAX_REPORTED_ERRORS,
  RowError,
  RowOutcome,
} from './import-report';

/**
 * Who runs an import, as far as existing actors go: a row matching an actor the importer may not
 * edit is rejected (whether or not it may see it: the error is the same). Absent (the CLI, an
 * operator on the machine): every actor.
 */
export interface ImportAccess {
  canEdit(actor: { id: string; visibility: Visibility | null; managedBy: string | null }): boolean;
}

/** The access of a signed-in importer: the policy's canEditActor (which implies seeing the actor). */
export function importAccessOf(principal: Principal): ImportAccess {
  return { canEdit: (actor) => canSeeActor(principal, actor) && canEditActor(principal, actor) };
}

export interface ImportOptions {
  dryRun: boolean;
  /** Which existing actors the rows may change (default: all). */
  access?: ImportAccess;
  /** Organisation recorded as managing the actors this import creates. */
  managedBy: string | null;
  /** Index of the first parsed row to process (a retried job resumes where it stopped). */
  startAt?: number;
  /** Called after each chunk, once its writes are done. */
  onChunk?: (chunk: ChunkResult) => Promise<void>;
}

export interface ChunkResult {
  /** Rows processed so far, including earlier chunks and startAt. */
  processed: number;
  total: number;
  outcomes: RowOutcome[];
  errors: RowError[];
}

const KEY_PROPERTY: Record<KeyColumn, 'siren' | 'rna' | 'externalId'> = {
  siren: 'siren',
  rna: 'rna',
  external_id: 'externalId',
};
const MATCH_ORDER: KeyColumn[] = ['siren', 'rna', 'external_id'];

/** A valid row resolved against the graph: what to write, or why not. */
type Decision =
  | { row: number; write: ActorWrite; status: Exclude<ImportRowStatus, ImportRowStatus.REJECTED> }
  | { row: number; errors: RowError[] };

/**
 * Imports parsed rows chunk by chunk: checks references (competences, territories) and matches
 * existing actors (SIREN, then RNA, then external_id) with one query each per chunk, then writes
 * each actor in its own transaction. A rejected row writes nothing; an unchanged row is not rewritten.
 */
@Injectable()
export class ActorImportService {
  readonly importer = new ActorCsvImporter();

  constructor(
    private readonly actors: ActorsRepository,
    private readonly keys: ActorImportRepository,
    private readonly scoring: ScoringRequests,
  ) {}

  /** The whole file in one call (GraphQL mutation, CLI); callers check permissions and sizes. */
  async importCsv(csv: string, options: ImportOptions): Promise<ImportReport> {
    return this.importParsed(this.importer.parse(csv), options);
  }

  async importParsed(parsed: ParsedImport, options: ImportOptions): Promise<ImportReport> {
    const outcomes: RowOutcome[] = [];
    const errors: RowError[] = [];
    let errorCount = 0;
    const start = options.startAt ?? 0;
    for (let from = start; from < parsed.rows.length; from += CHUNK_ROWS) {
      const chunk = await this.importChunk(
        parsed.rows.slice(from, from + CHUNK_ROWS),
        parsed.present,
        options,
      );
      outcomes.push(...chunk.outcomes);
      errorCount += chunk.errors.length;
      errors.push(...chunk.errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - errors.length)));
      await options.onChunk?.({
        ...chunk,
        processed: Math.min(from + CHUNK_ROWS, parsed.rows.length),
        total: parsed.rows.length,
      });
    }
    return {
      dryRun: options.dryRun,
      delimiter: parsed.delimiter,
      totalRows: parsed.rows.length,
      ignoredColumns: parsed.ignoredColumns,
      ...countOutcomes(outcomes),
      errors,
      errorCount,
      rows: outcomes,
    };
  }

  private async importChunk(rows: ParsedRow[], present: ReadonlySet<Column>, options: ImportOptions) {
    const valid = rows.flatMap((r) => (r.valid ? [r.valid] : []));
    const decisions = new Map<number, Decision>();
    for (const d of await this.decide(valid, present, options)) decisions.set(d.row, d);

    const outcomes: RowOutcome[] = [];
    const errors: RowError[] = [];
    const writes: { index: number; write: ActorWrite }[] = [];
    for (const row of rows) {
      const decision = decisions.get(row.row);
      if (!decision || 'errors' in decision) {
        errors.push(...row.errors, ...(decision && 'errors' in decision ? decision.errors : []));
        outcomes.push({ row: row.row, status: ImportRowStatus.REJECTED, actorId: null });
        continue;
      }
      const written = decision.status !== ImportRowStatus.CREATED || !options.dryRun;
      outcomes.push({ row: row.row, status: decision.status, actorId: written ? decision.write.id : null });
      if (decision.status !== ImportRowStatus.UNCHANGED && !options.dryRun)
        writes.push({ index: outcomes.length - 1, write: decision.write });
    }

    const written: string[] = [];
    try {
      await inBatches(writes, WRITE_CONCURRENCY, async ({ index, write }) => {
        const outcome = outcomes[index];
        try {
          await this.actors.upsert(write);
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          // Another import or edit took this key between our check and our write.
          const column = conflictColumn(err);
          errors.push({ row: outcome.row, column, reason: 'conflict', message: `${column}: ${err.message}` });
          outcomes[index] = { row: outcome.row, status: ImportRowStatus.REJECTED, actorId: null };
          return;
        }
        written.push(write.id);
      });
    } finally {
      // scores follow profile edits: what this chunk wrote, rescored together (SCORE_ACTORS
      // batches), even when a later write of the chunk failed (a retry finds those rows unchanged)
      await this.scoring.rescoreActors(written);
    }
    errors.sort((a, b) => a.row - b.row);
    return { outcomes, errors };
  }

  /** References and matching for the valid rows of one chunk: three queries whatever its size. */
  private async decide(
    rows: ValidRow[],
    present: ReadonlySet<Column>,
    { managedBy, access }: Pick<ImportOptions, 'managedBy' | 'access'>,
  ): Promise<Decision[]> {
    if (rows.length === 0) return [];
    const missing = await this.missingReferences(rows);
    const checked = rows.filter((r) => !missing.has(r.row));
    const { owners, editable } = await this.owners(checked, access);
    const matched = new Map<number, string | null>();
    const decisions: Decision[] = [...missing].map(([row, errors]) => ({ row, errors }));
    for (const r of checked) {
      const keyErrors: RowError[] = [];
      const ownerOf = (c: KeyColumn) => {
        const value = r.input[KEY_PROPERTY[c]];
        return value ? owners[c].get(value) : undefined;
      };
      const id = MATCH_ORDER.map(ownerOf).find((o) => o !== undefined) ?? null;
      // Before anything that names an actor: an identifier of an actor the importer may not edit
      // rejects the row, with the same words whether that actor is private or not.
      const locked = MATCH_ORDER.find((c) => {
        const owner = ownerOf(c);
        return owner !== undefined && !editable.has(owner);
      });
      if (locked) {
        decisions.push({
          row: r.row,
          errors: [
            {
              row: r.row,
              column: locked,
              reason: 'actor_not_editable',
              message: `${locked}: this identifier belongs to an actor you may not edit`,
            },
          ],
        });
        continue;
      }
      for (const c of MATCH_ORDER) {
        const owner = ownerOf(c);
        if (owner !== undefined && owner !== id) {
          keyErrors.push({
            row: r.row,
            column: c,
            reason: 'key_conflict',
            message: `${c}: belongs to actor ${owner}, but the row's ${MATCH_ORDER.find((k) => ownerOf(k) === id)} matches actor ${id}`,
          });
        }
      }
      if (keyErrors.length) decisions.push({ row: r.row, errors: keyErrors });
      else matched.set(r.row, id);
    }

    const ids = [...new Set([...matched.values()].filter((id): id is string => id !== null))];
    const current = new Map((await this.actors.getMany(ids)).map((a) => [a.id, toWrite(a)]));
    for (const r of checked) {
      if (!matched.has(r.row)) continue;
      const existing = current.get(matched.get(r.row) ?? '') ?? null;
      const write = rowToActorWrite(r.input, present, existing, {
        id: existing?.id ?? newActorId(),
        managedBy,
      });
      const status = !existing
        ? ImportRowStatus.CREATED
        : sameActor(existing, write)
          ? ImportRowStatus.UNCHANGED
          : ImportRowStatus.UPDATED;
      decisions.push({ row: r.row, write, status });
    }
    return decisions;
  }

  /** Unknown competences and territories, per row, with the column to fix. */
  private async missingReferences(rows: ValidRow[]): Promise<Map<number, RowError[]>> {
    const territories = new Set<string>();
    const competences = new Set<string>();
    for (const { input } of rows) {
      if (input.communeCode) territories.add(input.communeCode);
      input.actsIn?.forEach((c) => territories.add(c));
      input.offers?.forEach((o) => competences.add(o.competenceId));
      input.needs?.forEach((n) => competences.add(n.competenceId));
    }
    const missing = await this.actors.missingReferences({
      territories: [...territories],
      competences: [...competences],
      actors: [],
    });
    const unknownTerritory = new Set(missing.territories);
    const unknownCompetence = new Set(missing.competences);
    const byRow = new Map<number, RowError[]>();
    for (const { row, input } of rows) {
      const errors: RowError[] = [];
      const territory = (column: Column, code: string) =>
        unknownTerritory.has(code) &&
        errors.push({
          row,
          column,
          reason: 'unknown_territory',
          message: `${column}: unknown territory code ${code}`,
        });
      const competence = (column: Column, id: string) =>
        unknownCompetence.has(id) &&
        errors.push({
          row,
          column,
          reason: 'unknown_competence',
          message: `${column}: unknown competence ${id}`,
        });
      if (input.communeCode) territory('commune', input.communeCode);
      input.actsIn?.forEach((code) => territory('acts_in', code));
      input.offers?.forEach((o) => competence('offers', o.competenceId));
      input.needs?.forEach((n) => competence('needs', n.competenceId));
      if (errors.length) byRow.set(row, errors);
    }
    return byRow;
  }

  private async owners(
    rows: ValidRow[],
    access: ImportAccess | undefined,
  ): Promise<{ owners: Record<KeyColumn, Map<string, string>>; editable: Set<string> }> {
    const values = (c: KeyColumn) =>
      rows.flatMap((r) => (r.input[KEY_PROPERTY[c]] ? [r.input[KEY_PROPERTY[c]] as string] : []));
    const found: ActorKeys[] = await this.keys.findByKeys({
      sirens: values('siren'),
      rnas: values('rna'),
      externalIds: values('external_id'),
    });
    const owners: Record<KeyColumn, Map<string, string>> = {
      siren: new Map(),
      rna: new Map(),
      external_id: new Map(),
    };
    for (const a of found) {
      if (a.siren) owners.siren.set(a.siren, a.id);
      if (a.rna) owners.rna.set(a.rna, a.id);
      if (a.externalId) owners.external_id.set(a.externalId, a.id);
    }
    const editable = new Set(found.filter((a) => !access || access.canEdit(a)).map((a) => a.id));
    return { owners, editable };
  }
}

function conflictColumn(err: DomainError): Column | null {
  const field = err.details.field?.[1];
  return field === 'siren' || field === 'rna' ? field : field === 'externalId' ? 'external_id' : null;
}

/**
 * `work` on `size` items at a time. A failure stops the next groups but only once every item of
 * its group has settled, so the caller knows everything that was written (and rescores it).
 */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const settled = await Promise.allSettled(items.slice(i, i + size).map(work));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
