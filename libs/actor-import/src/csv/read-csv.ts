import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse/sync';
import { BadInputError } from '@maillage/common';
import { Column, REQUIRED_COLUMNS, columnOf } from './columns';

export type Delimiter = ',' | ';';

export interface CsvRow {
  /** Spreadsheet row number: the header is row 1, so data starts at row 2. */
  row: number;
  cells: Partial<Record<Column, string>>;
  /** Non-empty cells beyond the header's width (usually an unquoted delimiter). */
  extraCells: number;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Canonical columns found in the header. */
  present: Set<Column>;
  /** Headers that match no known column (reported, not fatal: spreadsheets carry notes). */
  ignoredColumns: string[];
  rows: CsvRow[];
}

const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  INVALID_OPENING_QUOTE:
    'a quote appears inside an unquoted cell (quote the whole cell and double inner quotes)',
  CSV_INVALID_CLOSING_QUOTE: 'characters follow a closing quote (double quotes inside a quoted cell)',
};

const csvError = (message: string, reason: string) => new BadInputError(message, { field: ['csv'], reason });

/** Spreadsheet bytes to text: UTF-8 with or without BOM, else Windows-1252 (older French Excel). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** French Excel writes ';', everything else ','. Decided on the header line, outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses the file and maps its header to canonical columns; file-level problems throw BAD_USER_INPUT.
 * `headerOnly` checks just the header, to refuse a wrong file before queueing it.
 */
export function readCsv(input: string, options: { headerOnly?: boolean } = {}): CsvTable {
  const text = stripBom(input);
  if (text.trim() === '') throw csvError('The CSV file is empty', 'empty_file');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      ...(options.headerOnly ? { to: 1 } : {}),
    });
  } catch (err) {
    const { code, lines } = err as { code?: string; lines?: number };
    // The parser's own message may quote a cell (possibly personal data): describe the problem instead.
    const what = PARSE_PROBLEMS[code ?? ''] ?? 'the parser could not read it';
    throw csvError(`The file is not valid CSV${lines ? ` near line ${lines}` : ''}: ${what}`, 'invalid_csv');
  }
  const [header = [], ...body] = records;
  const columns = header.map((h) => columnOf(h));
  const present = new Set<Column>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const column = columns[i];
    if (!column) {
      if (h.trim() !== '') ignoredColumns.push(h.trim());
      return;
    }
    if (present.has(column))
      throw csvError(`Column "${column}" appears twice in the header ("${h.trim()}")`, 'duplicate_column');
    present.add(column);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missing.length) {
    // Only recognised names are echoed: without a header row, the first row holds data.
    const found = present.size
      ? `found: ${[...present].join(', ')}`
      : 'no known column found: is the first row a header?';
    throw csvError(`Missing required column(s): ${missing.join(', ')} (${found})`, 'missing_column');
  }

  const rows: CsvRow[] = [];
  body.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const cells: Partial<Record<Column, string>> = {};
    record.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells[column] = cell.trim();
    });
    const extraCells = record.slice(header.length).filter((c) => c.trim() !== '').length;
    rows.push({ row: index + 2, cells, extraCells });
  });
  return { delimiter, present, ignoredColumns, rows };
}
