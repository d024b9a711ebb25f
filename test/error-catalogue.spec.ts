import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { ErrorCode, VALIDATION_ERRORS } from '@maillage/common';
import {
  DOC_FILE,
  ROOT,
  collectCatalogue,
  documentedReasons,
  libNames,
  renderErrorDoc,
} from './support/error-catalogue';

/**
 * docs/errors.md lists every code and reason a client can receive: it is rendered from the reason
 * tables every library exports, and this test fails when the committed file differs (a reason
 * added, renamed or removed in code). `npm run docs:errors` (UPDATE_ERROR_DOCS=1) rewrites it.
 */
describe('error catalogue (docs/errors.md)', () => {
  const catalogue = collectCatalogue();
  const rendered = renderErrorDoc(catalogue);

  it('is current', () => {
    if (process.env.UPDATE_ERROR_DOCS === '1') writeFileSync(DOC_FILE, rendered);
    const committed = existsSync(DOC_FILE) ? readFileSync(DOC_FILE, 'utf8') : '';
    const want = documentedReasons(rendered);
    const have = documentedReasons(committed);
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [section, reasons] of want)
      for (const r of reasons) if (!have.get(section)?.has(r)) missing.push(`${section}: ${r}`);
    for (const [section, reasons] of have)
      for (const r of reasons) if (!want.get(section)?.has(r)) stale.push(`${section}: ${r}`);
    // Named first, so a failure says which reason; then the whole text (meanings, fields, codes).
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(committed).toBe(rendered);
  });

  it('finds every reason table, each exported by its library', () => {
    // Each *.errors.ts file declares a table; its lib's index must export it (else it is not documented).
    const declaring = libNames().flatMap((lib) => {
      const dir = path.join(ROOT, 'libs', lib, 'src');
      return readdirSync(dir)
        .filter((f) => f.endsWith('.errors.ts') || f === 'common-errors.ts')
        .map(() => lib);
    });
    const found = new Set([...catalogue.errors, ...catalogue.rows].map((e) => e.lib));
    expect([...new Set(declaring)].filter((lib) => !found.has(lib))).toEqual([]);
    expect(catalogue.errors.length).toBeGreaterThanOrEqual(12);
    expect(catalogue.rows.map((r) => r.exportName).sort()).toEqual([
      'ACTOR_IMPORT_ROW_REASONS',
      'REGISTRATION_ROW_REASONS',
    ]);
  });

  it('declares each reason with at least one code and a meaning', () => {
    for (const { table } of catalogue.errors)
      for (const reason of table.reasons) {
        const doc = table.table[reason];
        expect({ reason, codes: doc.codes.length > 0, meaning: doc.meaning.length > 0 }).toEqual({
          reason,
          codes: true,
          meaning: true,
        });
        for (const c of doc.codes) expect(Object.values(ErrorCode)).toContain(c);
      }
  });

  it('declares every validation constraint in use, and none that is not', () => {
    // The input pipe sends the failed class-validator constraint as the reason: each constraint of
    // every input class (all loaded by collectCatalogue) must be a declared BAD_USER_INPUT reason.
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<object, { type: string; constraintCls?: object }[]>;
      getTargetValidatorConstraints(cls: object): { name?: string }[];
    };
    const used = new Set<string>();
    for (const metadatas of storage.validationMetadatas.values()) {
      for (const m of metadatas) {
        if (m.type === 'conditionalValidation' || m.type === 'whitelistValidation') continue;
        const custom = m.constraintCls ? storage.getTargetValidatorConstraints(m.constraintCls) : [];
        used.add(custom[0]?.name ?? m.type);
      }
    }
    const declared = new Set(
      catalogue.errors.flatMap(({ table }) =>
        table.reasons.filter((r) => table.table[r].codes.includes(ErrorCode.BAD_USER_INPUT)),
      ),
    );
    expect([...used].filter((c) => !declared.has(c)).sort()).toEqual([]);
    expect(VALIDATION_ERRORS.reasons.filter((r) => !used.has(r))).toEqual([]);
  });
});
