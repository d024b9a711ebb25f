import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGql } from '../graphql/hooks';
import { FOLLOW_UP_CONTACTS } from '../pages/events/wish-operations';

/** After the event: the partners who asked for a follow-up with the actor while it asked for one
 * with them. Nothing is shown until a request is mutual (the API returns mutual ones only). */
export function FollowUpContacts({ eventId, actorId }: { eventId: string; actorId: string }) {
  const { t } = useTranslation();
  const query = useGql(
    ['followUpContacts', eventId, actorId],
    FOLLOW_UP_CONTACTS,
    { eventId, actorId },
    { retry: false },
  );
  const list = query.data?.followUpContacts ?? [];
  if (!list.length) return null;
  return (
    <Stack component="section" aria-labelledby="follow-up-title">
      <Title order={2} size="h3" id="follow-up-title">
        {t('followUp.title')}
      </Title>
      <Text>{t('followUp.intro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.map((c) => (
          <Paper key={c.actorId} withBorder p="md" data-testid="follow-up-contact">
            <Title order={3} size="h4">
              {c.name ?? c.actorId}
            </Title>
            {c.contact?.name && <Text>{t('followUp.contact', { name: c.contact.name })}</Text>}
            {c.contact?.email && (
              <Text>
                {t('followUp.email')} : <Anchor href={`mailto:${c.contact.email}`}>{c.contact.email}</Anchor>
              </Text>
            )}
            {c.contact?.phone && (
              <Text>
                {t('followUp.phone')} : <Anchor href={`tel:${c.contact.phone}`}>{c.contact.phone}</Anchor>
              </Text>
            )}
            {c.representative?.name && (
              <Text size="sm">{t('followUp.representative', { name: c.representative.name })}</Text>
            )}
            {c.representative?.email && (
              <Text size="sm">
                <Anchor href={`mailto:${c.representative.email}`}>{c.representative.email}</Anchor>
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
