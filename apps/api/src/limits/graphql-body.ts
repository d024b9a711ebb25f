import type { ServerResponse } from 'node:http';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { ErrorCode } from '@maillage/common';
import { countTokens, queryTooComplex } from './query-limits';
import { HttpRequest, Middleware, Next, sendRequestError } from './request-errors';

/** The mutations that carry a CSV file in the request and keep their documented caps (docs/csv-import.md). */
export const CSV_MUTATIONS = new Set(['importActorsCsv', 'startActorsCsvImport']);

export interface BodyLimits {
  /** Every request but the CSV mutations. */
  defaultBytes: number;
  /** A request whose operations only call CSV_MUTATIONS. */
  csvBytes: number;
  /** Lexical tokens in the query, counted before it is parsed. */
  maxTokens: number;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** True when every operation of the document is a mutation selecting only CSV import fields. */
export function isCsvOnlyDocument(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const doc = parse(query, { maxTokens: 500 });
    return doc.definitions.every(
      (d) =>
        d.kind === Kind.OPERATION_DEFINITION &&
        d.operation === OperationTypeNode.MUTATION &&
        d.selectionSet.selections.every(
          (s) => s.kind === Kind.FIELD && (CSV_MUTATIONS.has(s.name.value) || s.name.value === '__typename'),
        ),
    );
  } catch {
    return false;
  }
}

/** The `query` member read from the start of a JSON body, before the rest has arrived. */
export function queryInPrefix(prefix: string): string | undefined {
  const match = /"query"\s*:\s*("(?:[^"\\]|\\.)*")/s.exec(prefix);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as string;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads and parses GraphQL POST bodies instead of Nest's JSON parser, so that the cap depends on the
 * operation: `defaultBytes` for every request, `csvBytes` for the CSV import mutations. The decision
 * is made as soon as a body goes over `defaultBytes`, from the `query` member at its start (clients
 * send `{"query": …, "variables": …}`), then checked again on the whole body. Refusals: 413
 * PAYLOAD_TOO_LARGE with `limitBytes`; 400 BAD_REQUEST for a non-JSON content type or invalid JSON.
 */
export function graphqlBody(limits: BodyLimits): Middleware {
  return (req: HttpRequest, res: ServerResponse, next: Next) => {
    if (req.method !== 'POST') {
      req.body ??= {};
      return next();
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!JSON_TYPE.test(type.trim())) {
      req.resume();
      return sendRequestError(
        res,
        400,
        ErrorCode.BAD_REQUEST,
        'A GraphQL request is a POST with Content-Type: application/json (UTF-8)',
        { reason: 'unsupported_content_type' },
      );
    }
    const tooLarge = (limit: number) => {
      res.setHeader('Connection', 'close');
      sendRequestError(
        res,
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `Request body over ${mb(limit)}` +
          (limit === limits.defaultBytes
            ? ` (only ${[...CSV_MUTATIONS].join(' and ')} take up to ${mb(limits.csvBytes)}, ` +
              'with the query member first in the JSON body)'
            : ''),
        { reason: 'body_too_large', limitBytes: limit },
      );
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.csvBytes) {
      req.resume();
      return tooLarge(limits.csvBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let limit = limits.defaultBytes;
    let refused = false;
    let drained = 0;
    req.on('data', (chunk: Buffer) => {
      if (refused) {
        // Keep reading (without keeping) so the client gets the answer, up to the larger cap.
        drained += chunk.length;
        if (drained > limits.csvBytes) req.destroy();
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      if (limit === limits.defaultBytes && limit < limits.csvBytes) {
        const query = queryInPrefix(Buffer.concat(chunks).toString('utf8'));
        if (isCsvOnlyDocument(query)) limit = limits.csvBytes;
      }
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        tooLarge(limit);
      }
    });
    req.on('error', () => {
      if (!refused)
        sendRequestError(res, 400, ErrorCode.BAD_REQUEST, 'Request body not received', {
          reason: 'body_aborted',
        });
      refused = true;
    });
    req.on('end', () => {
      if (refused) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch {
        return sendRequestError(res, 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON', {
          reason: 'invalid_json',
        });
      }
      if (size > limits.defaultBytes && !isCsvOnlyDocument((body as { query?: unknown } | null)?.query)) {
        return tooLarge(limits.defaultBytes);
      }
      const query = (body as { query?: unknown } | null)?.query;
      const tokens = typeof query === 'string' ? countTokens(query, limits.maxTokens) : 0;
      if (tokens > limits.maxTokens) {
        const { message, extensions } = queryTooComplex('max_tokens', limits.maxTokens, tokens);
        const { http: _http, ...rest } = extensions;
        return sendRequestError(res, 400, ErrorCode.QUERY_TOO_COMPLEX, message, rest);
      }
      req.body = body;
      next();
    });
  };
}
