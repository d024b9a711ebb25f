import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PartnersByForm } from '../../components/PartnersByForm';
import { QueryState } from '../../components/QueryState';
import { ReasonsView } from '../../components/ReasonsView';
import { TerritorySelect, type TerritoryOption } from '../../components/TerritorySearch';
import type { VariablesOf } from '../../graphql/graphql';
import { useGql } from '../../graphql/hooks';
import { ACTOR_FAMILIES, ACTOR_KINDS, ALLIANCE_FORMS } from '../../lib/actors';
import { formatScore } from '../../lib/format';
import { sdgLabel } from '../../lib/sdg';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/time';
import { useActorContext } from './ActorLayout';
import { PARTNERS } from './operations';

type Filter = NonNullable<VariablesOf<typeof PARTNERS>['filter']>;

/** /actors/:id/partners — complementary partners, best first, each with its reasons in words. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const { actor } = useActorContext();
  const [families, setFamilies] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [sdg, setSdg] = useState<string | null>(null);
  const [form, setForm] = useState<string | null>(null);
  const [territory, setTerritory] = useState<TerritoryOption | null>(null);
  const filter: Filter = {
    families: families.length ? (families as Filter['families']) : undefined,
    kinds: kinds.length ? (kinds as Filter['kinds']) : undefined,
    sdg: sdg ? Number(sdg) : undefined,
    allianceForm: (form as Filter['allianceForm']) ?? undefined,
    territory: territory?.value,
  };
  const partners = useGql(['partners', actor.id], PARTNERS, { actorId: actor.id, filter });

  return (
    <Stack>
      <Paper withBorder p="sm" component="section" aria-label={t('partners.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <MultiSelect
            label={t('partners.family')}
            data={ACTOR_FAMILIES.map((f) => ({ value: f, label: t(`actor.family.${f}`) }))}
            value={families}
            onChange={setFamilies}
            clearable
          />
          <MultiSelect
            label={t('partners.kind')}
            data={ACTOR_KINDS.map((k) => ({ value: k, label: t(`actor.kind.${k}`) }))}
            value={kinds}
            onChange={setKinds}
            searchable
            clearable
          />
          <TerritorySelect label={t('partners.territory')} value={territory} onChange={setTerritory} />
          <Select
            label={t('partners.sdg')}
            data={Array.from({ length: 17 }, (_, i) => ({
              value: String(i + 1),
              label: t('reasons.sdg', { n: i + 1, label: sdgLabel(i + 1, i18n.language) }),
            }))}
            value={sdg}
            onChange={setSdg}
            clearable
          />
          <Select
            label={t('partners.form')}
            data={ALLIANCE_FORMS.map((f) => ({ value: f, label: t(`actor.form.${f}`) }))}
            value={form}
            onChange={setForm}
            clearable
          />
        </SimpleGrid>
      </Paper>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('partners.title')}
        </Title>
        <Button
          variant="default"
          size="xs"
          onClick={() => void partners.refetch()}
          loading={partners.isFetching}
        >
          {t('partners.refresh')}
        </Button>
      </Group>
      <QueryState query={partners}>
        {() => {
          const list = partners.data!.partners;
          if (!list.length) return <Text>{t('partners.none')}</Text>;
          return (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.map((p) => (
                <Paper key={p.partner.id} withBorder p="md" component="li" data-testid="partner">
                  <Group justify="space-between" mb={6} wrap="wrap">
                    <Group gap="xs">
                      <Text fw={700} aria-hidden>
                        {p.rank}.
                      </Text>
                      <Anchor component={Link} to={`/actors/${p.partner.id}`} fw={700} size="lg">
                        {p.partner.name}
                      </Anchor>
                      <Badge color="gray">{t(`actor.kind.${p.partner.kind}`)}</Badge>
                      {p.form && (
                        <Badge color="gray" data-testid="partner-form">
                          {t('partnerForms.proposedFor', { form: t(`actor.form.${p.form}`) })}
                        </Badge>
                      )}
                    </Group>
                    <Badge size="lg" color="indigo">
                      {t('partners.score', { score: formatScore(p.score, i18n.language) })}
                    </Badge>
                  </Group>
                  <ReasonsView explanation={p.reasons} />
                </Paper>
              ))}
              <Text size="xs" component="li">
                {t('partners.computedAt', {
                  date: formatDateTime(list[0].computedAt, DEFAULT_TIME_ZONE, i18n.language),
                })}
              </Text>
            </Stack>
          );
        }}
      </QueryState>
      <PartnersByForm actorId={actor.id} />
    </Stack>
  );
}
