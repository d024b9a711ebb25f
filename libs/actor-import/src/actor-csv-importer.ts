import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import {
  ActorKind,
  AllianceForm,
  normaliseRna,
  normaliseSiren,
  normaliseTerritoryCode,
  SizeBand,
  Visibility,
} from '@maillage/domain';
import { CreateActorInput } from '@maillage/actors';
import { Column, CONTACT_COLUMNS, KEY_COLUMNS, KeyColumn } from './csv/columns';
import {
  Cell,
  CellError,
  readAllianceForms,
  readCauses,
  readEnum,
  readKind,
  readNeeds,
  readOffers,
  readSizeBand,
  readVisibility,
  splitList,
} from './csv/cells';
import { CsvDelimiter, ValidationReason } from '@maillage/common';
import { ActorImportRowReason } from './actor-import.errors';
import { ActorCsvTable, readCsv } from './csv/read-csv';
import { RowError } from './import-report';

/** A row that passed every check that needs no database. */
export interface ValidRow {
  row: number;
  input: CreateActorInput;
}

export interface ParsedRow {
  row: number;
  /** Set when the row is valid so far; references and matching are checked later against the graph. */
  valid?: ValidRow;
  errors: RowError[];
}

export interface ParsedImport {
  delimiter: CsvDelimiter;
  /** Columns present in the header: absent columns leave existing actors' values alone. */
  present: ReadonlySet<Column>;
  ignoredColumns: string[];
  rows: ParsedRow[];
}

/** CreateActorInput property → CSV column, to report validator errors where the user can fix them. */
const COLUMN_OF_PROPERTY: Record<string, Column> = {
  externalId: 'external_id',
  name: 'name',
  kind: 'kind',
  siren: 'siren',
  rna: 'rna',
  description: 'description',
  sizeBand: 'size_band',
  visibility: 'visibility',
  communeCode: 'commune',
  actsIn: 'acts_in',
  offers: 'offers',
  needs: 'needs',
  causes: 'causes',
  allianceForms: 'alliance_forms',
  'contact.name': 'contact_name',
  'contact.email': 'contact_email',
  'contact.phone': 'contact_phone',
};

/** Validation constraint → row reason; other constraints are reported under their own name. */
const REASON_OF_CONSTRAINT: Readonly<Record<string, ActorImportRowReason>> = {
  isSiren: 'invalid_siren',
  isRna: 'invalid_rna',
  isTerritoryCode: 'invalid_territory_code',
  isEmail: 'invalid_email',
  matches: 'invalid_format',
  isEnum: 'invalid_value',
  isLength: 'invalid_length',
  maxLength: 'too_long',
  minLength: 'too_short',
  arrayMaxSize: 'too_many_values',
  arrayUnique: 'duplicate_values',
  isInt: 'invalid_number',
  min: 'out_of_range',
  max: 'out_of_range',
};

const DUPLICATE_REASON = {
  siren: 'duplicate_siren',
  rna: 'duplicate_rna',
  external_id: 'duplicate_external_id',
} as const satisfies Record<KeyColumn, ActorImportRowReason>;

const KEY_LABEL: Record<KeyColumn, string> = {
  siren: 'SIREN',
  rna: 'RNA number',
  external_id: 'external_id',
};

/**
 * Pure CSV → validated actor inputs (no database): reads the file, converts each row to a
 * CreateActorInput, runs the same class-validator rules as the GraphQL API, and rejects rows that
 * repeat a key (SIREN, RNA, external_id) of an earlier row. Reference checks and matching need the
 * graph and happen in ActorImportService.
 */
export class ActorCsvImporter {
  /** Throws BAD_USER_INPUT when the file cannot be imported at all (not CSV, missing columns). */
  checkHeader(csv: string): void {
    readCsv(csv, { headerOnly: true });
  }

  parse(csv: string): ParsedImport {
    const table = readCsv(csv);
    const seen: Record<KeyColumn, Map<string, number>> = {
      siren: new Map(),
      rna: new Map(),
      external_id: new Map(),
    };
    const rows = table.rows.map((raw): ParsedRow => {
      if (raw.extraCells > 0) {
        const message = `row has more cells than the header: quote cells that contain "${table.delimiter}"`;
        return { row: raw.row, errors: [{ row: raw.row, column: null, reason: 'too_many_cells', message }] };
      }
      const errors: RowError[] = [];
      const plain = this.toPlain(raw.row, raw.cells, table, errors);
      errors.push(...this.duplicateKeys(raw.row, plain, seen));
      if (errors.length) return { row: raw.row, errors };
      const input = plainToInstance(CreateActorInput, plain);
      const problems = validateSync(input, { whitelist: true, forbidUnknownValues: false });
      if (problems.length) return { row: raw.row, errors: flatten(problems, raw.row) };
      return { row: raw.row, valid: { row: raw.row, input }, errors: [] };
    });
    return { delimiter: table.delimiter, present: table.present, ignoredColumns: table.ignoredColumns, rows };
  }

  /** Cells → the plain shape of CreateActorInput; cell-level problems go to `errors`. */
  private toPlain(
    row: number,
    cells: Partial<Record<Column, string>>,
    table: ActorCsvTable,
    errors: RowError[],
  ) {
    const plain: Record<string, unknown> = {};
    const text = (column: Column) => {
      const value = cells[column];
      return value === undefined || value === '' ? undefined : value;
    };
    const take = <T>(column: Column, property: string, read: (cell: string) => Cell<T>) => {
      const cell = text(column);
      if (cell === undefined) return;
      const value = read(cell);
      if (value instanceof CellError)
        errors.push({ row, column, reason: value.reason, message: `${column}: ${value.message}` });
      else plain[property] = value;
    };

    take('name', 'name', (c) => c);
    if (text('name') === undefined)
      errors.push({ row, column: 'name', reason: 'required', message: 'name: a name is required' });
    take('kind', 'kind', (c) => readEnum(c, readKind, Object.values(ActorKind), 'kind', 'invalid_kind'));
    if (text('kind') === undefined)
      errors.push({ row, column: 'kind', reason: 'required', message: 'kind: a kind is required' });
    take('external_id', 'externalId', (c) => c);
    take('siren', 'siren', normaliseSiren);
    take('rna', 'rna', normaliseRna);
    take('description', 'description', (c) => c);
    take('size_band', 'sizeBand', (c) =>
      readEnum(c, readSizeBand, Object.values(SizeBand), 'size band', 'invalid_size_band'),
    );
    take('visibility', 'visibility', (c) =>
      readEnum(c, readVisibility, Object.values(Visibility), 'visibility', 'invalid_visibility'),
    );
    take('commune', 'communeCode', normaliseTerritoryCode);
    take('acts_in', 'actsIn', (c) => [...new Set(splitList(c).map(normaliseTerritoryCode))]);
    take('offers', 'offers', readOffers);
    take('needs', 'needs', readNeeds);
    take('causes', 'causes', readCauses);
    take('alliance_forms', 'allianceForms', (c) => readAllianceForms(c) as Cell<AllianceForm[]>);

    const contact: Record<string, string> = {};
    for (const column of CONTACT_COLUMNS) {
      const value = text(column);
      if (value !== undefined) contact[column.slice('contact_'.length)] = value;
    }
    if (Object.keys(contact).length) plain.contact = contact;

    if (!KEY_COLUMNS.some((c) => text(c) !== undefined)) {
      const available = KEY_COLUMNS.filter((c) => table.present.has(c));
      errors.push({
        row,
        column: available.includes('external_id') || available.length === 0 ? 'external_id' : available[0],
        reason: 'missing_key',
        message:
          'a row needs an external_id, a SIREN or an RNA number, so that a re-import updates the same actor',
      });
    }
    return plain;
  }

  /** The first row with a key wins; a later row repeating it is rejected. */
  private duplicateKeys(
    row: number,
    plain: Record<string, unknown>,
    seen: Record<KeyColumn, Map<string, number>>,
  ): RowError[] {
    const values: Record<KeyColumn, unknown> = {
      siren: plain.siren,
      rna: plain.rna,
      external_id: plain.externalId,
    };
    const errors: RowError[] = [];
    for (const column of KEY_COLUMNS) {
      const value = values[column];
      if (typeof value !== 'string') continue;
      const first = seen[column].get(value);
      if (first !== undefined) {
        errors.push({
          row,
          column,
          reason: DUPLICATE_REASON[column],
          message: `${column}: same ${KEY_LABEL[column]} as row ${first}; each actor must appear once in the file`,
        });
      } else {
        seen[column].set(value, row);
      }
    }
    return errors;
  }
}

function flatten(errors: ValidationError[], row: number, parent = ''): RowError[] {
  const out: RowError[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const column = COLUMN_OF_PROPERTY[path] ?? COLUMN_OF_PROPERTY[path.split('.')[0]] ?? null;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const reason: ActorImportRowReason =
        column === 'contact_phone' && constraint === 'matches'
          ? 'invalid_phone'
          : (REASON_OF_CONSTRAINT[constraint] ?? (constraint as ValidationReason));
      out.push({ row, column, reason, message: `${column ?? path}: ${message}` });
    }
    if (error.children?.length) out.push(...flatten(error.children, row, path));
  }
  return out;
}
