import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PERSONAL_DATA_ENTITIES } from './personal-data-request.entity';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataRetention } from './personal-data-retention';
import { PersonalDataService } from './personal-data.service';

/**
 * The orchestrator of personal-data requests. It discovers the parts the other libs provide
 * (`@PersonalDataPart`): import it in a process whose modules hold every part (the API, the worker).
 */
@Module({
  imports: [TypeOrmModule.forFeature(PERSONAL_DATA_ENTITIES), DiscoveryModule],
  providers: [PersonalDataService],
  exports: [PersonalDataService],
})
export class PersonalDataCoreModule {}

/** API side: exportPersonalData, erasePersonalData, personalDataRequests. */
@Module({ imports: [PersonalDataCoreModule], providers: [PersonalDataResolver] })
export class PersonalDataGraphqlModule {}

/** Worker side: the daily retention task on the sweeper. */
@Module({ imports: [PersonalDataCoreModule], providers: [PersonalDataRetention] })
export class PersonalDataWorkerModule {}
