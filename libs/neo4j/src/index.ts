export * from './neo4j.service';
export * from './neo4j.module';
export * from './neo4j-values';
export * from './cypher-alias';
