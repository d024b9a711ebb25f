import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { ReasonsView } from '../../components/ReasonsView';
import { SdgPicker } from '../../components/SdgPicker';
import { TerritorySelect, type TerritoryOption } from '../../components/TerritorySearch';
import { graphql } from '../../graphql/graphql';
import { useGql } from '../../graphql/hooks';
import { formatPercent, formatScore } from '../../lib/format';
import { useActorContext } from './ActorLayout';

const LOCAL_CAUSES = graphql(`
  query LocalCauses($actorId: ID!, $sdgs: [Int!], $territory: String) {
    localCauses(actorId: $actorId, sdgs: $sdgs, territory: $territory, limit: 20) {
      score
      coverage
      sharedCauses
      warnings
      association {
        id
        name
        kind
        family
      }
      territory {
        code
        level
        via
      }
      matches {
        via
        need {
          label
        }
        offer {
          label
        }
      }
    }
  }
`);

/** /actors/:id/local-causes — for a company: associations nearby that need its skills, on its SDGs. */
export default function LocalCausesPage() {
  const { t, i18n } = useTranslation();
  const { actor } = useActorContext();
  const [sdgs, setSdgs] = useState<number[]>([]);
  const [territory, setTerritory] = useState<TerritoryOption | null>(null);
  const query = useGql(['local-causes', actor.id], LOCAL_CAUSES, {
    actorId: actor.id,
    sdgs: sdgs.length ? sdgs : undefined,
    territory: territory?.value,
  });
  return (
    <Stack>
      <Text>{t('localCauses.intro')}</Text>
      <SdgPicker label={t('localCauses.sdgs')} value={sdgs} onChange={setSdgs} />
      <TerritorySelect label={t('partners.territory')} value={territory} onChange={setTerritory} />
      <QueryState query={query}>
        {() =>
          query.data!.localCauses.length === 0 ? (
            <Text>{t('partners.none')}</Text>
          ) : (
            <Stack gap="sm">
              {query.data!.localCauses.map((c) => (
                <Paper key={c.association.id} withBorder p="md">
                  <Group justify="space-between" mb={6}>
                    <Anchor component={Link} to={`/actors/${c.association.id}`} fw={700}>
                      {c.association.name}
                    </Anchor>
                    <Group gap="xs">
                      <Badge color="teal">
                        {t('localCauses.coverage', { share: formatPercent(c.coverage, i18n.language) })}
                      </Badge>
                      <Badge color="indigo">
                        {t('partners.score', { score: formatScore(c.score, i18n.language) })}
                      </Badge>
                    </Group>
                  </Group>
                  {/* The company gives: its offers cover the association's needs. */}
                  <ReasonsView
                    explanation={{
                      backward: { matches: c.matches },
                      sharedCauses: c.sharedCauses,
                      territory: c.territory,
                      warnings: c.warnings,
                    }}
                  />
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
