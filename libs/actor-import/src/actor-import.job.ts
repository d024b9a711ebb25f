import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BadInputError } from '@maillage/common';
import { Principal, Role } from '@maillage/auth';
import { JobContext, JobHandler, JobName, JobPayload, JobRunsService } from '@maillage/jobs';
import { ActorImportService, ChunkResult, importAccessOf } from './actor-import.service';
import { ImportFileEntity } from './import-file.entity';
import { countOutcomes, emptyCounts, ImportCounts, MAX_REPORTED_ERRORS } from './import-report';

/**
 * The importer as the policy sees it: only admins and organisers may import, and what an
 * organiser may edit depends on its organisation alone (recorded with the file).
 */
function requester(file: ImportFileEntity): Principal {
  if (!file.organisationId) return { kind: 'anonymous' };
  return {
    kind: 'user',
    userId: '',
    organisationId: file.organisationId,
    role: file.requestedByAdmin ? Role.ADMIN : Role.ORGANISER,
    actorIds: [],
  };
}

/** Another attempt of the same job moved the run on: this one stops without touching it. */
class ConcurrentRunError extends Error {}

/**
 * Runs a stored CSV import chunk by chunk. Safe to run twice: a finished run returns at once, and a
 * retried run resumes after the last recorded chunk (re-writing a chunk is idempotent).
 */
@Injectable()
export class ActorImportJob {
  constructor(
    @InjectRepository(ImportFileEntity) private readonly files: Repository<ImportFileEntity>,
    private readonly imports: ActorImportService,
    private readonly runs: JobRunsService,
  ) {}

  @JobHandler(JobName.IMPORT_ACTORS_CSV, {
    run: (p) => p.runId,
    giveUpReason: ({ kind }) =>
      `The import stopped on an internal error (${kind}); rows already imported are kept, re-importing the file is safe`,
  })
  async handle(
    payload: JobPayload<JobName.IMPORT_ACTORS_CSV>,
    ctx: JobContext,
  ): Promise<ImportCounts | undefined> {
    const run = await this.runs.find(payload.runId);
    const file = await this.files.findOne({ where: { runId: payload.runId } });
    if (!run || !file || run.status === 'SUCCEEDED' || run.status === 'FAILED') return undefined;
    if (file.content === null) {
      await this.runs.fail(run.id, 'The CSV file of this import is no longer available');
      return undefined;
    }
    // When the worker gives up on the run, the file goes with it.
    ctx.onGiveUp(() => this.end(file.id));
    try {
      return await this.process(file, file.content, ctx);
    } catch (err) {
      if (err instanceof ConcurrentRunError) return undefined;
      if (err instanceof BadInputError) {
        await this.end(file.id);
        await this.runs.fail(run.id, err.message);
        return undefined;
      }
      throw err; // retried; the worker logs the error's kind (contact data may sit in driver messages)
    }
  }

  private async process(file: ImportFileEntity, content: string, ctx: JobContext): Promise<ImportCounts> {
    const parsed = this.imports.importer.parse(content);
    const total = parsed.rows.length;
    await this.files.update({ id: file.id }, { totalRows: total, ignoredColumns: parsed.ignoredColumns });
    await this.runs.start(file.runId, total);

    const counts = { ...emptyCounts(), ...file.counts };
    let errorCount = file.errorCount;
    let storedErrors = file.errors.length;
    let processed = file.processedRows;
    const onChunk = async (chunk: ChunkResult) => {
      const chunkCounts = countOutcomes(chunk.outcomes);
      for (const key of Object.keys(counts) as (keyof ImportCounts)[]) counts[key] += chunkCounts[key];
      const kept = chunk.errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - storedErrors));
      errorCount += chunk.errors.length;
      storedErrors += kept.length;
      // Progress, counts and errors move together, guarded by the row the chunk started from.
      const [, affected] = (await this.files.query(
        `UPDATE import_files SET processed_rows = $2, counts = $3::jsonb, errors = errors || $4::jsonb,
           error_count = $5, updated_at = now()
         WHERE id = $1 AND processed_rows = $6`,
        [file.id, chunk.processed, JSON.stringify(counts), JSON.stringify(kept), errorCount, processed],
      )) as [unknown, number];
      if (affected !== 1) throw new ConcurrentRunError();
      await this.runs.addProgress(
        file.runId,
        chunk.processed - processed,
        chunkCounts as unknown as Record<string, number>,
      );
      processed = chunk.processed;
      await ctx.updateProgress(total ? chunk.processed / total : 1);
    };
    await this.imports.importParsed(parsed, {
      dryRun: false,
      managedBy: file.organisationId,
      access: importAccessOf(requester(file)),
      startAt: processed,
      onChunk,
    });
    await this.end(file.id);
    await this.runs.succeed(file.runId, { ...counts, errorCount, totalRows: total });
    return counts;
  }

  /** The file holds personal data: it is not kept once the run has ended. */
  private async end(fileId: string): Promise<void> {
    await this.files.update({ id: fileId }, { content: null });
  }
}
