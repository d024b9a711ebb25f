import { Role } from '@maillage/auth';
import { TestApi } from './support/api';

interface ErrorBody {
  errors: { message: string; extensions?: Record<string, unknown> }[];
}
const json = async (res: Response) => (await res.json()) as ErrorBody;

const post = (api: TestApi, body: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('abuse limits (e2e)', () => {
  let api: TestApi;
  let organiserKey: string;
  beforeAll(async () => {
    api = await TestApi.start();
    organiserKey = (await api.user(Role.ORGANISER)).apiKey;
  });
  afterAll(async () => api.close());

  it('refuses 30 aliased localCauses at once, before running any, with the limit', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `c${i}: localCauses(actorId: "act_x") { score }`);
    const started = Date.now();
    const res = await api.gql(`{ ${fields.join(' ')} }`, {}, organiserKey);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max_aliases',
      limit: 15,
      found: 30,
    });
    expect(elapsed).toBeLessThan(1000);
  });

  it('prices the live computations: five localCauses are over the cost limit', async () => {
    const fields = Array.from({ length: 5 }, (_, i) => `c${i}: localCauses(actorId: "act_x") { score }`);
    const res = await api.gql(`{ ${fields.join(' ')} }`, {}, organiserKey);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max_cost',
      limit: 1000,
    });
    expect(res.errors?.[0].extensions?.found).toBeGreaterThan(1000);
  });

  it('refuses a query deeper than the limit and one with too many tokens', async () => {
    // Introspection types are the schema's recursive ones: 12 levels of `ofType`.
    const deep = `{ __type(name: "Query") { fields { type ${'{ ofType '.repeat(10)}{ name }${' }'.repeat(10)} } } }`;
    const res = await api.gql(deep);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max_depth',
      limit: 10,
    });
    const long = await api.gql(`{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`);
    expect(long.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max_tokens',
      limit: 2000,
    });
  });

  it('caps bodies at 1 MB with a 413, except the CSV import mutations', async () => {
    const big = 'x'.repeat(1100 * 1024);
    const res = await post(
      api,
      JSON.stringify({ query: '{ me { authenticated } }', variables: { pad: big } }),
    );
    expect(res.status).toBe(413);
    expect((await json(res)).errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limitBytes: 1024 * 1024,
    });
    // The same size as a CSV import reaches the resolver, whose own 1 MB / 20 MB caps apply.
    const csv = `external_id,name,kind\n${'x'.repeat(1100 * 1024)}`;
    const imported = await api.gql(
      `mutation($csv: String!) { importActorsCsv(csv: $csv) { totalRows } }`,
      { csv },
      organiserKey,
    );
    expect(imported.status).toBe(200);
    expect(imported.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'too_large_for_sync',
    });
    // The cap is chosen from the `query` member at the start of the body: variables first is refused.
    const reordered = await post(
      api,
      JSON.stringify({
        variables: { csv },
        query: `mutation($csv: String!) { importActorsCsv(csv: $csv) { totalRows } }`,
      }),
      { authorization: `Bearer ${organiserKey}` },
    );
    expect(reordered.status).toBe(413);
    expect((await json(reordered)).errors[0].message).toMatch(/query.*first/);
    // Over the CSV cap: refused from the declared length.
    const huge = await post(
      api,
      JSON.stringify({
        query: 'mutation { importActorsCsv(csv: "") { totalRows } }',
        pad: 'y'.repeat(22 * 1024 * 1024),
      }),
    );
    expect(huge.status).toBe(413);
  });

  it('answers malformed requests with 400 BAD_REQUEST and a reason', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['{ me { authenticated } }', { 'content-type': 'text/plain' }, 'unsupported_content_type'],
      ['{"query": ', {}, 'invalid_json'],
      [JSON.stringify({ query: '{ me { authenticated } }', variables: 'x' }), {}, 'malformed_request'],
      [JSON.stringify({ query: '{ me { authenticated } }', variables: [1] }), {}, 'malformed_request'],
      [JSON.stringify({ query: '' }), {}, 'malformed_request'],
      [JSON.stringify({}), {}, 'malformed_request'],
      [JSON.stringify({ query: 42 }), {}, 'malformed_request'],
      ['[]', {}, 'malformed_request'],
      ['null', {}, 'malformed_request'],
    ];
    for (const [body, headers, reason] of cases) {
      const res = await post(api, body, headers);
      const answer = await json(res);
      expect({ body, status: res.status, ext: answer.errors?.[0]?.extensions }).toMatchObject({
        body,
        status: 400,
        ext: { code: 'BAD_REQUEST', reason },
      });
    }
  });
});

describe('rate limits and production settings (e2e)', () => {
  it('answers RATE_LIMITED with the limit and a retry-after, per IP and per key', async () => {
    const limited = await TestApi.startWith({
      RATE_LIMIT_PER_IP: '6',
      RATE_LIMIT_PER_KEY: '3',
      REDIS_PREFIX: `rl-${Date.now()}`,
    });
    try {
      const { apiKey } = await limited.user(Role.VIEWER);
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.gql('{ me { authenticated } }', {}, apiKey);
        codes.push(res.errors?.[0]?.extensions?.code as string | undefined);
      }
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
      const res = await post(limited, JSON.stringify({ query: '{ me { authenticated } }' }));
      expect(res.status).toBe(200); // the IP has used 4 of 6
      await post(limited, JSON.stringify({ query: '{ me { authenticated } }' }));
      const refused = await post(limited, JSON.stringify({ query: '{ me { authenticated } }' }));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await json(refused)).errors[0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        scope: 'ip',
        limit: 6,
        windowSeconds: 60,
        retryAfterSeconds: expect.any(Number),
      });
    } finally {
      await limited.close();
    }
  });

  it('turns introspection off in production', async () => {
    const prod = await TestApi.startWith({ NODE_ENV: 'production' });
    try {
      const res = await prod.gql('{ __schema { queryType { name } } }');
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.data).toBeUndefined();
      const landing = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(landing.status).toBeGreaterThanOrEqual(400);
    } finally {
      await prod.close();
    }
  });
});
