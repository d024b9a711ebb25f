import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql';
import { useGql } from '../graphql/hooks';

const TERRITORIES = graphql(`
  query TerritorySearch($prefix: String!, $level: TerritoryLevel) {
    territories(namePrefix: $prefix, level: $level, first: 15) {
      code
      name
      level
      inseeCode
    }
  }
`);

type Level = 'COMMUNE' | 'EPCI' | 'DEPARTEMENT' | 'REGION';
export interface TerritoryOption {
  value: string;
  label: string;
}

function useTerritorySearch(level?: Level) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = useGql(
    ['territories'],
    TERRITORIES,
    { prefix: debounced, level },
    { enabled: debounced.length >= 2 },
  );
  const options: TerritoryOption[] = (query.data?.territories ?? []).map((x) => ({
    value: x.code,
    label: `${x.name} (${t(`territory.level.${x.level}`)}${x.level === 'COMMUNE' || x.level === 'DEPARTEMENT' ? ` ${x.inseeCode}` : ''})`,
  }));
  return { search, setSearch, options, debounced, fetching: query.isFetching };
}

/** One territory found by the start of its name (communes, EPCI, départements, régions). */
export function TerritorySelect(props: {
  label: string;
  level?: Level;
  value: TerritoryOption | null;
  onChange(v: TerritoryOption | null): void;
}) {
  const { t } = useTranslation();
  const s = useTerritorySearch(props.level);
  const data =
    props.value && !s.options.some((o) => o.value === props.value!.value)
      ? [props.value, ...s.options]
      : s.options;
  return (
    <Select
      label={props.label}
      placeholder={t('territory.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={props.value?.value ?? null}
      searchValue={s.search}
      onSearchChange={s.setSearch}
      filter={({ options }) => options}
      onChange={(v, o) => props.onChange(v && o ? { value: v, label: o.label } : null)}
      nothingFoundMessage={s.debounced.length >= 2 && !s.fetching ? t('territory.noMatch') : undefined}
    />
  );
}

/** Several territories (where an actor acts). */
export function TerritoryMultiSelect(props: {
  label: string;
  value: TerritoryOption[];
  onChange(v: TerritoryOption[]): void;
}) {
  const { t } = useTranslation();
  const s = useTerritorySearch();
  const known = new Map([...props.value, ...s.options].map((o) => [o.value, o]));
  return (
    <MultiSelect
      label={props.label}
      placeholder={t('territory.searchPlaceholder')}
      searchable
      data={[...known.values()]}
      value={props.value.map((v) => v.value)}
      searchValue={s.search}
      onSearchChange={s.setSearch}
      filter={({ options }) => options}
      onChange={(codes) => props.onChange(codes.map((c) => known.get(c)!).filter(Boolean))}
    />
  );
}
