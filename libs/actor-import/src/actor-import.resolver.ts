import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { ActorImportRunsService } from './actor-import-runs.service';
import { ImportReport } from './import-report';
import { ImportReportModel, ImportRun } from './models/import.models';

@Resolver()
export class ActorImportResolver {
  constructor(private readonly service: ActorImportRunsService) {}

  @Mutation(() => ImportReportModel, {
    description:
      'Imports actors from CSV text (format: docs/csv-import.md), at most 500 rows and 1 MB. Rows are matched on SIREN, then RNA, then external_id; a rejected row writes nothing. ADMIN and ORGANISER.',
  })
  importActorsCsv(
    @CurrentPrincipal() p: Principal,
    @Args('csv') csv: string,
    @Args('dryRun', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Validate and report without writing.',
    })
    dryRun: boolean,
  ): Promise<ImportReport> {
    return this.service.importNow(p, csv, dryRun);
  }

  @Mutation(() => ImportRun, {
    description: 'Queues a large CSV import (up to 20 MB) as a background job; poll importRun for progress.',
  })
  startActorsCsvImport(@CurrentPrincipal() p: Principal, @Args('csv') csv: string): Promise<ImportRun> {
    return this.service.start(p, csv);
  }

  @Query(() => ImportRun)
  importRun(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ImportRun> {
    return this.service.get(p, id);
  }
}
