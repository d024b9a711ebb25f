/** Error codes clients can rely on (the `extensions.code` of a GraphQL error). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  CONFLICT = 'CONFLICT',
  /** Too many requests for this IP address or credential; `retryAfterSeconds` says when to retry. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Over a query limit (cost, depth, aliases, tokens); `limit` and `found` give the figures. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is over its cap (HTTP 413); `limitBytes` gives the cap. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Not a GraphQL request: wrong content type, invalid JSON, no query, variables not an object. */
  BAD_REQUEST = 'BAD_REQUEST',
}

export interface ErrorDetails {
  /** Path of the offending field, e.g. ["input", "offers", 2, "competenceId"]. */
  field?: (string | number)[];
  /** Machine-readable reason, e.g. "invalid_siren". */
  reason?: string;
  /** Further problems when several fields are wrong at once. */
  problems?: { field: (string | number)[]; reason: string; message: string }[];
}

/** A failure the caller can act on; mapped to a GraphQL error without a stack trace. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.NOT_FOUND, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this', details: ErrorDetails = {}) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', details: ErrorDetails = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}
