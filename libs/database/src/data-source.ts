import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** `synchronize` stays off: the schema only changes through migrations. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    extra: { max: 10 },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}

/** Runs pending migrations; returns the SQL TypeORM would still need (empty when in sync). */
export async function migrate(databaseUrl: string): Promise<{ applied: string[]; pending: string[] }> {
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { applied: applied.map((m) => m.name), pending: sql.upQueries.map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
