import { Alert, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CompetencePicker, type NeedRow, type OfferRow } from '../../components/CompetencePicker';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { SdgPicker } from '../../components/SdgPicker';
import {
  TerritoryMultiSelect,
  TerritorySelect,
  type TerritoryOption,
} from '../../components/TerritorySearch';
import { graphql, type VariablesOf } from '../../graphql/graphql';
import { useGql, useGqlMutation } from '../../graphql/hooks';
import { useActorContext } from './ActorLayout';
import { COMPETENCES } from './operations';

const SET_NEEDS = graphql(`
  mutation SetNeeds($actorId: ID!, $input: SetNeedsInput!) {
    setNeeds(actorId: $actorId, input: $input) {
      id
    }
  }
`);
const SET_OFFERS = graphql(`
  mutation SetOffers($actorId: ID!, $input: SetOffersInput!) {
    setOffers(actorId: $actorId, input: $input) {
      id
    }
  }
`);
const SET_CAUSES = graphql(`
  mutation SetCauses($actorId: ID!, $input: SetCausesInput!) {
    setCauses(actorId: $actorId, input: $input) {
      id
    }
  }
`);
const SET_TERRITORIES = graphql(`
  mutation SetTerritories($actorId: ID!, $input: SetTerritoriesInput!) {
    setTerritories(actorId: $actorId, input: $input) {
      id
    }
  }
`);

type Modality = VariablesOf<typeof SET_OFFERS>['input']['offers'][number]['modality'];

/** /actors/:id — the actor's profile: needs and offers from the taxonomy, causes, territories. */
export default function ActorProfilePage() {
  const { t } = useTranslation();
  const { actor } = useActorContext();
  const competences = useGql(['competences'], COMPETENCES, {}, { staleTime: Infinity });
  const invalidates = [
    ['actor', actor.id],
    ['partners', actor.id],
  ];
  const setNeeds = useGqlMutation(SET_NEEDS, invalidates);
  const setOffers = useGqlMutation(SET_OFFERS, invalidates);
  const setCauses = useGqlMutation(SET_CAUSES, invalidates);
  const setTerritories = useGqlMutation(SET_TERRITORIES, invalidates);

  const [needs, setNeedRows] = useState<NeedRow[]>(
    actor.needs.map((n) => ({ competenceId: n.competence.id, priority: n.priority })),
  );
  const [offers, setOfferRows] = useState<OfferRow[]>(
    actor.offers.map((o) => ({ competenceId: o.competence.id, modality: o.modality, level: o.level })),
  );
  const [causes, setCauseList] = useState<number[]>(actor.causes.map((c) => c.sdg));
  const [location, setLocation] = useState<TerritoryOption | null>(
    actor.location ? { value: actor.location.code, label: actor.location.name } : null,
  );
  const [actsIn, setActsIn] = useState<TerritoryOption[]>(
    actor.actsIn.map((a) => ({ value: a.code, label: a.name })),
  );

  return (
    <QueryState query={competences}>
      {() => {
        const list = competences.data!.competences;
        return (
          <Stack>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section
                title={t('profile.needs')}
                mutation={setNeeds}
                onSave={() => setNeeds.mutate({ actorId: actor.id, input: { needs } })}
                savedHint={t('profile.rescoring')}
              >
                <CompetencePicker
                  mode="needs"
                  label={t('profile.addNeed')}
                  competences={list}
                  value={needs}
                  onChange={setNeedRows}
                />
              </Section>
              <Section
                title={t('profile.offers')}
                mutation={setOffers}
                onSave={() =>
                  setOffers.mutate({
                    actorId: actor.id,
                    input: { offers: offers.map((o) => ({ ...o, modality: o.modality as Modality })) },
                  })
                }
                savedHint={t('profile.rescoring')}
              >
                <CompetencePicker
                  mode="offers"
                  label={t('profile.addOffer')}
                  competences={list}
                  value={offers}
                  onChange={setOfferRows}
                />
              </Section>
            </SimpleGrid>
            <Section
              title={t('profile.causes')}
              mutation={setCauses}
              onSave={() => setCauses.mutate({ actorId: actor.id, input: { causes } })}
            >
              <SdgPicker label={t('profile.causesHelp')} value={causes} onChange={setCauseList} />
            </Section>
            <Section
              title={t('profile.territories')}
              mutation={setTerritories}
              onSave={() =>
                setTerritories.mutate({
                  actorId: actor.id,
                  input: { communeCode: location?.value, actsIn: actsIn.map((a) => a.value) },
                })
              }
            >
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <TerritorySelect
                  label={t('profile.location')}
                  level="COMMUNE"
                  value={location}
                  onChange={setLocation}
                />
                <TerritoryMultiSelect label={t('profile.actsIn')} value={actsIn} onChange={setActsIn} />
              </SimpleGrid>
            </Section>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function Section(props: {
  title: string;
  children: ReactNode;
  mutation: { isPending: boolean; isSuccess: boolean; error: Error | null };
  onSave(): void;
  savedHint?: string;
}) {
  const { t } = useTranslation();
  const id = `section-${props.title.replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {props.title}
      </Title>
      <Stack>
        {props.children}
        {props.mutation.error && <ErrorAlert error={props.mutation.error} />}
        {props.mutation.isSuccess && (
          <Alert color="teal" role="status">
            {t('profile.saved')} {props.savedHint}
          </Alert>
        )}
        <Group>
          <Button onClick={props.onSave} loading={props.mutation.isPending}>
            {t('profile.save', { section: props.title.toLowerCase() })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
