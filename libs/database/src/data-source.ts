import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Every TypeORM entity of the app; the composition roots pass it in (see @maillage/entities). */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** `synchronize` stays off: the schema only changes through migrations. */
export function dataSourceOptions(
  databaseUrl: string,
  entities: EntityList,
  connectTimeoutMs = 3000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    // A request never waits long on a PostgreSQL that is down: acquiring a connection gives up
    // (and the GraphQL formatter answers SERVICE_UNAVAILABLE).
    extra: { max: 10, connectionTimeoutMillis: connectTimeoutMs },
  };
}

export function createDataSource(databaseUrl: string, entities: EntityList): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, entities));
}

/**
 * Runs pending migrations; returns the SQL TypeORM would still need (empty when in sync), so
 * the migration check compares `entities` with the migrations.
 */
export async function migrate(
  databaseUrl: string,
  entities: EntityList,
): Promise<{ applied: string[]; pending: string[] }> {
  const ds = createDataSource(databaseUrl, entities);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { applied: applied.map((m) => m.name), pending: sql.upQueries.map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
