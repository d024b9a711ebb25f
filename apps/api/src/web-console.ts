import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';

/** The parts of Express's request and response the fallback uses (@types/express is not installed). */
interface PageRequest {
  method: string;
  path: string;
  accepts(type: string): string | false;
}
interface PageResponse {
  set(headers: Record<string, string>): void;
  send(body: Buffer): void;
}

/** Paths the console never answers: the API's own routes keep their 404s and methods. */
const API_PATHS = /^\/(graphql|health|metrics)(\/|$)/;

/** The console's security headers: scripts and connections from this origin only. Mantine sets
 * inline style attributes, hence 'unsafe-inline' for styles (never for scripts). */
const CONSOLE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** dist/web, built by `npm run build:web` (Vite), seen from the compiled API (dist/apps/api/src)
 * or from its TypeScript sources (apps/api/src, in the end-to-end tests). */
export function webConsoleDir(): string | null {
  const candidates = [
    process.env.WEB_CONSOLE_DIR,
    path.resolve(__dirname, '..', '..', '..', 'web'),
    path.resolve(__dirname, '..', '..', '..', 'dist', 'web'),
  ].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(path.join(d, 'index.html'))) ?? null;
}

/**
 * Serves the web console on the API's origin (no CORS, the session cookie stays SameSite=Strict):
 * hashed assets with a long cache, and index.html for every other GET that asks for a page, so the
 * console's client-side routes (/events/…, /screen/…) survive a reload. /graphql and /health* are
 * never shadowed. Returns false when the console is not built (the API still runs).
 */
export function serveWebConsole(app: NestExpressApplication, dir = webConsoleDir()): boolean {
  if (!dir) return false;
  const indexHtml = readFileSync(path.join(dir, 'index.html'));
  // gzip for the console's files only (the first load is ~180 KB compressed instead of ~600 KB);
  // GraphQL answers stay as the API sends them.
  const compress = compression();
  app.use((req: PageRequest, res: PageResponse, next: () => void) =>
    API_PATHS.test(req.path) ? next() : compress(req as never, res as never, next),
  );
  app.useStaticAssets(path.join(dir, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '1y',
    index: false,
    fallthrough: false,
  });
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    res.set({ ...CONSOLE_HEADERS, 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' });
    res.send(indexHtml);
  });
  return true;
}
