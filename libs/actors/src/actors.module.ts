import { Module } from '@nestjs/common';
import { ActorsRepository } from './actors.repository';
import { ActorsService } from './actors.service';
import { ActorsResolver } from './actors.resolver';

@Module({
  providers: [ActorsRepository, ActorsService, ActorsResolver],
  exports: [ActorsRepository, ActorsService],
})
export class ActorsModule {}
