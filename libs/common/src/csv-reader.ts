import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse/sync';
import { CSV_FILE_ERRORS, CsvFileReason } from './common-errors';
import { BadInputError, FieldPath } from './domain-errors';

/**
 * The one CSV reading pipeline of the imports (actors, event registrations): bytes → text (UTF-8
 * with or without BOM, else Windows-1252), delimiter (',' or French Excel's ';'), csv-parse,
 * header → canonical columns, size and row limits, spreadsheet row numbers. What a row MEANS stays
 * with each importer; they report row problems as CsvRowError. File-level problems throw
 * BAD_USER_INPUT on the `csv` field with one of CsvFileReason (or the caller's limit reason).
 */

export type CsvDelimiter = ',' | ';';

/**
 * One problem with one row: what an import report lists so the user can fix the file. `R` is the
 * importer's declared row reasons (defineRowReasons).
 */
export interface CsvRowError<C extends string | null = string | null, R extends string = string> {
  /** Spreadsheet row number: the header is row 1, so data starts at row 2. */
  row: number;
  /** The column to fix; null for whole-row problems (when the importer allows them). */
  column: C;
  reason: R;
  /** Never echoes cell values that may be personal data. */
  message: string;
}

export interface CsvRow<C extends string> {
  row: number;
  /** Trimmed cells of the recognised columns ('' for an empty or missing cell of the header). */
  cells: Partial<Record<C, string>>;
  /** Non-empty cells beyond the header's width (usually an unquoted delimiter). */
  extraCells: number;
}

export interface CsvTable<C extends string> {
  delimiter: CsvDelimiter;
  /** Canonical columns found in the header, in header order. */
  present: Set<C>;
  /** Headers that match no known column, when the importer ignores them. */
  ignoredColumns: string[];
  /** Non-blank rows (a row whose cells are all empty is skipped, its number is not reused). */
  rows: CsvRow<C>[];
}

export interface CsvLimits<R extends string = CsvFileReason> {
  /** UTF-8 size of the text. */
  maxBytes?: number;
  /** Non-blank data rows. */
  maxRows?: number;
  /** Reason when a limit is passed (default: too_large / too_many_rows), declared by the caller's domain. */
  reason?: R;
  /** What the user can do instead (default: the limit). */
  hint?: string;
}

export interface CsvReadOptions<C extends string, R extends string = CsvFileReason> {
  /** Canonical column of a header cell, undefined when it is not one the importer knows. */
  columnOf: (header: string) => C | undefined;
  /** Unknown headers: reported in ignoredColumns (spreadsheets carry notes), or the file is refused. */
  unknownColumns: 'ignore' | 'reject';
  /** Columns the header must have. */
  required?: readonly C[];
  /** The header must have at least one of these. */
  requiredOneOf?: readonly C[];
  /**
   * 'relaxed': a short row has empty trailing cells, extra cells are counted in `extraCells` for the
   * importer to reject the row. 'strict': a row whose cell count differs from the header's refuses
   * the file.
   */
  columnCount: 'relaxed' | 'strict';
  limits?: CsvLimits<R>;
  /** Longest row, in characters (a guard against a runaway quoted cell); none by default. */
  maxRowChars?: number;
  /** Read and check the header only (to refuse a wrong file before queueing it). */
  headerOnly?: boolean;
}

const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  INVALID_OPENING_QUOTE:
    'a quote appears inside an unquoted cell (quote the whole cell and double inner quotes)',
  CSV_INVALID_CLOSING_QUOTE: 'characters follow a closing quote (double quotes inside a quoted cell)',
  CSV_MAX_RECORD_SIZE: 'a row is too long',
};

function csvError(
  message: string,
  reason: CsvFileReason,
  field: FieldPath = ['csv'],
): BadInputError<CsvFileReason> {
  return CSV_FILE_ERRORS.badInput(message, { field, reason });
}

/** A limit passed: the caller's reason (its domain declares it) or the pipeline's default. */
function limitError<R extends string>(message: string, reason: R | undefined, fallback: CsvFileReason) {
  return new BadInputError<R | CsvFileReason>(message, { field: ['csv'], reason: reason ?? fallback });
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

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
export function detectDelimiter(text: string): CsvDelimiter {
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

/** Refuses a text over `limits.maxBytes` (UTF-8), before anything parses it. */
export function checkCsvSize<R extends string>(text: string, limits: CsvLimits<R>): void {
  if (limits.maxBytes === undefined) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limits.maxBytes) return;
  throw limitError(
    `The CSV is ${(bytes / 1024 / 1024).toFixed(1)} MB. ${limits.hint ?? `The limit is ${mb(limits.maxBytes)}.`}`,
    limits.reason,
    'too_large',
  );
}

/** Refuses a file of more than `limits.maxRows` data rows. */
export function checkCsvRowCount<R extends string>(rows: number, limits: CsvLimits<R>): void {
  if (limits.maxRows === undefined || rows <= limits.maxRows) return;
  throw limitError(
    `This file has ${rows} rows; ${limits.hint ?? `the limit is ${limits.maxRows} rows.`}`,
    limits.reason,
    'too_many_rows',
  );
}

/** Reads a CSV text through the whole pipeline; file-level problems throw BAD_USER_INPUT. */
export function readCsvTable<C extends string, R extends string = CsvFileReason>(
  input: string,
  options: CsvReadOptions<C, R>,
): CsvTable<C> {
  if (options.limits) checkCsvSize(input, options.limits);
  const text = stripBom(input);
  if (text.trim() === '') throw csvError('The CSV file is empty', 'empty_file');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      // Blank lines are kept as records so row numbers stay those of the spreadsheet.
      skip_empty_lines: false,
      relax_column_count: true,
      // Whitespace around a delimiter is not part of a cell, even before a quoted cell.
      trim: true,
      ...(options.maxRowChars ? { max_record_size: options.maxRowChars } : {}),
      ...(options.headerOnly ? { to: 1 } : {}),
    });
  } catch (err) {
    const { code, lines } = err as { code?: string; lines?: number };
    // The parser's own message may quote a cell (possibly personal data): describe the problem instead.
    const what = PARSE_PROBLEMS[code ?? ''] ?? 'the parser could not read it';
    throw csvError(`The file is not valid CSV${lines ? ` near line ${lines}` : ''}: ${what}`, 'invalid_csv');
  }

  const [header = [], ...body] = records;
  const columns = header.map((h) => options.columnOf(h));
  const present = new Set<C>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const column = columns[i];
    const name = h.trim();
    if (!column) {
      if (options.unknownColumns === 'reject')
        throw csvError(`Unknown column "${name}"`, 'unknown_column', ['csv', name]);
      if (name !== '') ignoredColumns.push(name);
      return;
    }
    if (present.has(column))
      throw csvError(`Column "${column}" appears twice in the header ("${name}")`, 'duplicate_column');
    present.add(column);
  });
  const missing = (options.required ?? []).filter((c) => !present.has(c)).join(', ');
  const oneOf = options.requiredOneOf ?? [];
  const noneOf = oneOf.length && !oneOf.some((c) => present.has(c)) ? `one of ${oneOf.join(', ')}` : '';
  if (missing || noneOf) {
    // Only recognised names are echoed: without a header row, the first row holds data.
    const found = present.size
      ? `found: ${[...present].join(', ')}`
      : 'no known column found: is the first row a header?';
    const what = [missing, noneOf].filter(Boolean).join('; ');
    throw csvError(`Missing required column(s): ${what} (${found})`, 'missing_column');
  }

  const rows: CsvRow<C>[] = [];
  body.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const row = index + 2;
    if (options.columnCount === 'strict' && record.length !== header.length) {
      throw csvError(
        `The file is not valid CSV near row ${row}: it has ${record.length} cells, the header ${header.length} (quote cells that contain "${delimiter}")`,
        'invalid_csv',
      );
    }
    const cells: Partial<Record<C, string>> = {};
    record.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells[column] = cell.trim();
    });
    const extraCells = record.slice(header.length).filter((c) => c.trim() !== '').length;
    rows.push({ row, cells, extraCells });
  });
  if (options.limits) checkCsvRowCount(rows.length, options.limits);
  return { delimiter, present, ignoredColumns, rows };
}
