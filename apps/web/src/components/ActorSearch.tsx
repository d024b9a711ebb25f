import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql';
import { useGql } from '../graphql/hooks';

export const ACTOR_SEARCH = graphql(`
  query ActorSearch($search: String!) {
    actors(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
          kind
          location {
            name
          }
        }
      }
    }
  }
`);

/** Finds an actor by name (the API's accent-insensitive search), e.g. to register a participant. */
export function ActorSearch({
  label,
  value,
  onChange,
  exclude = [],
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = useGql(
    ['actor-search'],
    ACTOR_SEARCH,
    { search: debounced },
    { enabled: debounced.length >= 2 },
  );
  const data = (query.data?.actors.edges ?? [])
    .map((e) => e.node)
    .filter((n) => !exclude.includes(n.id))
    .map((n) => ({
      value: n.id,
      label: `${n.name} — ${t(`actor.kind.${n.kind}`)}${n.location ? `, ${n.location.name}` : ''}`,
    }));
  return (
    <Select
      label={label}
      placeholder={t('actor.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      nothingFoundMessage={debounced.length >= 2 && !query.isFetching ? t('actor.noMatch') : undefined}
    />
  );
}
