import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../graphql/graphql';
import { useGql } from '../../graphql/hooks';
import { formatScore } from '../../lib/format';
import { useActorContext } from './ActorLayout';

const TRIADS = graphql(`
  query Triads($actorId: ID) {
    triads(actorId: $actorId, limit: 10) {
      score
      pairScores
      warnings
      association {
        id
        name
      }
      company {
        id
        name
      }
      publicActor {
        id
        name
      }
      territory {
        code
        level
        via
      }
    }
  }
`);

/** /actors/:id/triads — association + company + public actor trios, each pair complementary. */
export default function TriadsPage() {
  const { t, i18n } = useTranslation();
  const { actor } = useActorContext();
  const query = useGql(['triads', actor.id], TRIADS, { actorId: actor.id });
  return (
    <Stack>
      <Text>{t('triads.intro')}</Text>
      <QueryState query={query}>
        {() =>
          query.data!.triads.length === 0 ? (
            <Text>{t('triads.none')}</Text>
          ) : (
            <Stack gap="sm">
              {query.data!.triads.map((x) => (
                <Paper key={`${x.association.id}-${x.company.id}-${x.publicActor.id}`} withBorder p="md">
                  <Group justify="space-between">
                    <Group gap="xs">
                      {[x.association, x.company, x.publicActor].map((a, i) => (
                        <Group key={a.id} gap="xs">
                          {i > 0 && <Text aria-hidden>+</Text>}
                          <Anchor component={Link} to={`/actors/${a.id}`} fw={600}>
                            {a.name}
                          </Anchor>
                        </Group>
                      ))}
                    </Group>
                    <Badge color="indigo">
                      {t('partners.score', { score: formatScore(x.score, i18n.language) })}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {t('triads.pairs', {
                      ac: formatScore(x.pairScores[0] ?? 0, i18n.language),
                      ap: formatScore(x.pairScores[1] ?? 0, i18n.language),
                      cp: formatScore(x.pairScores[2] ?? 0, i18n.language),
                    })}
                    {x.territory &&
                      ` · ${t('triads.territory', { level: t(`territory.level.${x.territory.level}`) })}`}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
