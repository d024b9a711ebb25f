import 'reflect-metadata';
import { DynamicModule, Provider, Type } from '@nestjs/common';
import { JOB_HANDLER } from '@maillage/jobs';
import { AppModule } from './api/src/app.module';
import { WorkerModule } from './worker/src/worker.module';
import { CliDemoModule, CliImportModule, CliModule, CliReferenceModule } from './cli/src/cli.module';

/** @nestjs/graphql's @Resolver() metadata key (RESOLVER_TYPE_METADATA, not exported from its index). */
const RESOLVER_TYPE = 'graphql:resolver_type';

interface Graph {
  modules: Set<string>;
  providers: Set<Type<unknown>>;
  controllers: Set<Type<unknown>>;
}

/** Walks a module's imports recursively through Nest's decorator metadata; boots nothing. */
function moduleGraph(root: Type<unknown>): Graph {
  const graph: Graph = { modules: new Set(), providers: new Set(), controllers: new Set() };
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = typeof entry === 'object' && 'module' in entry ? (entry as DynamicModule) : undefined;
    const type = (dynamic ? dynamic.module : entry) as Type<unknown>;
    const meta = <T>(key: string): T[] => (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
    graph.modules.add(type.name);
    const providers: Provider[] = [...meta<Provider>('providers'), ...(dynamic?.providers ?? [])];
    for (const p of providers) {
      const cls = typeof p === 'function' ? p : 'useClass' in p ? p.useClass : undefined;
      if (cls) graph.providers.add(cls);
    }
    for (const c of [...meta<Type<unknown>>('controllers'), ...(dynamic?.controllers ?? [])])
      graph.controllers.add(c);
    for (const i of [...meta<unknown>('imports'), ...(dynamic?.imports ?? [])]) visit(i);
  };
  visit(root);
  return graph;
}

// @Resolver() with no type stores undefined under the key: test for the key, not the value.
const isResolver = (cls: Type<unknown>) => Reflect.hasMetadata(RESOLVER_TYPE, cls);

/** Methods carrying @JobHandler metadata (read through descriptors: getters must not run). */
function jobHandlersOf(cls: Type<unknown>): string[] {
  const methods: string[] = [];
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (typeof d.value === 'function' && Reflect.getMetadata(JOB_HANDLER, d.value)) methods.push(name);
    }
  }
  return methods;
}

const names = (classes: Iterable<Type<unknown>>) => [...classes].map((c) => c.name).sort();
const resolvers = (g: Graph) => names([...g.providers].filter(isResolver));
const jobHandlers = (g: Graph) => names([...g.providers].filter((c) => jobHandlersOf(c).length > 0));

describe('composition roots follow the module pattern (Core + Graphql | Worker)', () => {
  const api = moduleGraph(AppModule);
  const worker = moduleGraph(WorkerModule);
  const clis = [CliModule, CliReferenceModule, CliDemoModule, CliImportModule].map(moduleGraph);

  it('the walk sees both sides (so an empty result below means something)', () => {
    expect(resolvers(api)).toEqual(expect.arrayContaining(['ActorsResolver', 'AuthResolver']));
    expect(jobHandlers(worker)).toEqual(expect.arrayContaining(['ActorImportJob', 'ScoringJobs']));
  });

  it('the worker loads no resolver and no HTTP controller', () => {
    expect(resolvers(worker)).toEqual([]);
    expect(names(worker.controllers)).toEqual([]);
    expect([...worker.modules].filter((m) => m.endsWith('GraphqlModule'))).toEqual([]);
  });

  it('the API loads no job handler', () => {
    expect(jobHandlers(api)).toEqual([]);
    expect([...api.modules].filter((m) => /.WorkerModule$/.test(m))).toEqual([]);
  });

  it('the CLI loads core modules only: no resolver, no job handler', () => {
    for (const cli of clis) {
      expect(resolvers(cli)).toEqual([]);
      expect(jobHandlers(cli)).toEqual([]);
      expect(names(cli.controllers)).toEqual([]);
    }
  });
});
