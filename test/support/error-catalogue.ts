import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ErrorReasons, GRAPHQL_ERROR_CODES, ReasonTable, RowReasons, RowReasonTable } from '@maillage/common';

/**
 * The error catalogue: every reason table exported by a library's index (defineErrorReasons,
 * defineRowReasons), found by importing every lib (composition), and docs/errors.md rendered from it.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
export const DOC_FILE = path.join(ROOT, 'docs', 'errors.md');

export interface CatalogueEntry<T> {
  lib: string;
  exportName: string;
  table: T;
}

export interface Catalogue {
  errors: CatalogueEntry<ErrorReasons<ReasonTable>>[];
  rows: CatalogueEntry<RowReasons<RowReasonTable>>[];
}

/** Libraries in docs order: the shared one first, then alphabetically. */
export function libNames(): string[] {
  const libs = readdirSync(path.join(ROOT, 'libs'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return ['common', ...libs.filter((l) => l !== 'common')];
}

export function collectCatalogue(): Catalogue {
  const seen = new Set<unknown>();
  const catalogue: Catalogue = { errors: [], rows: [] };
  for (const lib of libNames()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(`@maillage/${lib}`) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (seen.has(value)) continue;
      if (value instanceof ErrorReasons) catalogue.errors.push({ lib, exportName, table: value });
      else if (value instanceof RowReasons) catalogue.rows.push({ lib, exportName, table: value });
      else continue;
      seen.add(value);
    }
  }
  return catalogue;
}

const code = (s: string) => `\`${s}\``;
const fields = (s: string | undefined) =>
  s
    ? s
        .split(', ')
        .map((f) => code(f))
        .join(', ')
    : '—';
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderErrorDoc(catalogue: Catalogue): string {
  const out: string[] = [
    '# Errors clients can receive',
    '',
    '<!-- Generated from the reason tables of libs/*/src/*.errors.ts by `npm run docs:errors`;',
    '     test/error-catalogue.spec.ts fails when this file is not current. Do not edit by hand. -->',
    '',
    'Every GraphQL error carries `extensions.code`. Domain errors also carry, when they apply,',
    '`extensions.reason` (machine-readable and stable: branch on it, not on the message),',
    '`extensions.field` (the path of the offending argument, e.g. `["input", "offers", 2, "competenceId"]`)',
    'and `extensions.problems` (`{ field, reason, message }` for each problem when several are found at',
    'once). Messages are for people and may change. Stack traces never reach clients.',
    '',
    'In the tables, `<i>` stands for a list index and `<property>` for an input property.',
    '',
    '## Codes (`extensions.code`)',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
    ...Object.entries(GRAPHQL_ERROR_CODES).map(([c, meaning]) => `| ${code(c)} | ${cell(meaning)} |`),
    '',
    'A Nest guard or HTTP exception that refuses a request gives `UNAUTHENTICATED` (401) or',
    '`FORBIDDEN` (403) without a reason.',
    '',
    '## Reasons (`extensions.reason`, `extensions.problems[].reason`)',
    '',
    'The same reason string may appear in several domains, with the meaning given there.',
  ];
  for (const { lib, exportName, table } of catalogue.errors) {
    out.push(
      '',
      `### ${table.domain}`,
      '',
      `Declared by ${code(exportName)} in ${code(`@maillage/${lib}`)}.`,
      '',
    );
    out.push('| Reason | Code | Typical field | Meaning |', '| --- | --- | --- | --- |');
    for (const reason of table.reasons) {
      const doc = table.table[reason];
      out.push(
        `| ${code(reason)} | ${doc.codes.map((c) => code(c)).join(', ')} | ${fields(doc.field)} | ${cell(doc.meaning)} |`,
      );
    }
  }
  out.push(
    '',
    '## Import report row reasons',
    '',
    'Not errors: the import goes on and its report lists each rejected row with `row` (the',
    'spreadsheet line, the header is line 1), `column` (the CSV column to fix) and `reason`.',
  );
  for (const { lib, exportName, table } of catalogue.rows) {
    out.push(
      '',
      `### ${table.domain}`,
      '',
      `Declared by ${code(exportName)} in ${code(`@maillage/${lib}`)}.`,
      '',
    );
    out.push('| Reason | Column | Meaning |', '| --- | --- | --- |');
    for (const reason of table.reasons) {
      const doc = table.table[reason];
      out.push(`| ${code(reason)} | ${fields(doc.column)} | ${cell(doc.meaning)} |`);
    }
    if (table.note) out.push('', table.note);
  }
  return out.join('\n') + '\n';
}

/** `reason` cells of a rendered (or committed) doc, per section heading. */
export function documentedReasons(doc: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of doc.split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) sections.set(heading[1], (current = new Set()));
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (row && current) current.add(row[1]);
  }
  return sections;
}
