import { Module } from '@nestjs/common';
import { ReferenceCoreModule } from '@maillage/reference';
import { DemoSeeder } from './demo.seeder';

/** Demo data seeding, used by the CLI (needs Neo4jModule, which is global). */
@Module({ imports: [ReferenceCoreModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SyntheticCoreModule {}
