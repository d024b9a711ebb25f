import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-errors';

const logger = new Logger('GraphQLErrors');

/** Codes GraphQL/Apollo itself produces for malformed requests; they describe the caller's input. */
const INPUT_CODES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Refusals made before execution (limits, malformed HTTP requests) keep their code and figures. */
const REQUEST_CODES = new Set<string>([
  ErrorCode.BAD_REQUEST,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.RATE_LIMITED,
  ErrorCode.PAYLOAD_TOO_LARGE,
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * One place that maps every error to a client-facing shape: a code, the field path and a reason.
 * Stack traces never leave the server; unexpected errors are logged and reported generically.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.details.field ? { field: original.details.field } : {}),
        ...(original.details.reason ? { reason: original.details.reason } : {}),
        ...(original.details.problems ? { problems: original.details.problems } : {}),
      },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (REQUEST_CODES.has(code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const reason = code === ErrorCode.BAD_REQUEST ? { reason: 'malformed_request' } : {};
    return { message: formatted.message, extensions: { ...reason, ...extensions, code } };
  }
  if (INPUT_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        reason: code === 'BAD_USER_INPUT' ? 'invalid_value' : code.toLowerCase(),
      },
    };
  }
  const status = (original as { status?: number } | undefined)?.status;
  if (status === 401 || status === 403) {
    return {
      message: (original as Error).message,
      path: formatted.path,
      extensions: { code: status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN },
    };
  }
  logger.error(`Unexpected error at ${formatted.path?.join('.') ?? '?'}: ${describe(original)}`);
  return {
    message: 'Internal error: the server could not complete this request',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  for (
    let i = 0;
    i < 5 && current && typeof current === 'object' && 'originalError' in current && current.originalError;
    i++
  ) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}
