import { Badge, Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { graphql } from '../../graphql/graphql';
import { useGql, useGqlMutation } from '../../graphql/hooks';

const START_RUN = graphql(`
  mutation StartScoringRun($scope: ScoringScopeInput) {
    startScoringRun(scope: $scope) {
      id
    }
  }
`);
const RUN = graphql(`
  query ScoringRun($id: ID!) {
    scoringRun(id: $id) {
      id
      status
      progress
      scope
      doneActors
      totalActors
      durationMs
      error
      counts {
        edges
      }
    }
  }
`);
const PROFILES = graphql(`
  query ScoringProfiles {
    scoringProfiles {
      id
      slug
      version
      label
      builtIn
      activeOnPlatform
      activeForMyOrganisation
      weights {
        complementarity
        causes
        proximity
        crossFamily
        allianceForms
        trust
      }
    }
  }
`);
const ACTIVATE = graphql(`
  mutation ActivateScoringProfile($profileId: ID!) {
    activateScoringProfile(profileId: $profileId) {
      id
    }
  }
`);

const WEIGHTS = ['complementarity', 'causes', 'proximity', 'crossFamily', 'allianceForms', 'trust'] as const;

/** /admin/scoring — rebuild the stored partners (with progress) and the scoring profiles. */
export default function ScoringPage() {
  const { t } = useTranslation();
  const start = useGqlMutation(START_RUN);
  const activate = useGqlMutation(ACTIVATE, [['scoring-profiles']]);
  const profiles = useGql(['scoring-profiles'], PROFILES, {});
  const [territory, setTerritory] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const run = useGql(
    ['scoring-run', runId],
    RUN,
    { id: runId ?? '' },
    {
      enabled: !!runId,
      refetchInterval: (q) =>
        q.state.data && ['SUCCEEDED', 'FAILED'].includes(q.state.data.scoringRun.status) ? false : 1000,
    },
  );
  const r = run.data?.scoringRun;
  const onRun = (d: { startScoringRun?: { id: string }; activateScoringProfile?: { id: string } }) =>
    setRunId(d.startScoringRun?.id ?? d.activateScoringProfile?.id ?? null);

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="run-title">
        <Title order={2} size="h3" id="run-title" mb="sm">
          {t('admin.runTitle')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('admin.runTerritory')}
            value={territory}
            onChange={(e) => setTerritory(e.currentTarget.value)}
            w={240}
          />
          <Button
            loading={start.isPending}
            onClick={() =>
              start.mutate(
                { scope: territory.trim() ? { territory: territory.trim() } : undefined },
                { onSuccess: onRun },
              )
            }
          >
            {t('admin.startRun')}
          </Button>
        </Group>
        {(start.error ?? activate.error) && <ErrorAlert error={(start.error ?? activate.error)!} />}
        {r && (
          <Stack gap={4} mt="sm" role="status" aria-live="polite">
            <Text size="sm">
              {t('admin.runState', {
                status: r.status,
                done: r.doneActors,
                total: r.totalActors,
                edges: r.counts.edges,
              })}
            </Text>
            <Progress
              value={Math.round(r.progress * 100)}
              aria-label={t('review.progressLabel')}
              size="lg"
              color={r.status === 'FAILED' ? 'red' : 'indigo'}
            />
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profiles-title">
        <Title order={2} size="h3" id="profiles-title" mb="sm">
          {t('nav.profiles')}
        </Title>
        <QueryState query={profiles}>
          {() => (
            <Table.ScrollContainer minWidth={800}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.profile')}</Table.Th>
                    {WEIGHTS.map((w) => (
                      <Table.Th scope="col" key={w}>
                        {t(`admin.weights.${w}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('admin.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {profiles.data!.scoringProfiles.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Text fw={600}>{p.label ?? p.slug}</Text>
                        <Text size="xs">{p.id}</Text>
                        {p.activeOnPlatform && <Badge color="teal">{t('admin.activeOnPlatform')}</Badge>}
                      </Table.Td>
                      {WEIGHTS.map((w) => (
                        <Table.Td key={w}>{p.weights[w]}</Table.Td>
                      ))}
                      <Table.Td>
                        {!p.activeOnPlatform && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => activate.mutate({ profileId: p.id }, { onSuccess: onRun })}
                          >
                            {t('admin.activate')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}
