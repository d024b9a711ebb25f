import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { CommonErrorReason, GraphqlErrorCode } from './common-errors';
import { DomainError, ErrorCode } from './domain-errors';
import { unavailableStore } from './store-errors';

const logger = new Logger('GraphQLErrors');

/** Each domain code to its `extensions.code` (exhaustive: a new ErrorCode does not compile without one). */
const GRAPHQL_CODE_OF: Record<ErrorCode, GraphqlErrorCode> = {
  [ErrorCode.BAD_USER_INPUT]: 'BAD_USER_INPUT',
  [ErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [ErrorCode.FORBIDDEN]: 'FORBIDDEN',
  [ErrorCode.UNAUTHENTICATED]: 'UNAUTHENTICATED',
  [ErrorCode.CONFLICT]: 'CONFLICT',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
  [ErrorCode.RATE_LIMITED]: 'RATE_LIMITED',
  [ErrorCode.QUERY_TOO_COMPLEX]: 'QUERY_TOO_COMPLEX',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [ErrorCode.BAD_REQUEST]: 'BAD_REQUEST',
};

/** Codes GraphQL/Apollo itself produces for malformed requests; they describe the caller's input. */
const INPUT_CODES: Readonly<Record<string, CommonErrorReason>> = {
  GRAPHQL_VALIDATION_FAILED: 'graphql_validation_failed',
  BAD_USER_INPUT: 'invalid_value',
  GRAPHQL_PARSE_FAILED: 'graphql_parse_failed',
  OPERATION_RESOLUTION_FAILURE: 'operation_resolution_failure',
};

/** HTTP exceptions of Nest (a guard refusing, an HttpException) that reach GraphQL. */
const HTTP_STATUS_CODES: Readonly<Record<number, GraphqlErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
};

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
        code: GRAPHQL_CODE_OF[original.code],
        ...(original.details.field ? { field: original.details.field } : {}),
        ...(original.details.reason ? { reason: original.details.reason } : {}),
        ...(original.details.problems ? { problems: original.details.problems } : {}),
      },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (REQUEST_CODES.has(code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const reason =
      code === ErrorCode.BAD_REQUEST ? { reason: 'malformed_request' satisfies CommonErrorReason } : {};
    return { message: formatted.message, extensions: { ...reason, ...extensions, code } };
  }
  const inputReason = Object.hasOwn(INPUT_CODES, code) ? INPUT_CODES[code] : undefined;
  if (inputReason) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: GRAPHQL_CODE_OF[ErrorCode.BAD_USER_INPUT],
        reason: inputReason,
      },
    };
  }
  const status = (original as { status?: number } | undefined)?.status;
  const httpCode = status === undefined ? undefined : HTTP_STATUS_CODES[status];
  if (httpCode) {
    return {
      message: (original as Error).message,
      path: formatted.path,
      extensions: { code: httpCode },
    };
  }
  const store = unavailableStore(original);
  if (store) {
    // Expected during an outage: the error's kind only (driver messages may echo parameters).
    logger.warn(`${store} unavailable at ${formatted.path?.join('.') ?? '?'}: ${(original as Error).name}`);
    return {
      message: 'A data store is temporarily unavailable: the request did not complete, please retry shortly',
      path: formatted.path,
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        reason: `${store}_unavailable` satisfies CommonErrorReason,
        retryable: true,
      },
    };
  }
  logger.error(`Unexpected error at ${formatted.path?.join('.') ?? '?'}: ${describe(original)}`);
  return {
    message: 'Internal error: the server could not complete this request',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies GraphqlErrorCode },
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

/** The error's kind, code and frames: never its message (a driver's message may echo parameters). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}\n${frames}`;
}
