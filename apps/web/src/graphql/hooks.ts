import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { TadaDocumentNode } from 'gql.tada';
import { gqlRequest, GraphQLRequestError } from './client';

/** A typed query through TanStack Query (cache, refetch, polling with `refetchInterval`). */
export function useGql<R, V>(
  key: QueryKey,
  document: TadaDocumentNode<R, V>,
  variables: V,
  options: Omit<UseQueryOptions<R, GraphQLRequestError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<R, GraphQLRequestError>({
    queryKey: [...key, variables],
    queryFn: ({ signal }) => gqlRequest(document, variables, signal),
    ...options,
  });
}

/** A typed mutation; `invalidates` lists the query keys (prefixes) to refetch once it succeeds. */
export function useGqlMutation<R, V>(document: TadaDocumentNode<R, V>, invalidates: QueryKey[] = []) {
  const client = useQueryClient();
  return useMutation<R, GraphQLRequestError, V>({
    mutationFn: (variables) => gqlRequest(document, variables),
    onSuccess: () => Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
