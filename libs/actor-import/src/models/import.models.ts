import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportRowStatus } from '../import-report';

export enum ImportRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(ImportRowStatus, { name: 'ImportRowStatus' });
registerEnumType(ImportRunStatus, { name: 'ImportRunStatus' });

@ObjectType({ description: 'Why one row of an imported CSV was rejected.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Spreadsheet row number: the header is row 1.' }) row: number;
  @Field(() => String, {
    nullable: true,
    description: 'Canonical column name (see docs/csv-import.md); null for whole-row problems.',
  })
  column: string | null;
  @Field({ description: 'Machine-readable reason, e.g. invalid_siren, unknown_competence, duplicate_siren.' })
  reason: string;
  @Field() message: string;
}

@ObjectType()
export class ImportRowResult {
  @Field(() => Int) row: number;
  @Field(() => ImportRowStatus) status: ImportRowStatus;
  @Field(() => ID, { nullable: true, description: 'Null when rejected, or for a dry-run create.' }) actorId:
    string | null;
}

@ObjectType('ImportReport', { description: 'Outcome of a synchronous CSV import (or of a dry run).' })
export class ImportReportModel {
  @Field() dryRun: boolean;
  @Field({ description: 'Detected delimiter: "," or ";".' }) delimiter: string;
  @Field(() => Int, { description: 'Non-empty data rows.' }) totalRows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int, { description: 'All row errors; `errors` lists at most the first 1000.' })
  errorCount: number;
  @Field(() => [ImportRowError]) errors: ImportRowError[];
  @Field(() => [String], { description: 'Header cells matching no known column (not imported).' })
  ignoredColumns: string[];
  @Field(() => [ImportRowResult]) rows: ImportRowResult[];
}

@ObjectType({ description: 'A CSV import running as a background job.' })
export class ImportRun {
  @Field(() => ID) id: string;
  @Field(() => ImportRunStatus) status: ImportRunStatus;
  @Field(() => Float, { description: '0..1' }) progress: number;
  @Field(() => Int) totalRows: number;
  @Field(() => Int) processedRows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) errorCount: number;
  @Field(() => [ImportRowError], { description: 'The first 1000 row errors.' }) errors: ImportRowError[];
  @Field(() => [String]) ignoredColumns: string[];
  @Field(() => String, { nullable: true, description: 'Why the whole run failed (e.g. not a CSV file).' })
  failure: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
}
