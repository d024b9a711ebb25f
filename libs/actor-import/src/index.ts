export * from './actor-import.module';
export * from './actor-import.service';
export * from './actor-import-runs.service';
export * from './actor-import.job';
export * from './actor-csv-importer';
export * from './actor-import.errors';
export * from './import-report';
export * from './import-limits';
export * from './import-file.entity';
export * from './models/import.models';
// The CLI decodes files with the shared pipeline's decoder; re-exported where it imports it from.
export { decodeCsvBytes } from '@maillage/common';
export * from './format-report';
