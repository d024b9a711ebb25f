import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference.module';
import { ReferenceResolver } from './reference.resolver';

/** GraphQL transport for reference data (the API imports it; the worker and CLI do not). */
@Module({ imports: [ReferenceModule], providers: [ReferenceResolver] })
export class ReferenceGraphqlModule {}
