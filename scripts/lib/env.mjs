// Defaults shared by `npm start` and `npm test`: the machine's own PostgreSQL and Redis.
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/maillage';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function withDatabase(databaseUrl, name) {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
