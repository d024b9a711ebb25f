import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mk_';

/** A new API key: shown once to its owner; only its hash is stored. */
export function newApiKey(): { key: string; hash: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

/** SHA-256 (hex) of a random secret: API keys, session tokens, invitation tokens are stored so. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const hashApiKey = hashSecret;

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > 20;
}
