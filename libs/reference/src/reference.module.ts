import { Module } from '@nestjs/common';
import { CauseRepository } from './cause.repository';
import { CompetenceRepository } from './competence.repository';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceSeeder } from './reference.seeder';
import { TerritoryRepository } from './territory.repository';

/** Reference data (SDGs, competences, territories): seeder and read repositories. Needs Neo4jModule (global). */
@Module({
  providers: [ReferenceSeeder, TerritoryRepository, CompetenceRepository, CauseRepository],
  exports: [ReferenceSeeder, TerritoryRepository, CompetenceRepository, CauseRepository],
})
export class ReferenceCoreModule {}

/** API side: the read-only reference queries (public). */
@Module({ imports: [ReferenceCoreModule], providers: [ReferenceResolver] })
export class ReferenceGraphqlModule {}
