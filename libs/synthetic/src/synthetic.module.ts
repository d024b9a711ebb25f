import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo.seeder';

/** Demo data seeding (needs Neo4jModule, which is global). */
@Module({ providers: [DemoSeeder], exports: [DemoSeeder] })
export class SyntheticModule {}
