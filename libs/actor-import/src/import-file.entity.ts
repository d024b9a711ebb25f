import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ImportCounts, RowError } from './import-report';

/**
 * A CSV file waiting for (or processed by) the background import. The text stays here, never in
 * the job payload (it holds contact persons), and is cleared once the run has ended.
 */
@Entity('import_files')
export class ImportFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid', name: 'run_id' })
  runId: string;

  /** Organisation recorded as managing the actors the import creates; also who may read the run. */
  @Column({ type: 'uuid', name: 'organisation_id', nullable: true })
  organisationId: string | null;

  /** The importer was a platform admin (may edit every actor); else an organiser of organisationId. */
  @Column({ type: 'boolean', name: 'requested_by_admin', default: false })
  requestedByAdmin: boolean;

  @Column({ type: 'text', nullable: true })
  content: string | null;

  @Column({ type: 'integer', name: 'size_bytes', default: 0 })
  sizeBytes: number;

  @Column({ type: 'integer', name: 'total_rows', default: 0 })
  totalRows: number;

  /** Rows done, in file order: a retried job resumes here. */
  @Column({ type: 'integer', name: 'processed_rows', default: 0 })
  processedRows: number;

  @Column({ type: 'jsonb', default: {} })
  counts: Partial<ImportCounts>;

  /** The first MAX_REPORTED_ERRORS row errors (messages carry no contact data). */
  @Column({ type: 'jsonb', default: [] })
  errors: RowError[];

  @Column({ type: 'integer', name: 'error_count', default: 0 })
  errorCount: number;

  @Column({ type: 'text', name: 'ignored_columns', array: true, default: '{}' })
  ignoredColumns: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

/** This lib's tables, for the app-wide entity list. */
export const ACTOR_IMPORT_ENTITIES = [ImportFileEntity];
