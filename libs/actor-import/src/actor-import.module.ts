import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorsCoreModule } from '@maillage/actors';
import { ActorImportJob } from './actor-import.job';
import { ActorImportRepository } from './actor-import.repository';
import { ActorImportResolver } from './actor-import.resolver';
import { ActorImportRunsService } from './actor-import-runs.service';
import { ActorImportService } from './actor-import.service';
import { ImportFileEntity } from './import-file.entity';
import { ImportFilesPersonalData } from './import-files.personal-data';

/** CSV import of actors: the import itself (the CLI calls it) and the background runs. */
@Module({
  imports: [ActorsCoreModule, TypeOrmModule.forFeature([ImportFileEntity])],
  providers: [ActorImportRepository, ActorImportService, ActorImportRunsService, ImportFilesPersonalData],
  exports: [ActorImportService, ActorImportRunsService],
})
export class ActorImportCoreModule {}

/** API side: importActorsCsv, startActorsCsvImport and importRun. */
@Module({ imports: [ActorImportCoreModule], providers: [ActorImportResolver] })
export class ActorImportGraphqlModule {}

/** Worker side: the IMPORT_ACTORS_CSV job handler. */
@Module({
  imports: [ActorImportCoreModule, TypeOrmModule.forFeature([ImportFileEntity])],
  providers: [ActorImportJob],
})
export class ActorImportWorkerModule {}
