import {
  BadInputError,
  ConflictError,
  DomainError,
  ErrorCode,
  ErrorDetails,
  FieldPath,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from './domain-errors';

/**
 * Typed error reasons, one table per domain (twenty's AuthExceptionCode style): a domain declares
 * every reason it can send, with the codes it comes with, what it means and where it points; the
 * table's keys are its reason type; its factories only accept declared reasons, and only with a
 * code the reason declares. docs/errors.md is generated from the tables (test/error-catalogue.spec.ts).
 */

export interface ReasonDoc {
  /** The `extensions.code`s this reason comes with. */
  readonly codes: readonly ErrorCode[];
  /** One line for client developers. */
  readonly meaning: string;
  /** Typical `extensions.field` (or `problems[].field`), e.g. `input.siren`; none when no field is named. */
  readonly field?: string;
}

export type ReasonTable = Readonly<Record<string, ReasonDoc>>;

/** The reasons of a table declared with code C. */
export type ReasonWithCode<T extends ReasonTable, C extends ErrorCode> = {
  [K in keyof T & string]: C extends T[K]['codes'][number] ? K : never;
}[keyof T & string];

/** A domain's reasons and the typed factories of its errors. */
export class ErrorReasons<T extends ReasonTable> {
  /** The declared reasons, in declaration order. */
  readonly reasons: readonly (keyof T & string)[];

  constructor(
    /** Heading in docs/errors.md. */
    readonly domain: string,
    readonly table: T,
  ) {
    this.reasons = Object.keys(table) as (keyof T & string)[];
  }

  badInput(
    message: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.BAD_USER_INPUT>, keyof T & string> = {},
  ): BadInputError<ReasonWithCode<T, ErrorCode.BAD_USER_INPUT>, keyof T & string> {
    return new BadInputError(message, details);
  }

  /** BAD_USER_INPUT on one field, its path prefixing the message ("input.round: …"). */
  badField(
    message: string,
    field: FieldPath,
    reason: ReasonWithCode<T, ErrorCode.BAD_USER_INPUT>,
  ): BadInputError<ReasonWithCode<T, ErrorCode.BAD_USER_INPUT>> {
    return new BadInputError(`${field.join('.')}: ${message}`, { field, reason });
  }

  notFound(
    message: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.NOT_FOUND>, keyof T & string> = {},
  ): NotFoundError<ReasonWithCode<T, ErrorCode.NOT_FOUND>, keyof T & string> {
    return new NotFoundError(message, details);
  }

  forbidden(
    message?: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.FORBIDDEN>, keyof T & string> = {},
  ): ForbiddenError<ReasonWithCode<T, ErrorCode.FORBIDDEN>, keyof T & string> {
    return new ForbiddenError(message, details);
  }

  unauthenticated(
    message?: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.UNAUTHENTICATED>, keyof T & string> = {},
  ): UnauthenticatedError<ReasonWithCode<T, ErrorCode.UNAUTHENTICATED>, keyof T & string> {
    return new UnauthenticatedError(message, details);
  }

  /** RATE_LIMITED raised by a domain (e.g. failed sign-ins), not by the transport limits. */
  rateLimited(
    message: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.RATE_LIMITED>, keyof T & string> = {},
  ): DomainError<ReasonWithCode<T, ErrorCode.RATE_LIMITED>, keyof T & string> {
    return new DomainError(ErrorCode.RATE_LIMITED, message, details);
  }

  conflict(
    message: string,
    details: ErrorDetails<ReasonWithCode<T, ErrorCode.CONFLICT>, keyof T & string> = {},
  ): ConflictError<ReasonWithCode<T, ErrorCode.CONFLICT>, keyof T & string> {
    return new ConflictError(message, details);
  }
}

export function defineErrorReasons<const T extends ReasonTable>(domain: string, table: T): ErrorReasons<T> {
  return new ErrorReasons(domain, table);
}

/** A reason of an import report's row (not an error: the import goes on). */
export interface RowReasonDoc {
  readonly meaning: string;
  /** The CSV column(s) it names; none for whole-row problems. */
  readonly column?: string;
}

export type RowReasonTable = Readonly<Record<string, RowReasonDoc>>;

/** The row reasons of an import report. */
export class RowReasons<T extends RowReasonTable> {
  readonly reasons: readonly (keyof T & string)[];

  constructor(
    readonly domain: string,
    readonly table: T,
    /** A line under the table in docs/errors.md (e.g. other reasons rows may carry). */
    readonly note?: string,
  ) {
    this.reasons = Object.keys(table) as (keyof T & string)[];
  }
}

export function defineRowReasons<const T extends RowReasonTable>(
  domain: string,
  table: T,
  note?: string,
): RowReasons<T> {
  return new RowReasons(domain, table, note);
}

/** The reason type of a table: `type ActorErrorReason = ReasonOf<typeof ACTOR_ERRORS>`. */
export type ReasonOf<E> =
  E extends ErrorReasons<infer T>
    ? keyof T & string
    : E extends RowReasons<infer T>
      ? keyof T & string
      : never;
