import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { EntityList, dataSourceOptions } from './data-source';

/**
 * PostgreSQL through TypeORM. The entity list comes from the composition root (`ENTITIES` of
 * @maillage/entities): this lib knows no domain, so the domain libs may depend on it.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.DATABASE_URL, entities, config.DATABASE_CONNECT_TIMEOUT_MS),
            migrationsRun: false,
          }),
        }),
      ],
    };
  }
}
