import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplementarityCoreModule } from '@maillage/complementarity';
import { EventsCoreModule } from '@maillage/events';
import { WISH_ENTITIES } from './entities';
import { WishesResolver } from './wishes.resolver';
import { WishesService } from './wishes.service';

/** Shared by the API and the worker: participants' wishes (the optimiser reads them). */
@Module({
  imports: [TypeOrmModule.forFeature(WISH_ENTITIES), EventsCoreModule, ComplementarityCoreModule],
  providers: [WishesService],
  exports: [WishesService],
})
export class WishesCoreModule {}

/** API side: wish candidates, setWish, the organiser's statistics. */
@Module({
  imports: [WishesCoreModule],
  providers: [WishesResolver],
})
export class WishesGraphqlModule {}
