import { Alert, Badge, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { graphql } from '../../graphql/graphql';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/time';

const API_KEYS = graphql(`
  query ApiKeys {
    apiKeys {
      id
      label
      createdAt
      revokedAt
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation CreateApiKey($label: String!) {
    createApiKey(label: $label) {
      apiKey
      key {
        id
        label
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

/** /admin/keys — the caller's API keys: create (the secret is shown once), revoke. */
export default function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const keys = useGql(['api-keys'], API_KEYS, {});
  const create = useGqlMutation(CREATE_KEY, [['api-keys']]);
  const revoke = useGqlMutation(REVOKE_KEY, [['api-keys']]);
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { label: label.trim() },
      { onSuccess: (d) => (setSecret(d.createApiKey.apiKey), setLabel('')) },
    );
  };
  return (
    <Stack>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('admin.keyLabel')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            w={320}
          />
          <Button type="submit" loading={create.isPending}>
            {t('admin.createKey')}
          </Button>
        </Group>
      </form>
      {create.error && <ErrorAlert error={create.error} />}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {secret && (
        <Alert color="orange" role="status" title={t('admin.keyOnce')}>
          <Code block>{secret}</Code>
        </Alert>
      )}
      <QueryState query={keys}>
        {() => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.keyLabel')}</Table.Th>
                <Table.Th scope="col">{t('admin.created')}</Table.Th>
                <Table.Th scope="col">{t('events.columns.status')}</Table.Th>
                <Table.Th scope="col">
                  <Text span size="sm">
                    {t('admin.actions')}
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data!.apiKeys.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.label || <Code>{k.id}</Code>}</Table.Td>
                  <Table.Td>{formatDateTime(k.createdAt, DEFAULT_TIME_ZONE, i18n.language)}</Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      <Badge color="red">{t('admin.revoked')}</Badge>
                    ) : (
                      <Badge color="teal">{t('admin.active')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!k.revokedAt && (
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        onClick={() => revoke.mutate({ id: k.id })}
                        aria-label={t('admin.revokeKey', { label: k.label || k.id })}
                      >
                        {t('admin.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
