import { BadInputError } from './domain-errors';
import { checkCsvSize, CsvReadOptions, decodeCsvBytes, detectDelimiter, readCsvTable } from './csv-reader';

const KNOWN = ['id', 'name', 'side'] as const;
type Known = (typeof KNOWN)[number];
const columnOf = (h: string) => KNOWN.find((k) => k === h.trim().toLowerCase());

function failure(csv: string, options: Partial<CsvReadOptions<Known>> = {}) {
  try {
    readCsvTable(csv, { columnOf, unknownColumns: 'reject', columnCount: 'strict', ...options });
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return { reason: (err as BadInputError).details.reason, field: (err as BadInputError).details.field };
  }
  return 'no error';
}

describe('CSV reading pipeline', () => {
  // Moved from libs/actor-import/src/csv/read-csv.spec.ts with the code they test.
  it('detects the delimiter French Excel uses, outside quotes', () => {
    expect(detectDelimiter('nom;type;siren\n')).toBe(';');
    expect(detectDelimiter('name,kind,siren\n')).toBe(',');
    expect(detectDelimiter('"a;b;c",kind,siren\n')).toBe(',');
  });

  it('decodes UTF-8 with a BOM, and falls back to Windows-1252 (older Excel)', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFFnom;région\n', 'utf8'))).toBe('nom;région\n');
    expect(decodeCsvBytes(Buffer.from([0x72, 0xe9, 0x67, 0x69, 0x6f, 0x6e]))).toBe('région');
  });

  it('reads rows as spreadsheet rows with trimmed cells, whatever the delimiter and line ends', () => {
    const csv = '\uFEFFID ; Name\r\n a1 ; "Doe; J" \r\n\r\n;\r\na2;"two\nlines"\r\n';
    const table = readCsvTable(csv, { columnOf, unknownColumns: 'reject', columnCount: 'strict' });
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      { row: 2, cells: { id: 'a1', name: 'Doe; J' }, extraCells: 0 },
      { row: 5, cells: { id: 'a2', name: 'two\nlines' }, extraCells: 0 },
    ]);
  });

  it('refuses unknown, duplicate and missing columns when asked to', () => {
    expect(failure('id,shoe_size\na,42\n')).toEqual({
      reason: 'unknown_column',
      field: ['csv', 'shoe_size'],
    });
    expect(failure('id,ID\na,b\n')).toMatchObject({ reason: 'duplicate_column' });
    expect(failure('name\nA\n', { requiredOneOf: ['id', 'side'] })).toMatchObject({
      reason: 'missing_column',
    });
    expect(failure('name\nA\n', { required: ['id'] })).toMatchObject({ reason: 'missing_column' });
    expect(failure('')).toMatchObject({ reason: 'empty_file' });
  });

  it('strict column count refuses a row of another width; relaxed leaves it to the importer', () => {
    expect(failure('id,name\na,b,c\n')).toMatchObject({ reason: 'invalid_csv' });
    expect(failure('id,name\na\n')).toMatchObject({ reason: 'invalid_csv' });
    const relaxed = readCsvTable('id,name\na,b,c\nd\n', {
      columnOf,
      unknownColumns: 'reject',
      columnCount: 'relaxed',
    });
    expect(relaxed.rows).toEqual([
      { row: 2, cells: { id: 'a', name: 'b' }, extraCells: 1 },
      { row: 3, cells: { id: 'd' }, extraCells: 0 },
    ]);
  });

  it('applies size and row limits with the caller reason and hint', () => {
    const limits = { maxBytes: 20, maxRows: 1 };
    expect(failure('id,name\n' + 'x'.repeat(30), { limits })).toMatchObject({ reason: 'too_large' });
    expect(failure('id\na\nb\n', { limits })).toMatchObject({ reason: 'too_many_rows' });
    expect(() =>
      checkCsvSize('x'.repeat(30), { maxBytes: 20, reason: 'too_large_for_sync', hint: 'Use the job.' }),
    ).toThrow('Use the job.');
    expect(failure('id\n' + `"${'x'.repeat(100)}"\n`, { maxRowChars: 50 })).toMatchObject({
      reason: 'invalid_csv',
    });
  });
});
