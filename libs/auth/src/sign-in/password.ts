import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (node:crypto, per-user random salt), so the cost
 * can be raised later without breaking stored hashes. N=2^15, r=8 costs ~32 MB and ~60-100 ms.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * N * R * 2;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p)).catch(
    () => null, // cost parameters scrypt refuses
  );
  return !!key && key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Verified against when the e-mail is unknown or has no password, so that the answer takes as long
 * as for a known e-mail with a wrong password (no account enumeration by timing).
 */
export const DECOY_PASSWORD_HASH = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  email: string,
): 'password_too_short' | 'password_too_long' | 'password_is_email' | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'password_is_email';
  return null;
}

/** A random password for bootstrap accounts (the demo admin): 24 characters of base64url. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
