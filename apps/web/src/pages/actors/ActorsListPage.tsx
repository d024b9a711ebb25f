import { Anchor, Badge, Group, MultiSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { graphql, type VariablesOf } from '../../graphql/graphql';
import { useGql } from '../../graphql/hooks';
import { ACTOR_KINDS } from '../../lib/actors';

const ACTORS = graphql(`
  query Actors($filter: ActorFilter) {
    actors(filter: $filter, first: 50) {
      edges {
        node {
          id
          name
          kind
          family
          location {
            name
          }
        }
      }
    }
  }
`);

type Kinds = NonNullable<NonNullable<VariablesOf<typeof ACTORS>['filter']>['kinds']>;

/** /actors — find an actor (name, kind) to open its profile and partners. */
export default function ActorsListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = useGql(['actors'], ACTORS, {
    filter: { search: debounced || undefined, kinds: kinds.length ? (kinds as Kinds) : undefined },
  });
  return (
    <>
      <Title order={1} mb="md">
        {t('nav.actors')}
      </Title>
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('actors.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <MultiSelect
          label={t('partners.kind')}
          data={ACTOR_KINDS.map((k) => ({ value: k, label: t(`actor.kind.${k}`) }))}
          value={kinds}
          onChange={setKinds}
          searchable
          clearable
          w={360}
        />
      </Group>
      <QueryState query={query}>
        {() =>
          query.data!.actors.edges.length === 0 ? (
            <Text>{t('actor.noMatch')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('actors.name')}</Table.Th>
                  <Table.Th scope="col">{t('partners.kind')}</Table.Th>
                  <Table.Th scope="col">{t('profile.location')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data!.actors.edges.map(({ node }) => (
                  <Table.Tr key={node.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/actors/${node.id}`}>
                        {node.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color="gray">{t(`actor.kind.${node.kind}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{node.location?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
