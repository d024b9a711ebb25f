import { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { AuthService, OrganisationKind, Role } from '@maillage/auth';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
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
