import { parseEnv } from './env.schema';

const valid = {
  NEO4J_URI: 'bolt://127.0.0.1:7687',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/maillage',
  AUTH_TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-bytes',
};

describe('parseEnv', () => {
  it('applies defaults', () => {
    const config = parseEnv(valid);
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('refuses a token secret shorter than 32 bytes and a token lifetime over a day', () => {
    expect(() => parseEnv({ ...valid, AUTH_TOKEN_SECRET: 'x'.repeat(31) })).toThrow(/AUTH_TOKEN_SECRET/);
    expect(() => parseEnv({ ...valid, AUTH_TOKEN_TTL_SECONDS: '86401' })).toThrow(/AUTH_TOKEN_TTL_SECONDS/);
    expect(parseEnv({ ...valid, AUTH_TOKEN_SECRET: 'x'.repeat(32) }).AUTH_TOKEN_SECRET).toHaveLength(32);
  });

  it('reads TRUST_PROXY as off, a hop count, true or a list of proxies', () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ ...valid, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe(
      'loopback, 10.0.0.0/8',
    );
  });

  it('names every invalid variable', () => {
    expect(() => parseEnv({ ...valid, NEO4J_URI: 'http://x', PORT: 'abc' })).toThrow(
      /NEO4J_URI[\s\S]*PORT|PORT[\s\S]*NEO4J_URI/,
    );
  });
});
