/** Error codes clients can rely on (the `extensions.code` of a GraphQL error). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  CONFLICT = 'CONFLICT',
  /** A store (Neo4j, PostgreSQL) is unavailable: nothing was half-written, retry shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Too many requests for this IP address or credential; `retryAfterSeconds` says when to retry. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Over a query limit (cost, depth, aliases, tokens); `limit` and `found` give the figures. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is over its cap (HTTP 413); `limitBytes` gives the cap. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Not a GraphQL request: wrong content type, invalid JSON, no query, variables not an object. */
  BAD_REQUEST = 'BAD_REQUEST',
}

/** Path of the offending field, e.g. ["input", "offers", 2, "competenceId"]. */
export type FieldPath = (string | number)[];

/** One of several problems reported at once. */
export interface ErrorProblem<R extends string = string> {
  field: FieldPath;
  reason: R;
  message: string;
}

/**
 * What a client gets besides the code. `R` is the reason type of the top-level error, `P` that of
 * its problems: declared per domain (see defineErrorReasons), so a reason nobody declared does not
 * compile.
 */
export interface ErrorDetails<R extends string = string, P extends string = R> {
  field?: FieldPath;
  /** Machine-readable reason, e.g. "invalid_siren". */
  reason?: R;
  /** Further problems when several fields are wrong at once. */
  problems?: ErrorProblem<P>[];
}

/**
 * A failure the caller can act on; mapped to a GraphQL error without a stack trace.
 * The reason type defaults to `never`: an error with a reason comes from a domain's typed factory
 * (e.g. ACTOR_ERRORS.notFound), which sets it to that domain's declared reasons.
 */
export class DomainError<R extends string = never, P extends string = R> extends Error {
  readonly details: ErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {},
  ) {
    super(message);
    this.details = details;
    this.name = new.target.name;
  }
}

export class BadInputError<R extends string = never, P extends string = R> extends DomainError<R, P> {
  constructor(message: string, details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundError<R extends string = never, P extends string = R> extends DomainError<R, P> {
  constructor(message: string, details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {}) {
    super(ErrorCode.NOT_FOUND, message, details);
  }
}

export class ForbiddenError<R extends string = never, P extends string = R> extends DomainError<R, P> {
  constructor(
    message = 'You are not allowed to do this',
    details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {},
  ) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

export class UnauthenticatedError<R extends string = never, P extends string = R> extends DomainError<R, P> {
  constructor(message = 'Authentication required', details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

export class ConflictError<R extends string = never, P extends string = R> extends DomainError<R, P> {
  constructor(message: string, details: ErrorDetails<NoInfer<R>, NoInfer<P>> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}
