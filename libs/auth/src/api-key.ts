import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mk_';

/** A new API key: shown once to its owner; only its hash is stored. */
export function newApiKey(): { key: string; hash: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > 20;
}
