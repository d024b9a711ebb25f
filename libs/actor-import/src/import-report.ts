import { CsvRowError } from '@maillage/common';
import { ActorImportRowReason } from './actor-import.errors';
import { Column } from './csv/columns';

/** One problem with one row (the shared CSV row error shape); `column` is null for whole-row problems. */
export type RowError = CsvRowError<Column | null, ActorImportRowReason>;

export enum ImportRowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

export interface RowOutcome {
  row: number;
  status: ImportRowStatus;
  /** The actor written (or that would be, in a dry run); null when rejected or a dry-run create. */
  actorId: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport extends ImportCounts {
  dryRun: boolean;
  delimiter: string;
  totalRows: number;
  ignoredColumns: string[];
  /** Capped (see MAX_REPORTED_ERRORS); errorCount is the true total. */
  errors: RowError[];
  errorCount: number;
  rows: RowOutcome[];
}

/** Per-row errors kept in a report or an import run; beyond this only the count grows. */
export const MAX_REPORTED_ERRORS = 1000;

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

export function countOutcomes(outcomes: RowOutcome[]): ImportCounts {
  const counts = emptyCounts();
  for (const o of outcomes) counts[o.status.toLowerCase() as keyof ImportCounts]++;
  return counts;
}
