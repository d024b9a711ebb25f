import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Name of the constraints file in graph-seeds/. */
export const CONSTRAINTS_FILE = '001-constraints.cypher';

/**
 * Locates the repository's `graph-seeds/` folder: `MAILLAGE_GRAPH_SEEDS_DIR` when set (e.g. in a
 * container image), else the first ancestor of this file that holds `graph-seeds/<constraints>`
 * (works from `libs/reference/src` under ts-jest and from `dist/libs/reference/src` once built).
 */
export function graphSeedsDir(): string {
  const fromEnv = process.env.MAILLAGE_GRAPH_SEEDS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'graph-seeds');
    if (existsSync(path.join(candidate, CONSTRAINTS_FILE))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `graph-seeds/${CONSTRAINTS_FILE} not found above ${__dirname}; set MAILLAGE_GRAPH_SEEDS_DIR`,
      );
    }
    dir = parent;
  }
}

export interface CypherSeed {
  name: string;
  version: string;
  statements: string[];
}

/**
 * Splits a seed .cypher file into statements: `//` comment lines are dropped, statements end
 * with a `;` at the end of a line. The version comes from a `// version: N` header line.
 */
export function parseCypherSeed(name: string, text: string): CypherSeed {
  const versionMatch = /^\s*\/\/\s*version:\s*(\S+)\s*$/m.exec(text);
  if (!versionMatch) throw new Error(`${name}: missing a "// version: N" header`);
  const statements: string[] = [];
  let current: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line.trim() === '' || line.trim().startsWith('//')) continue;
    current.push(line);
    if (line.endsWith(';')) {
      const statement = current.join('\n').slice(0, -1).trim();
      if (statement) statements.push(statement);
      current = [];
    }
  }
  if (current.join('').trim()) throw new Error(`${name}: last statement is not terminated by ";"`);
  return { name, version: versionMatch[1], statements };
}

/** Reads and parses `graph-seeds/001-constraints.cypher`. */
export function loadConstraintStatements(dir: string = graphSeedsDir()): CypherSeed {
  const text = readFileSync(path.join(dir, CONSTRAINTS_FILE), 'utf8');
  return parseCypherSeed('constraints', text);
}
