import { Neo4jService } from '../../libs/neo4j/src';

/** A Neo4j client on the benchmark's store (scripts/bench.mjs sets NEO4J_URI). */
export function benchNeo4j(): Neo4jService {
  if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: run through `npm run bench:<name>`');
  return new Neo4jService({
    NEO4J_URI: process.env.NEO4J_URI,
    NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
  } as never);
}
