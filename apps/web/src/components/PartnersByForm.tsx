import { Accordion, Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../graphql/graphql';
import { useGql } from '../graphql/hooks';
import { ALLIANCE_FORMS } from '../lib/actors';
import { formatPercent, formatScore } from '../lib/format';
import { QueryState } from './QueryState';

const PARTNERS_BY_FORM = graphql(`
  query PartnersByForm($actorId: ID!, $form: AllianceForm) {
    partners(actorId: $actorId, form: $form) {
      rank
      score
      form
      formScores
      partner {
        id
        name
      }
      reasons {
        summary
        forms {
          form
          summary
          gateExplanation
        }
        components {
          name
          contribution
          explanation
          gate
        }
      }
    }
  }
`);

type Form = (typeof ALLIANCE_FORMS)[number];

/** Partners by alliance form (partners(actorId, form)): each proposal's form, its four form
 * scores, and each score component explained in French with its gate. */
export function PartnersByForm({ actorId }: { actorId: string }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<string | null>(null);
  const query = useGql(['partnersByForm', actorId, form], PARTNERS_BY_FORM, {
    actorId,
    form: (form as Form | null) ?? undefined,
  });
  const n = (x: number) => formatScore(x, i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="partners-by-form-title">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="partners-by-form-title">
            {t('partnerForms.formScores')}
          </Title>
          <Select
            label={t('partners.form')}
            data={ALLIANCE_FORMS.map((f) => ({ value: f, label: t(`actor.form.${f}`) }))}
            value={form}
            onChange={setForm}
            clearable
            w={240}
          />
        </Group>
        <QueryState query={query}>
          {() => {
            const list = query.data!.partners;
            if (!list.length) return <Text>{t('partners.none')}</Text>;
            return (
              <Accordion multiple>
                {list.map((p) => {
                  const shown = p.reasons.forms.find((f) => f.form === (form ?? p.form));
                  return (
                    <Accordion.Item key={p.partner.id} value={p.partner.id} data-testid="partner-by-form">
                      <Accordion.Control>
                        <Group gap="xs">
                          <Text fw={700}>
                            {p.rank}. {p.partner.name}
                          </Text>
                          {p.form && (
                            <Badge color="grape">
                              {t('partnerForms.proposedFor', { form: t(`actor.form.${p.form}`) })}
                            </Badge>
                          )}
                          <Badge color="indigo">{t('partners.score', { score: n(p.score) })}</Badge>
                        </Group>
                      </Accordion.Control>
                      <Accordion.Panel>
                        <Anchor component={Link} to={`/actors/${p.partner.id}`}>
                          {p.partner.name}
                        </Anchor>
                        {p.formScores && (
                          <Text size="sm" mt={4}>
                            {ALLIANCE_FORMS.map(
                              (f, i) => `${t(`actor.form.${f}`)} ${n(p.formScores![i] ?? 0)}`,
                            ).join(' · ')}
                          </Text>
                        )}
                        <Text size="sm" mt={4}>
                          {p.reasons.summary}
                        </Text>
                        {shown && (
                          <Text size="sm" c="dimmed">
                            {shown.summary} {shown.gateExplanation}
                          </Text>
                        )}
                        <Table mt="xs">
                          <Table.Caption>{t('partnerForms.explain')}</Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th scope="col">{t('partnerForms.component')}</Table.Th>
                              <Table.Th scope="col">{t('partnerForms.contribution')}</Table.Th>
                              <Table.Th scope="col">{t('partnerForms.gate')}</Table.Th>
                              <Table.Th scope="col">{t('partnerForms.explanation')}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {p.reasons.components.map((c) => (
                              <Table.Tr key={c.name}>
                                <Table.Th scope="row">{c.name}</Table.Th>
                                <Table.Td>{n(c.contribution)}</Table.Td>
                                <Table.Td>
                                  {c.gate != null
                                    ? t('partnerForms.gateValue', {
                                        share: formatPercent(c.gate, i18n.language),
                                      })
                                    : '—'}
                                </Table.Td>
                                <Table.Td>{c.explanation ?? ''}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </Accordion.Panel>
                    </Accordion.Item>
                  );
                })}
              </Accordion>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
