import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import neo4j, { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { toNative } from './neo4j-values';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * The one door to Neo4j. Units of work run through executeRead / executeWrite, which the
 * driver retries on transient errors — so every unit of work must be idempotent.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  readonly driver: Driver;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.driver = neo4j.driver(
      config.NEO4J_URI,
      config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined,
      {
        disableLosslessIntegers: false,
        maxConnectionPoolSize: 64,
        // A Neo4j that is down answers ServiceUnavailable within seconds (driver defaults: 30 s to
        // connect, 60 s to acquire, 30 s of transaction retries), mapped to SERVICE_UNAVAILABLE.
        connectionTimeout: config.NEO4J_TIMEOUT_MS,
        connectionAcquisitionTimeout: config.NEO4J_TIMEOUT_MS + 1000,
        maxTransactionRetryTime: config.NEO4J_TX_RETRY_MS,
      },
    );
  }

  /** Runs one read query and returns rows converted to plain JS. */
  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(cypher, params));
      return rowsOf<T>(result);
    } finally {
      await session.close();
    }
  }

  /**
   * One read statement in an auto-commit transaction: a round trip fewer than `read` (no BEGIN and
   * COMMIT), for the hottest single-statement reads. Retried once when the driver deems the error
   * transient, as `read` would (it retries for longer).
   */
  async readOnce<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        return rowsOf<T>(await session.run(cypher, params));
      } catch (err) {
        if (attempt > 1 || !neo4j.isRetryableError(err as Error)) throw err;
      } finally {
        await session.close();
      }
    }
  }

  /** Runs one write query in its own transaction. */
  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTx(async (tx) => rowsOf<T>(await tx.run(cypher, params)));
  }

  /**
   * One write statement in an explicit transaction the driver does not retry: for a caller that
   * retries itself (a managed transaction's retries would run while the caller holds its own lock).
   */
  async writeOnce<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      const tx = session.beginTransaction();
      try {
        const result = await tx.run(cypher, params);
        await tx.commit();
        return rowsOf<T>(result);
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      await session.close();
    }
  }

  /**
   * One statement in an auto-commit transaction, for `CALL { … } IN TRANSACTIONS` (a migration
   * writing in batches of its own) and schema statements; not retried: such statements must be
   * safe to run again.
   */
  async writeBatched<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      return rowsOf<T>(await session.run(cypher, params));
    } finally {
      await session.close();
    }
  }

  /** Whether the driver deems the error transient (a deadlock, a lost connection): worth retrying. */
  isRetryable(err: unknown): boolean {
    return neo4j.isRetryableError(err as Error);
  }

  /** Runs several statements in one write transaction (all or nothing). */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  /** Schema statements (constraints, indexes) cannot share a transaction with data writes. */
  async runSchema(cypher: string): Promise<void> {
    await this.writeBatched(cypher);
  }

  /** JS numbers travel as floats: wrap integers (LIMIT, levels, SDG numbers) explicitly. */
  int(value: number) {
    return neo4j.int(value);
  }

  async ping(): Promise<void> {
    await this.driver.verifyConnectivity();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

export function rowsOf<T = Row>(result: QueryResult): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}
