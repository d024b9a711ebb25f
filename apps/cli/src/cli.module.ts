import { Module } from '@nestjs/common';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { ENTITIES } from '@maillage/entities';
import { JobsCoreModule } from '@maillage/jobs';
import { AuthCoreModule } from '@maillage/auth';
import { ReferenceCoreModule } from '@maillage/reference';
import { SyntheticCoreModule } from '@maillage/synthetic';
import { ActorImportCoreModule } from '@maillage/actor-import';

/**
 * What CLI commands need: the same core modules as the apps (XCoreModule only), no transport.
 * Each command boots the smallest context it needs, so seeding the graph needs no PostgreSQL or Redis.
 */
@Module({
  imports: [ConfigModule, Neo4jModule, DatabaseModule.forRoot(ENTITIES), JobsCoreModule, AuthCoreModule],
})
export class CliModule {}

/** seed: graph reference data only (Neo4j). */
@Module({ imports: [ConfigModule, Neo4jModule, ReferenceCoreModule] })
export class CliReferenceModule {}

/** seed-demo: the demo territory (Neo4j). */
@Module({ imports: [ConfigModule, Neo4jModule, SyntheticCoreModule] })
export class CliDemoModule {}

/** import-csv: the actor import, with accounts for --org. */
@Module({ imports: [CliModule, ActorImportCoreModule] })
export class CliImportModule {}
