import { parse } from 'cookie';

/** The browser session cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS). */
export const SESSION_COOKIE = 'maillage_session';
/** Cookie-authenticated POSTs must carry this header with value `1` (CSRF: a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-maillage-csrf';

/** What the session helpers need of a request and a response (Express's, in the API). */
export interface CookieRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  secure?: boolean;
}
export interface CookieResponse {
  cookie(name: string, value: string, options: Record<string, unknown>): unknown;
  clearCookie(name: string, options: Record<string, unknown>): unknown;
}

/** The session token of the request's cookie, if any. */
export function sessionCookieOf(req: CookieRequest): string | undefined {
  const header = req.headers.cookie;
  const value = Array.isArray(header) ? header.join('; ') : header;
  if (!value) return undefined;
  const token = parse(value)[SESSION_COOKIE];
  return token || undefined;
}

export type CookieSecurity = 'auto' | 'always' | 'never';

function options(req: CookieRequest, secure: CookieSecurity) {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure === 'always' || (secure === 'auto' && req.secure === true),
  };
}

export function setSessionCookie(
  req: CookieRequest,
  res: CookieResponse,
  token: string,
  maxAgeSeconds: number,
  secure: CookieSecurity,
): void {
  res.cookie(SESSION_COOKIE, token, { ...options(req, secure), maxAge: maxAgeSeconds * 1000 });
}

export function clearSessionCookie(req: CookieRequest, res: CookieResponse, secure: CookieSecurity): void {
  res.clearCookie(SESSION_COOKIE, options(req, secure));
}
