import { BadInputError } from '@maillage/common';
import { columnOf } from './columns';
import { readCsv } from './read-csv';

describe('readCsv', () => {
  it('maps French headers, case and accents aside, and reports unknown ones', () => {
    expect(columnOf("Formes d'alliance")).toBe('alliance_forms');
    expect(columnOf('Code INSEE')).toBe('commune');
    expect(columnOf('Téléphone')).toBe('contact_phone');
    const table = readCsv('\uFEFFNom;Type;SIREN;Remarques\nA;association;552081317;x\n');
    expect([...table.present]).toEqual(['name', 'kind', 'siren']);
    expect(table.ignoredColumns).toEqual(['Remarques']);
    expect(table.rows[0].cells).toEqual({ name: 'A', kind: 'association', siren: '552081317' });
  });

  it('numbers rows as a spreadsheet does (header = 1) and skips blank ones', () => {
    const table = readCsv('name,kind\nA,COMPANY\n\n,\n"B\nsecond line",COMPANY\n');
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('refuses files it cannot import at all, with a reason', () => {
    const reason = (csv: string) => {
      try {
        readCsv(csv);
      } catch (err) {
        expect(err).toBeInstanceOf(BadInputError);
        return (err as BadInputError).details.reason;
      }
      return 'no error';
    };
    expect(reason('')).toBe('empty_file');
    expect(reason('name,siren\nA,552081317\n')).toBe('missing_column');
    expect(reason('name,kind,nom\nA,COMPANY,B\n')).toBe('duplicate_column');
    expect(reason('name,kind\n"A,COMPANY\n')).toBe('invalid_csv');
  });

  it('describes parse errors without quoting cells (they may hold personal data)', () => {
    expect(() => readCsv('name,kind,contact_email\nA,COMPANY,pa"ul@example.org\n')).toThrow(
      'The file is not valid CSV near line 2: a quote appears inside an unquoted cell',
    );
    expect(() => readCsv('paul@example.org,Paul\n')).toThrow(
      'no known column found: is the first row a header?',
    );
    try {
      readCsv('paul@example.org,Paul\n');
    } catch (err) {
      expect((err as Error).message).not.toContain('paul');
    }
  });
});
