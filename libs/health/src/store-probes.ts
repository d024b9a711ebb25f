import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Neo4jService } from '@maillage/neo4j';
import { JobsService } from '@maillage/jobs';

/** Each store check gives up after this long, so a down store is reported within 2 s. */
export const PROBE_TIMEOUT_MS = 1500;

export type StoreName = 'neo4j' | 'postgresql' | 'redis';
export interface ProbeResult {
  status: 'up' | 'down';
  /** The error's kind (or "no answer within 1500 ms"), never a driver message. */
  error?: string;
}

/** Readiness checks of the three stores, run in parallel, each bounded in time. */
@Injectable()
export class StoreProbes {
  constructor(
    private readonly neo4j: Neo4jService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  probe(store: StoreName): Promise<ProbeResult> {
    const run = {
      neo4j: () => this.neo4j.ping(),
      postgresql: async () => void (await this.dataSource.query('SELECT 1')),
      redis: () => this.jobs.ping(),
    }[store];
    return withTimeout(run(), PROBE_TIMEOUT_MS).then(
      () => ({ status: 'up' as const }),
      (err: unknown) => ({ status: 'down' as const, error: kindOf(err) }),
    );
  }

  async all(): Promise<Record<StoreName, ProbeResult>> {
    const stores: StoreName[] = ['neo4j', 'postgresql', 'redis'];
    const results = await Promise.all(stores.map((s) => this.probe(s)));
    return Object.fromEntries(stores.map((s, i) => [s, results[i]])) as Record<StoreName, ProbeResult>;
  }
}

function kindOf(err: unknown): string {
  const e = err as { name?: string; code?: string } | undefined;
  if (e instanceof ProbeTimeout) return e.message;
  return [e?.name ?? 'Error', typeof e?.code === 'string' ? e.code : ''].filter(Boolean).join(' ');
}

class ProbeTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
