import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BadInputError, NotFoundError } from '@maillage/common';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { JobName, JobRunsService } from '@maillage/jobs';
import { ActorImportService } from './actor-import.service';
import { ImportFileEntity } from './import-file.entity';
import { MAX_BYTES, SYNC_MAX_BYTES, SYNC_MAX_ROWS } from './import-limits';
import { ImportReport } from './import-report';
import { ImportRun, ImportRunStatus } from './models/import.models';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** What callers of the API can do with CSV imports; the permission is checked here for every entry point. */
@Injectable()
export class ActorImportRunsService {
  constructor(
    @InjectRepository(ImportFileEntity) private readonly files: Repository<ImportFileEntity>,
    private readonly imports: ActorImportService,
    private readonly runs: JobRunsService,
  ) {}

  /** Small files, in the request. */
  async importNow(principal: Principal, csv: string, dryRun: boolean): Promise<ImportReport> {
    assertAllowed(principal, Action.ACTOR_IMPORT);
    checkSize(csv, SYNC_MAX_BYTES, 'too_large_for_sync');
    const parsed = this.imports.importer.parse(csv);
    if (parsed.rows.length > SYNC_MAX_ROWS) {
      throw new BadInputError(
        `This file has ${parsed.rows.length} rows; importActorsCsv takes at most ${SYNC_MAX_ROWS} rows and ${mb(SYNC_MAX_BYTES)}. Use startActorsCsvImport (background job) instead.`,
        { field: ['csv'], reason: 'too_large_for_sync' },
      );
    }
    return this.imports.importParsed(parsed, { dryRun, managedBy: principal.organisationId });
  }

  /** Large files: stored in PostgreSQL, processed by the import job; the payload carries the run id only. */
  async start(principal: Principal, csv: string): Promise<ImportRun> {
    assertAllowed(principal, Action.ACTOR_IMPORT);
    checkSize(csv, MAX_BYTES, 'file_too_large');
    this.imports.importer.checkHeader(csv);
    const run = await this.runs.startRun(
      JobName.IMPORT_ACTORS_CSV,
      { scope: 'actors', requestedBy: principal.userId },
      (runId) => ({ runId }),
      {
        prepare: async (r) => {
          await this.files.save(
            this.files.create({
              runId: r.id,
              organisationId: principal.organisationId,
              content: csv,
              sizeBytes: Buffer.byteLength(csv),
            }),
          );
        },
        // The file holds personal data: not kept for a run no worker will take.
        undo: async (r) => void (await this.files.update({ runId: r.id }, { content: null })),
        enqueueFailure: 'The import could not be queued; please retry',
      },
    );
    return this.get(principal, run.id);
  }

  /** Admins see every run; organisers the runs of their organisation. */
  async get(principal: Principal, id: string): Promise<ImportRun> {
    assertAllowed(principal, Action.ACTOR_IMPORT);
    const notFound = new NotFoundError(`Import run ${id} not found`, {
      field: ['id'],
      reason: 'unknown_import_run',
    });
    if (!UUID.test(id)) throw notFound;
    const file = await this.files.findOne({ where: { runId: id } });
    const run = file && (await this.runs.find(id));
    if (!file || !run) throw notFound;
    if (principal.role !== Role.ADMIN && file.organisationId !== principal.organisationId) throw notFound;
    return {
      id: run.id,
      status: run.status as ImportRunStatus,
      progress: run.progress,
      totalRows: file.totalRows,
      processedRows: file.processedRows,
      created: file.counts.created ?? 0,
      updated: file.counts.updated ?? 0,
      unchanged: file.counts.unchanged ?? 0,
      rejected: file.counts.rejected ?? 0,
      errorCount: file.errorCount,
      errors: file.errors,
      ignoredColumns: file.ignoredColumns,
      failure: run.error,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    };
  }
}

function checkSize(csv: string, max: number, reason: string): void {
  const bytes = Buffer.byteLength(csv);
  if (bytes <= max) return;
  const hint =
    reason === 'too_large_for_sync'
      ? `importActorsCsv takes at most ${mb(max)} and ${SYNC_MAX_ROWS} rows. Use startActorsCsvImport (background job) instead.`
      : `The limit is ${mb(max)}: split the file, or use the import-csv command of the CLI.`;
  throw new BadInputError(`The CSV is ${(bytes / 1024 / 1024).toFixed(1)} MB. ${hint}`, {
    field: ['csv'],
    reason,
  });
}
