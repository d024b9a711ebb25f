import { Role } from '@maillage/auth';
import { TestApi } from './support/api';

describe('authentication and accounts (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => api.close());

  it('reports Neo4j, PostgreSQL and Redis health', async () => {
    const res = await fetch(`${api.url}/health`);
    const body = (await res.json()) as { status: string; info: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.info).sort()).toEqual(['neo4j', 'postgresql', 'redis']);
  });

  it('treats callers without credentials as anonymous', async () => {
    const res = await api.gql('{ me { authenticated user { id } } }');
    expect(res.data).toEqual({ me: { authenticated: false, user: null } });
  });

  it('rejects an unknown API key with UNAUTHENTICATED', async () => {
    const res = await api.gql('{ me { authenticated } }', {}, 'mk_this-key-does-not-exist-anywhere');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lets an admin create a user whose key then works, and exchange it for a token', async () => {
    const admin = await api.user(Role.ADMIN);
    const created = await api.gql<{ createUser: { user: { id: string; role: string }; apiKey: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id role } apiKey } }`,
      {
        input: {
          organisationId: admin.organisationId,
          email: `viewer-${Date.now()}@test.local`,
          role: 'VIEWER',
        },
      },
      admin.apiKey,
    );
    expect(created.errors).toBeUndefined();
    const key = created.data!.createUser.apiKey;
    const me = await api.gql<{ me: { user: { role: string } } }>(
      '{ me { authenticated user { role } } }',
      {},
      key,
    );
    expect(me.data?.me.user.role).toBe('VIEWER');

    const token = await api.gql<{ issueToken: { token: string } }>(
      'mutation { issueToken { token } }',
      {},
      key,
    );
    const viaToken = await api.gql<{ me: { user: { id: string } } }>(
      '{ me { user { id } } }',
      {},
      token.data!.issueToken.token,
    );
    expect(viaToken.data?.me.user.id).toBe(created.data!.createUser.user.id);
  });

  it('forbids a viewer from creating users', async () => {
    const viewer = await api.user(Role.VIEWER);
    const res = await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { apiKey } }`,
      { input: { organisationId: viewer.organisationId, email: 'x@test.local', role: 'ADMIN' } },
      viewer.apiKey,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reports invalid input with the field path and a reason', async () => {
    const admin = await api.user(Role.ADMIN);
    const res = await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { apiKey } }`,
      { input: { organisationId: admin.organisationId, email: 'not-an-email', role: 'VIEWER' } },
      admin.apiKey,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'email'],
      reason: 'isEmail',
    });
  });

  it('maps an unknown enum value to BAD_USER_INPUT', async () => {
    const admin = await api.user(Role.ADMIN);
    const res = await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { apiKey } }`,
      { input: { organisationId: admin.organisationId, email: 'a@b.fr', role: 'EMPEROR' } },
      admin.apiKey,
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/EMPEROR/);
  });
});
