import { redisMessageCode } from '@maillage/common';

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

export function describeFailure(err: unknown): JobFailure {
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null | undefined;
  const name = typeof e?.name === 'string' && e.name ? e.name : 'Error';
  const code =
    typeof e?.code === 'string' || typeof e?.code === 'number'
      ? String(e.code)
      : typeof e?.message === 'string'
        ? redisMessageCode(e.message)
        : undefined;
  return { name, ...(code ? { code } : {}), kind: code ? `${name} ${code}` : name };
}

/** The error's kind, for logs and stored run errors. */
export function errorKind(err: unknown): string {
  return describeFailure(err).kind;
}
