import { Alert, Button, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { GraphQLRequestError } from '../graphql/client';

/** The loading and error states of a query, the same on every page. */
export function QueryState({
  query,
  children,
}: {
  query: { isPending: boolean; error: GraphQLRequestError | null; refetch: () => unknown };
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center p="xl" role="status" aria-live="polite">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <>{children()}</>;
}

export function ErrorAlert({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('app.error', { message: error.message })}>
      {onRetry && (
        <Button variant="outline" color="red" size="xs" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
