import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Figure } from '../../components/Figure';
import { ErrorAlert } from '../../components/QueryState';
import { GraphQLRequestError } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { useGqlMutation } from '../../graphql/hooks';
import { formatPercent } from '../../lib/format';

// Computed on demand (it fits weights): through useGqlMutation so it runs only on click.
const SUGGEST = graphql(`
  query SuggestProfileFromOutcomes($organisationId: ID!) {
    suggestProfileFromOutcomes(organisationId: $organisationId) {
      organisationId
      basedOn
      pairs
      agreedPairs
      trainPairs
      heldOutPairs
      aucBefore
      aucAfter
      recallBefore
      recallAfter
      summary
      changes {
        component
        before
        after
        explanation
      }
    }
  }
`);

const ADOPT = graphql(`
  mutation AdoptProfileFromOutcomes($organisationId: ID!, $slug: String!, $activate: Boolean!) {
    adoptProfileFromOutcomes(organisationId: $organisationId, slug: $slug, activate: $activate) {
      id
      slug
      version
      activeForMyOrganisation
    }
  }
`);

const WEIGHT_KEYS = [
  'complementarity',
  'causes',
  'proximity',
  'crossFamily',
  'allianceForms',
  'trust',
] as const;

/** /lab/outcomes — the organiser's lab learns score weights from its meetings' outcomes. */
export default function OutcomeLearningPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const organisationId = user?.organisationId ?? '';
  const suggest = useGqlMutation(SUGGEST);
  const adopt = useGqlMutation(ADOPT, [['scoringProfiles']]);
  const [slug, setSlug] = useState('appris-des-resultats');
  const [activate, setActivate] = useState(false);
  const s = suggest.data?.suggestProfileFromOutcomes;
  const notEnough =
    suggest.error instanceof GraphQLRequestError && suggest.error.reason === 'not_enough_outcomes';
  const pct = (x: number) => formatPercent(x, i18n.language);
  const num = (x: number) => x.toLocaleString(i18n.language, { maximumFractionDigits: 3 });
  const label = (c: string) =>
    (WEIGHT_KEYS as readonly string[]).includes(c)
      ? t(`admin.weights.${c as (typeof WEIGHT_KEYS)[number]}`)
      : c;

  return (
    <Stack>
      <Title order={1}>{t('outcomes.title')}</Title>
      <Text>{t('outcomes.intro')}</Text>
      <Group>
        <Button
          onClick={() => suggest.mutate({ organisationId })}
          loading={suggest.isPending}
          disabled={!organisationId}
        >
          {t('outcomes.suggest')}
        </Button>
      </Group>
      {notEnough ? (
        <Alert color="orange" role="alert">
          {t('outcomes.notEnough')}
        </Alert>
      ) : (
        suggest.error && <ErrorAlert error={suggest.error} />
      )}
      {s && (
        <Stack role="region" aria-label={t('outcomes.title')}>
          <Alert color="blue">{s.summary}</Alert>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('outcomes.aucBefore')} value={num(s.aucBefore)} />
            <Figure label={t('outcomes.aucAfter')} value={num(s.aucAfter)} />
            <Figure label={t('outcomes.recallBefore')} value={pct(s.recallBefore)} />
            <Figure label={t('outcomes.recallAfter')} value={pct(s.recallAfter)} />
          </SimpleGrid>
          <Text size="sm">
            {t('outcomes.pairs', {
              pairs: s.pairs,
              agreed: s.agreedPairs,
              train: s.trainPairs,
              heldOut: s.heldOutPairs,
            })}{' '}
            · {t('outcomes.basedOn', { profile: s.basedOn })}
          </Text>
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="xs">
              {t('outcomes.changes')}
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outcomes.component')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.before')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.after')}</Table.Th>
                  <Table.Th scope="col">{t('outcomes.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.changes.map((c) => (
                  <Table.Tr key={c.component}>
                    <Table.Th scope="row">{label(c.component)}</Table.Th>
                    <Table.Td>{num(c.before)}</Table.Td>
                    <Table.Td>{num(c.after)}</Table.Td>
                    <Table.Td>{c.explanation}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group align="flex-end">
            <TextInput
              label={t('outcomes.slug')}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              required
              w={280}
            />
            <Checkbox
              label={t('outcomes.activate')}
              checked={activate}
              onChange={(e) => setActivate(e.currentTarget.checked)}
              mb={8}
            />
            <Button
              onClick={() => adopt.mutate({ organisationId, slug: slug.trim(), activate })}
              loading={adopt.isPending}
              disabled={!slug.trim()}
            >
              {t('outcomes.adopt')}
            </Button>
          </Group>
          {adopt.data && (
            <Alert color="teal" role="status">
              {t('outcomes.adopted', {
                slug: adopt.data.adoptProfileFromOutcomes.slug,
                version: adopt.data.adoptProfileFromOutcomes.version,
              })}
            </Alert>
          )}
          {adopt.error && <ErrorAlert error={adopt.error} />}
        </Stack>
      )}
    </Stack>
  );
}
