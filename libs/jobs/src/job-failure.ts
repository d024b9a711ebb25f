/**
 * What may be said about a failure outside the process: the error's class and code, never its
 * message (driver messages may echo parameters, i.e. personal data).
 */
export interface JobFailure {
  name: string;
  code?: string;
  /** `name` and `code` together, e.g. "Neo4jError ServiceUnavailable". */
  kind: string;
}

/**
 * The Redis client's (ioredis) errors carry no code, only fixed messages that hold no data: these
 * are named, so an operator reads "Error COMMAND_TIMEOUT" instead of a bare "Error".
 */
const FIXED_MESSAGE_CODES: ReadonlyMap<string, string> = new Map([
  ['Command timed out', 'COMMAND_TIMEOUT'],
  ['Connection is closed.', 'CONNECTION_CLOSED'],
  ['connect ETIMEDOUT', 'ETIMEDOUT'],
  ["Stream isn't writeable and enableOfflineQueue options is false", 'OFFLINE'],
]);

export function describeFailure(err: unknown): JobFailure {
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null | undefined;
  const name = typeof e?.name === 'string' && e.name ? e.name : 'Error';
  const code =
    typeof e?.code === 'string' || typeof e?.code === 'number'
      ? String(e.code)
      : typeof e?.message === 'string'
        ? FIXED_MESSAGE_CODES.get(e.message)
        : undefined;
  return { name, ...(code ? { code } : {}), kind: code ? `${name} ${code}` : name };
}

/** The error's kind, for logs and stored run errors. */
export function errorKind(err: unknown): string {
  return describeFailure(err).kind;
}
