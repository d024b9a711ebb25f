/**
 * Shared end-to-end helpers: the API on a random port, the worker composition root in-process,
 * polling, and the fixtures every suite creates (users with a role, actors).
 */
import { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { AuthService, OrganisationKind, Role } from '@maillage/auth';
import { JobWorkerService } from '@maillage/jobs';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

const CREATE_ACTOR = `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`;

/** An offer of a competence as skills sponsorship, the fixtures' usual offer. */
export const skills = (competenceId: string, level = 3) => ({ competenceId, modality: 'SKILLS', level });

/** A simple actor profile: competence ids offered (as skills) and needed (at priority 3). */
export interface ActorProfile {
  kind: string;
  offers: string[];
  needs: string[];
}

/** A running API on a random port, driven over real HTTP like a client would. */
export class TestApi {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(): Promise<TestApi> {
    const app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, await app.getUrl());
  }

  /** Starts an API with some environment variables set (restored afterwards: the config reads them at boot). */
  static async startWith(env: Record<string, string>): Promise<TestApi> {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      return await TestApi.start();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    apiKey?: string,
  ): Promise<GraphQLResponse<T> & { status: number }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, status: res.status };
  }

  /** Posts a query that must succeed (no GraphQL error) and returns its data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    apiKey?: string,
  ): Promise<T> {
    const res = await this.gql<T>(query, variables, apiKey);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  }

  /** Creates an actor through GraphQL (it must succeed) and returns its id. */
  async createActor(input: Record<string, unknown>, apiKey: string): Promise<string> {
    return (await this.ok<{ createActor: { id: string } }>(CREATE_ACTOR, { input }, apiKey)).createActor.id;
  }

  /** Creates `count` actors one after another, cycling through `profiles`; `input(i)` adds the rest. */
  async createActorsFromProfiles(
    apiKey: string,
    count: number,
    profiles: ActorProfile[],
    input: (i: number) => Record<string, unknown>,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const p = profiles[i % profiles.length];
      const needs = p.needs.map((c) => ({ competenceId: c, priority: 3 }));
      ids.push(
        await this.createActor(
          { kind: p.kind, offers: p.offers.map((c) => skills(c)), needs, ...input(i) },
          apiKey,
        ),
      );
    }
    return ids;
  }

  /** Creates an organisation and a user with the role, straight through the domain service. */
  async user(role: Role, options: { actorIds?: string[]; organisationId?: string } = {}) {
    const auth = this.app.get(AuthService);
    const organisationId =
      options.organisationId ??
      (await auth.createOrganisation(`Org ${role} ${Date.now()}`, OrganisationKind.LAB)).id;
    const email = `${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@test.local`;
    const { user, apiKey } = await auth.createUser({
      organisationId,
      email,
      role,
      actorIds: options.actorIds,
    });
    return { user, apiKey, organisationId };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** The worker process's composition root (WorkerModule) running in-process, with real BullMQ workers. */
export class TestWorker {
  private constructor(readonly context: INestApplicationContext) {}

  static async start(): Promise<TestWorker> {
    // Loaded on demand: suites without a worker (and test/schema, which sets the schema path before
    // the API modules load) keep importing only the API.
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    return new TestWorker(
      await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] }),
    );
  }

  /** A provider of the worker's context (a job handler, a repository...). */
  get<T>(token: Type<T>): T {
    return this.context.get(token);
  }

  async close(): Promise<void> {
    // JobWorkerService gives BullMQ ioredis clients it created, and Worker.close() leaves such
    // "shared" clients open, so jest would never exit: disconnect them (fix belongs in libs/jobs).
    const workers = (this.context.get(JobWorkerService) as unknown as { workers: Worker[] }).workers;
    await this.context.close();
    await Promise.all(workers.map((w) => w.disconnect()));
  }
}

/** Calls `fn` until `ok` accepts its value or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    last = await fn();
  }
  return last;
}

/** A job run (scoring, schedule, import) is finished once SUCCEEDED or FAILED. */
export const finished = (status: string | undefined): boolean =>
  status === 'SUCCEEDED' || status === 'FAILED';

/** An unordered pair (or table) of participants as one comparable key. */
export const pairKey = (ids: string[]): string => [...ids].sort().join('+');

/** The sorted pair keys of a schedule round's meetings. */
export const roundKeys = (round: { meetings: { participantIds: string[] }[] }): string[] =>
  round.meetings.map((m) => pairKey(m.participantIds)).sort();
