import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { checkCsvRowCount, checkCsvSize, CsvLimits } from '@maillage/common';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { JobName, JobRunsService } from '@maillage/jobs';
import { ACTOR_IMPORT_ERRORS, ActorImportErrorReason } from './actor-import.errors';
import { ActorImportService, importAccessOf } from './actor-import.service';
import { ImportFileEntity } from './import-file.entity';
import { MAX_BYTES, SYNC_MAX_BYTES, SYNC_MAX_ROWS } from './import-limits';
import { ImportReport } from './import-report';
import { ImportRun, ImportRunStatus } from './models/import.models';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** importActorsCsv, in the request: small files only, the rest goes to the background job. */
const SYNC_LIMITS: CsvLimits<ActorImportErrorReason> = {
  maxBytes: SYNC_MAX_BYTES,
  maxRows: SYNC_MAX_ROWS,
  reason: 'too_large_for_sync',
  hint: `importActorsCsv takes at most ${SYNC_MAX_ROWS} rows and ${mb(SYNC_MAX_BYTES)}. Use startActorsCsvImport (background job) instead.`,
};
/** Any upload through the API. */
const UPLOAD_LIMITS: CsvLimits<ActorImportErrorReason> = {
  maxBytes: MAX_BYTES,
  reason: 'file_too_large',
  hint: `The limit is ${mb(MAX_BYTES)}: split the file, or use the import-csv command of the CLI.`,
};

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
    checkCsvSize(csv, SYNC_LIMITS);
    const parsed = this.imports.importer.parse(csv);
    checkCsvRowCount(parsed.rows.length, SYNC_LIMITS);
    return this.imports.importParsed(parsed, {
      dryRun,
      managedBy: principal.organisationId,
      access: importAccessOf(principal),
    });
  }

  /** Large files: stored in PostgreSQL, processed by the import job; the payload carries the run id only. */
  async start(principal: Principal, csv: string): Promise<ImportRun> {
    assertAllowed(principal, Action.ACTOR_IMPORT);
    checkCsvSize(csv, UPLOAD_LIMITS);
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
              requestedByAdmin: principal.role === Role.ADMIN,
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
    const notFound = ACTOR_IMPORT_ERRORS.notFound(`Import run ${id} not found`, {
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
