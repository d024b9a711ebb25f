import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsModule } from '@maillage/actors';
import { ActorImportJob } from './actor-import.job';
import { ActorImportRepository } from './actor-import.repository';
import { ActorImportResolver } from './actor-import.resolver';
import { ActorImportRunsService } from './actor-import-runs.service';
import { ActorImportService } from './actor-import.service';
import { ImportFileEntity } from './import-file.entity';

/** CSV import of actors: GraphQL entry points (API), the import job (worker), and the service the CLI calls. */
@Module({
  imports: [ActorsModule, TypeOrmModule.forFeature([ImportFileEntity])],
  providers: [
    ActorImportRepository,
    ActorImportService,
    ActorImportRunsService,
    ActorImportJob,
    ActorImportResolver,
  ],
  exports: [ActorImportService, ActorImportRunsService, ActorImportJob],
})
export class ActorImportModule {}
