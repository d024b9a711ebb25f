import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@maillage/common';

/**
 * A refusal made before GraphQL runs (body, content type, rate limit), in the GraphQL response shape
 * so clients read `errors[0].extensions.code` as for any other error. No stack, no echo of the input.
 */
export function sendRequestError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/** The request as the Express adapter hands it to middleware (body and ip are Express's). */
export type HttpRequest = IncomingMessage & { body?: unknown; ip?: string };
export type Next = (err?: unknown) => void;
export type Middleware = (req: HttpRequest, res: ServerResponse, next: Next) => void;
