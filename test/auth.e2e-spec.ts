import { JwtService } from '@nestjs/jwt';
import { Role, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@maillage/auth';
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

  describe('tokens and keys', () => {
    const ME = '{ me { authenticated user { id role } } }';
    const ISSUE = 'mutation { issueToken { token expiresInSeconds } }';
    const KEYS = '{ apiKeys { id label revokedAt } }';
    const tokenOf = async (key: string) =>
      (await api.ok<{ issueToken: { token: string; expiresInSeconds: number } }>(ISSUE, {}, key)).issueToken;
    const code = async (credential: string) =>
      (await api.gql(ME, {}, credential)).errors?.[0]?.extensions?.code;
    const jwt = new JwtService();
    const secret = () => process.env.AUTH_TOKEN_SECRET as string;

    it('mints a token from an API key, never from another token', async () => {
      const viewer = await api.user(Role.VIEWER);
      const { token, expiresInSeconds } = await tokenOf(viewer.apiKey);
      expect(expiresInSeconds).toBeLessThanOrEqual(86_400);
      const again = await api.gql(ISSUE, {}, token);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'token_from_token' });
    });

    it('accepts HS256 tokens of this issuer and audience only, and reads the role from the database', async () => {
      const viewer = await api.user(Role.VIEWER);
      const [key] = (await api.ok<{ apiKeys: { id: string }[] }>(KEYS, {}, viewer.apiKey)).apiKeys;
      const claims = { sub: viewer.user.id, kid: key.id };
      const base = { secret: secret(), issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 600 };
      expect(await code(await jwt.signAsync(claims, base))).toBeUndefined();
      // A forged role claim is ignored: the user is still a viewer.
      const forged = await jwt.signAsync({ ...claims, role: 'ADMIN', org: 'x' }, base);
      const me = await api.ok<{ me: { user: { role: string } } }>(ME, {}, forged);
      expect(me.me.user.role).toBe('VIEWER');
      const unsigned = [{ alg: 'none', typ: 'JWT' }, claims]
        .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
        .join('.');
      for (const bad of [
        await jwt.signAsync(claims, { ...base, algorithm: 'HS512' }),
        await jwt.signAsync(claims, { ...base, issuer: 'someone-else' }),
        await jwt.signAsync(claims, { ...base, audience: 'another-api' }),
        await jwt.signAsync(claims, { ...base, secret: `${secret()}-not-it` }),
        `${unsigned}.`,
      ]) {
        expect(await code(bad)).toBe('UNAUTHENTICATED');
      }
      // Older than the maximum lifetime: refused even if its own expiry says otherwise.
      const old = await jwt.signAsync(
        { ...claims, iat: Math.floor(Date.now() / 1000) - 2 * 86_400 },
        { ...base, expiresIn: 3 * 86_400 },
      );
      expect(await code(old)).toBe('UNAUTHENTICATED');
    });

    it('revokes a key and the tokens minted from it; rotates a key', async () => {
      const viewer = await api.user(Role.VIEWER);
      const created = await api.ok<{ createApiKey: { key: { id: string }; apiKey: string } }>(
        'mutation { createApiKey(label: "laptop") { key { id } apiKey } }',
        {},
        viewer.apiKey,
      );
      const second = created.createApiKey.apiKey;
      const { token } = await tokenOf(second);
      expect(await code(token)).toBeUndefined();
      const revoked = await api.ok<{ revokeApiKey: { revokedAt: string | null } }>(
        'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
        { id: created.createApiKey.key.id },
        viewer.apiKey,
      );
      expect(revoked.revokeApiKey.revokedAt).not.toBeNull();
      expect(await code(second)).toBe('UNAUTHENTICATED');
      expect(await code(token)).toBe('UNAUTHENTICATED');
      expect(await code(viewer.apiKey)).toBeUndefined();

      // Another user's key answers like an unknown one.
      const other = await api.user(Role.VIEWER);
      const [first] = (await api.ok<{ apiKeys: { id: string }[] }>(KEYS, {}, viewer.apiKey)).apiKeys;
      const foreign = await api.gql(
        'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        { id: first.id },
        other.apiKey,
      );
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      const rotated = await api.ok<{ rotateApiKey: { apiKey: string } }>(
        'mutation($id: ID!) { rotateApiKey(id: $id) { apiKey key { label } } }',
        { id: first.id },
        viewer.apiKey,
      );
      expect(await code(viewer.apiKey)).toBe('UNAUTHENTICATED');
      expect(await code(rotated.rotateApiKey.apiKey)).toBeUndefined();
    });

    it('lets an admin disable a user: its keys and tokens are refused', async () => {
      const admin = await api.user(Role.ADMIN);
      const viewer = await api.user(Role.VIEWER);
      const { token } = await tokenOf(viewer.apiKey);
      const forbidden = await api.gql(
        'mutation($id: ID!) { disableUser(id: $id) { id } }',
        { id: admin.user.id },
        viewer.apiKey,
      );
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const disabled = await api.ok<{ disableUser: { disabled: boolean } }>(
        'mutation($id: ID!) { disableUser(id: $id) { disabled } }',
        { id: viewer.user.id },
        admin.apiKey,
      );
      expect(disabled.disableUser.disabled).toBe(true);
      expect(await code(viewer.apiKey)).toBe('UNAUTHENTICATED');
      expect(await code(token)).toBe('UNAUTHENTICATED');
      await api.ok(
        'mutation($id: ID!) { disableUser(id: $id, disabled: false) { id } }',
        { id: viewer.user.id },
        admin.apiKey,
      );
      expect(await code(viewer.apiKey)).toBeUndefined();
    });
  });
});
