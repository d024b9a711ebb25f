/**
 * `npm run bench:edge-write [-- --n=20000]`: the COMPLEMENTS writer alone on a throwaway Neo4j.
 * N actors get ~39 partners each (the rebuild's blended top-20 ∪ each form's top-10), written three
 * times in 500-row transactions: over an empty graph, the same lists again, then lists with new
 * partners (in place: kept edges updated, others deleted, newcomers created). Compared in the same
 * run with the previous edge layout (eleven properties per edge, the stamp on every edge; same
 * statement otherwise) and with the floor of bare relationships (no property) created once.
 * Last line: one JSON object with the figures.
 */
import { ComplementsRepository, type EdgeRow, type EdgeStamp } from '../../libs/complementarity/src';
import { ReferenceSeeder } from '../../libs/reference/src';
import { Checks, runMain } from '../support/checks';
import { benchNeo4j } from '../support/neo4j';
import type { Neo4jService } from '../../libs/neo4j/src';

const PARTNERS = 39;
const BLOCK = 500; // partners are drawn within blocks of this many actors, as a département
const BATCH = 500; // rows per transaction (the writer's WRITE_BATCH)
const PREFIX = 'ew-';

/** The layout before 2026-12-02: every value and the stamp as separate edge properties. */
const ELEVEN_PROPERTIES = `
UNWIND $rows AS row
MATCH (a:Actor { id: row.id })
CALL (a, row) {
  OPTIONAL MATCH (a)-[old:COMPLEMENTS]->(b:Actor)
  WITH b, collect(old) AS rels, [p IN row.partners | p.id] AS listed
  FOREACH (x IN CASE WHEN b.id IN listed THEN tail(rels) ELSE rels END | DELETE x)
}
CALL (a, row) {
  UNWIND row.partners AS p
  MATCH (b:Actor { id: p.id })
  MERGE (a)-[e:COMPLEMENTS]->(b)
  SET e = { score: p.score, form: p.form, forms: p.forms, rank: p.rank, forward: p.forward,
    backward: p.backward, components: p.components, modelVersion: $modelVersion,
    profileId: $profileId, profileVersion: $profileVersion, computedAt: datetime($computedAt) }
}
RETURN count(a) AS actors`;

const BARE = `
UNWIND $rows AS row
MATCH (a:Actor { id: row.id })
UNWIND row.partners AS p
MATCH (b:Actor { id: p.id })
CREATE (a)-[:COMPLEMENTS]->(b)`;

function nArg(argv: string[]): number {
  const raw = argv.find((a) => a.startsWith('--n='))?.slice(4) ?? '20000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < BLOCK) throw new Error(`--n must be an integer ≥ ${BLOCK}, not ${raw}`);
  return n;
}

/** Deterministic lists: `shift` moves each actor's window of candidates (a new set of partners). */
function lists(n: number, shift: number): EdgeRow[] {
  let seed = 12345 + shift;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return Array.from({ length: n }, (_, i) => {
    const chosen = new Set<number>();
    while (chosen.size < PARTNERS) {
      const j = (Math.floor(i / BLOCK) * BLOCK + Math.floor(rnd() * BLOCK) + shift) % n;
      if (j !== i) chosen.add(j);
    }
    const scores = [...chosen].map(() => r6(rnd())).sort((a, b) => b - a);
    return {
      id: `${PREFIX}${i}`,
      partners: [...chosen].map((j, r) => ({
        id: `${PREFIX}${j}`,
        score: scores[r],
        form: 'RESOURCES' as const,
        forms: [scores[r], r6(rnd() * scores[r]), r6(rnd() * scores[r]), 0],
        rank: r + 1,
        forward: r6(rnd()),
        backward: r6(rnd()),
        components: Array.from({ length: 8 }, () => r6(rnd() / 8)),
      })),
    } as EdgeRow;
  });
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<Checks> {
  const checks = new Checks();
  const n = nArg(argv);
  const neo4j = benchNeo4j();
  const writer = new ComplementsRepository(neo4j);
  const stamp: EdgeStamp = {
    modelVersion: 'bench',
    profileId: 'default',
    profileVersion: 1,
    computedAt: new Date(),
  };
  const edgesOf = (rows: EdgeRow[]) => rows.reduce((s, r) => s + r.partners.length, 0);
  const stored = async () =>
    (
      await neo4j.read<{ n: number }>(
        `MATCH (a:Actor)-[e:COMPLEMENTS]->() WHERE a.id STARTS WITH $p RETURN count(e) AS n`,
        { p: PREFIX },
      )
    )[0].n;
  const wipe = async () => {
    while (
      (
        await neo4j.write<{ n: number }>(
          `MATCH (a:Actor)-[e:COMPLEMENTS]->() WHERE a.id STARTS WITH $p WITH e LIMIT 100000 DELETE e RETURN count(*) AS n`,
          { p: PREFIX },
        )
      )[0].n > 0
    );
  };
  const legacy = (rows: EdgeRow[]) => rawBatches(neo4j, ELEVEN_PROPERTIES, rows, stamp);
  const current = (rows: EdgeRow[]) => writer.replace(rows, stamp);
  try {
    await new ReferenceSeeder(neo4j).applyConstraints();
    await neo4j.write(`UNWIND range(0, $n - 1) AS i CREATE (:Actor { id: $p + toString(i) })`, {
      n: neo4j.int(n),
      p: PREFIX,
    });
    const first = lists(n, 0);
    const moved = lists(n, 13);
    const edges = edgesOf(first);
    const rate = async (label: string, write: () => Promise<unknown>, rows: EdgeRow[]) => {
      const t = performance.now();
      await write();
      const seconds = (performance.now() - t) / 1000;
      checks.equal(await stored(), edgesOf(rows), `${label}: edges stored`);
      const perSecond = Math.round(edgesOf(rows) / seconds);
      console.log(`${label}: ${seconds.toFixed(1)} s, ${perSecond} edges/s`);
      return perSecond;
    };
    const phases = async (name: string, write: (rows: EdgeRow[]) => Promise<unknown>) => {
      await wipe();
      return {
        emptyGraph: await rate(`${name}, empty graph`, () => write(first), first),
        sameLists: await rate(`${name}, same lists again`, () => write(first), first),
        newPartners: await rate(`${name}, new partners`, () => write(moved), moved),
      };
    };
    // A warm-up pass of each layout, so that neither pays the JVM's compilation of its statement;
    // then the current layout is measured last, on the store the most writes have been through.
    await phases('warm-up (current layout)', current);
    await phases('warm-up (eleven properties)', legacy);
    const before = await phases('eleven properties per edge', legacy);
    const now = await phases('current layout (rank, form, v)', current);
    await wipe();
    const bare = await rate(
      'bare relationships, empty graph',
      () => rawBatches(neo4j, BARE, first, stamp),
      first,
    );
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    console.log(
      JSON.stringify({
        bench: 'edge-write',
        actors: n,
        edges,
        edgesPerSecond: { current: now, elevenProperties: before, bareRelationships: bare },
        speedupVsElevenProperties: {
          emptyGraph: ratio(now.emptyGraph, before.emptyGraph),
          sameLists: ratio(now.sameLists, before.sameLists),
          newPartners: ratio(now.newPartners, before.newPartners),
        },
        currentShareOfBareFloor: ratio(now.emptyGraph, bare),
        failedChecks: checks.failed,
      }),
    );
    return checks;
  } finally {
    await wipe().catch(() => undefined);
    await neo4j
      .write(`MATCH (a:Actor) WHERE a.id STARTS WITH $p DETACH DELETE a`, { p: PREFIX })
      .catch(() => undefined);
    await neo4j.onApplicationShutdown();
  }
}

/** The same batches as the writer, with another statement (the baselines). */
async function rawBatches(neo4j: Neo4jService, cypher: string, rows: EdgeRow[], stamp: EdgeStamp) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await neo4j.writeOnce(cypher, {
      rows: rows.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        partners: r.partners.map((p) => ({ ...p, rank: neo4j.int(p.rank) })),
      })),
      modelVersion: stamp.modelVersion,
      profileId: stamp.profileId,
      profileVersion: neo4j.int(stamp.profileVersion),
      computedAt: stamp.computedAt.toISOString(),
    });
  }
}

if (require.main === module) runMain(main);
