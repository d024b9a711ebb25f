import { CsvTable, readCsvTable } from '@maillage/common';
import { Column, REQUIRED_COLUMNS, columnOf } from './columns';

export type ActorCsvTable = CsvTable<Column>;

/**
 * The actor file through the shared CSV pipeline (@maillage/common readCsvTable): French and
 * English headers by alias, unknown headers ignored (spreadsheets carry notes), short rows padded,
 * extra cells left to the importer to reject the row. File-level problems throw BAD_USER_INPUT.
 * `headerOnly` checks just the header, to refuse a wrong file before queueing it.
 */
export function readCsv(input: string, options: { headerOnly?: boolean } = {}): ActorCsvTable {
  return readCsvTable(input, {
    columnOf,
    unknownColumns: 'ignore',
    required: REQUIRED_COLUMNS,
    columnCount: 'relaxed',
    headerOnly: options.headerOnly,
  });
}
