import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** One GraphQL error as the API sends it (docs/errors.md): branch on code and reason. */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    field?: (string | number)[];
    problems?: { field?: (string | number)[]; reason: string; message: string }[];
    retryAfterSeconds?: number;
  };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: ApiError[],
    readonly status: number,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }
}

/** A bearer credential for the API-key sign-in fallback (machines, and until people sign-in is
 * deployed). People sign in with the session cookie and send no bearer at all. */
let bearer: string | null = null;
export function setBearer(token: string | null): void {
  bearer = token;
}
export const hasBearer = (): boolean => bearer !== null;

/** Endpoint: same origin, so the HttpOnly SameSite=Strict session cookie goes with every request. */
export const GRAPHQL_URL = '/graphql';

/**
 * Posts one typed operation. Every request sends `x-maillage-csrf: 1` (the API refuses
 * cookie-authenticated POSTs without it: a cross-site form cannot set a custom header) and
 * `credentials: 'same-origin'`. Throws GraphQLRequestError on any GraphQL or HTTP error.
 */
export async function gqlRequest<R, V>(
  document: TadaDocumentNode<R, V>,
  variables?: V,
  signal?: AbortSignal,
): Promise<R> {
  const res = await fetch(GRAPHQL_URL, {
    method: 'POST',
    credentials: 'same-origin',
    signal,
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-maillage-csrf': '1',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
  });
  let body: { data?: R; errors?: ApiError[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError([{ message: `HTTP ${res.status}` }], res.status);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors, res.status);
  if (!res.ok || body.data === undefined)
    throw new GraphQLRequestError([{ message: `HTTP ${res.status}` }], res.status);
  return body.data;
}
