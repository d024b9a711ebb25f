import { ErrorCode } from './domain-errors';
import { ReasonOf, defineErrorReasons } from './error-reasons';

const {
  BAD_USER_INPUT,
  SERVICE_UNAVAILABLE,
  BAD_REQUEST,
  QUERY_TOO_COMPLEX,
  RATE_LIMITED,
  PAYLOAD_TOO_LARGE,
} = ErrorCode;

/** Every `extensions.code` a client can receive, with its meaning (docs/errors.md). */
export const GRAPHQL_ERROR_CODES = {
  BAD_USER_INPUT:
    'The request or one of its values is wrong: fix it before retrying (see `reason` and `field`).',
  NOT_FOUND: 'The object does not exist, or the caller may not see it (the two are not told apart).',
  FORBIDDEN: 'The caller is known but may not do this.',
  UNAUTHENTICATED: 'The credential is missing where one is required, unknown, revoked or expired.',
  CONFLICT: 'The request is valid but clashes with the current state (status, uniqueness, concurrent edit).',
  SERVICE_UNAVAILABLE:
    'A store (Neo4j, PostgreSQL) is unreachable right now; nothing was half-written. Retry in a few seconds (`retryable: true`).',
  RATE_LIMITED:
    'Too many requests for this IP address or credential (HTTP 429); `retryAfterSeconds` and the `Retry-After` header say when to retry.',
  QUERY_TOO_COMPLEX:
    'The query is over a limit (cost, depth, aliases, tokens) and was not run; `limit` and `found` give the figures.',
  PAYLOAD_TOO_LARGE: 'The request body is over its cap (HTTP 413); `limitBytes` gives the cap.',
  BAD_REQUEST:
    'Not a GraphQL request (HTTP 400): wrong content type, invalid JSON, no query, variables not an object.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; the server logged it. No reason, no stack trace.',
} as const satisfies Record<ErrorCode | 'INTERNAL_SERVER_ERROR', string>;

export type GraphqlErrorCode = keyof typeof GRAPHQL_ERROR_CODES;

/** Reasons of the request itself (GraphQL layer, paging), shared by every domain. */
export const COMMON_ERRORS = defineErrorReasons('Request (GraphQL layer, paging)', {
  invalid_value: {
    codes: [BAD_USER_INPUT],
    meaning:
      'A variable or argument does not match its GraphQL type (wrong type, missing, unknown enum value).',
  },
  graphql_validation_failed: {
    codes: [BAD_USER_INPUT],
    meaning: 'The query does not validate against the schema (unknown field, missing argument).',
  },
  graphql_parse_failed: { codes: [BAD_USER_INPUT], meaning: 'The query is not valid GraphQL syntax.' },
  invalid_cursor: {
    codes: [BAD_USER_INPUT],
    field: 'after',
    meaning: 'The cursor was not produced by this API (cursors are opaque).',
  },
  page_size: { codes: [BAD_USER_INPUT], field: 'first', meaning: 'The page size is outside 1 to 100.' },
  operation_resolution_failure: {
    codes: [BAD_USER_INPUT],
    meaning: 'The document holds several operations and `operationName` does not name one of them.',
  },
  malformed_request: {
    codes: [BAD_REQUEST],
    meaning: 'The HTTP request is not a GraphQL request (missing or empty query, variables not an object).',
  },
  unsupported_content_type: { codes: [BAD_REQUEST], meaning: 'The body is not `application/json`.' },
  invalid_json: { codes: [BAD_REQUEST], meaning: 'The body is not valid JSON.' },
  body_aborted: { codes: [BAD_REQUEST], meaning: 'The client stopped sending the body.' },
  body_too_large: {
    codes: [PAYLOAD_TOO_LARGE],
    meaning: 'The body is over 1 MiB (21 MiB for the CSV import mutations).',
  },
  max_tokens: { codes: [QUERY_TOO_COMPLEX], meaning: 'The query has more than 2,000 tokens.' },
  max_depth: { codes: [QUERY_TOO_COMPLEX], meaning: 'The query is nested deeper than 10 levels.' },
  max_aliases: { codes: [QUERY_TOO_COMPLEX], meaning: 'The query uses more than 15 aliases.' },
  max_cost: {
    codes: [QUERY_TOO_COMPLEX],
    meaning: 'The query costs more than 1,000 points (expensive fields cost more, see docs/SECURITY.md).',
  },
  ip_rate_limit: { codes: [RATE_LIMITED], meaning: 'Too many requests from this IP address in the window.' },
  key_rate_limit: { codes: [RATE_LIMITED], meaning: 'Too many requests with this credential in the window.' },
  neo4j_unavailable: {
    codes: [SERVICE_UNAVAILABLE],
    meaning: 'The graph database is unreachable; retry in a few seconds.',
  },
  postgresql_unavailable: {
    codes: [SERVICE_UNAVAILABLE],
    meaning: 'The relational database is unreachable; retry in a few seconds.',
  },
  redis_unavailable: {
    codes: [SERVICE_UNAVAILABLE],
    meaning: 'The queue store is unreachable and the request needed it; retry in a few seconds.',
  },
});
export type CommonErrorReason = ReasonOf<typeof COMMON_ERRORS>;

/** File-level refusals of the CSV reading pipeline (readCsvTable): the whole file is refused. */
export const CSV_FILE_ERRORS = defineErrorReasons('CSV files (actor and registration imports)', {
  empty_file: { codes: [BAD_USER_INPUT], field: 'csv', meaning: 'The file is empty.' },
  invalid_csv: {
    codes: [BAD_USER_INPUT],
    field: 'csv',
    meaning: 'The file cannot be read as CSV (unclosed quote, stray quote, row too long, wrong cell count).',
  },
  duplicate_column: {
    codes: [BAD_USER_INPUT],
    field: 'csv',
    meaning: 'A column appears twice in the header.',
  },
  missing_column: {
    codes: [BAD_USER_INPUT],
    field: 'csv',
    meaning: 'A required column is missing from the header (or the first row is not a header).',
  },
  unknown_column: {
    codes: [BAD_USER_INPUT],
    field: 'csv.<header>',
    meaning: 'A header matches no known column (imports that refuse unknown columns).',
  },
  too_large: { codes: [BAD_USER_INPUT], field: 'csv', meaning: 'The file is over the size limit.' },
  too_many_rows: { codes: [BAD_USER_INPUT], field: 'csv', meaning: 'The file has more rows than allowed.' },
});
export type CsvFileReason = ReasonOf<typeof CSV_FILE_ERRORS>;

const invalid = (meaning: string) =>
  ({ codes: [BAD_USER_INPUT], field: 'input.<property>', meaning }) as const;

/**
 * Input validation (InputValidationPipe): the reason is the class-validator constraint that failed,
 * for the top-level error and each of `problems`. Constraints of a domain's own validators (e.g.
 * isSiren) are declared by that domain; test/error-catalogue.spec.ts checks every constraint in use
 * is declared somewhere.
 */
export const VALIDATION_ERRORS = defineErrorReasons('Input validation (every mutation and query argument)', {
  isString: invalid('Must be a string.'),
  isBoolean: invalid('Must be a boolean.'),
  isInt: invalid('Must be an integer.'),
  isNumber: invalid('Must be a number.'),
  isDate: invalid('Must be a date.'),
  isEmail: invalid('Must be an email address.'),
  isEnum: invalid('Must be one of the enum values.'),
  isIn: invalid('Must be one of the allowed values.'),
  isUuid: invalid('Must be a UUID.'),
  isArray: invalid('Must be a list.'),
  isLength: invalid('The text length is outside the allowed range.'),
  maxLength: invalid('The text is too long.'),
  matches: invalid('The text does not have the expected format.'),
  min: invalid('The number is below the minimum.'),
  max: invalid('The number is above the maximum.'),
  arrayMaxSize: invalid('The list has too many items.'),
  arrayUnique: invalid('The list repeats an item.'),
  nestedValidation: invalid('Must be an object (or a list of objects).'),
});
export type ValidationReason = ReasonOf<typeof VALIDATION_ERRORS>;
