import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATE_INVITATION, type CreatedInvitation } from '../../auth/operations';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/QueryState';
import { graphql } from '../../graphql/graphql';
import { GraphQLRequestError } from '../../graphql/client';
import { useGqlMutation } from '../../graphql/hooks';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/time';

const CREATE_ORGANISATION = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      kind
    }
  }
`);

const ROLES = ['ORGANISER', 'ACTOR_EDITOR', 'VIEWER', 'ADMIN'] as const;
const ORG_KINDS = ['LAB', 'NETWORK', 'AUTHORITY', 'ACTOR'] as const;

/** /admin — organisations, and invitations (the link is shown here: people choose their password). */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const createOrg = useGqlMutation(CREATE_ORGANISATION);
  const invite = useGqlMutation(CREATE_INVITATION);
  const [orgName, setOrgName] = useState('');
  const [orgKind, setOrgKind] = useState<string>('LAB');
  const [orgs, setOrgs] = useState<{ id: string; name: string }[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('ORGANISER');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [actorIds, setActorIds] = useState('');
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);

  const submitOrg = (e: FormEvent) => {
    e.preventDefault();
    createOrg.mutate(
      { input: { name: orgName.trim(), kind: orgKind as (typeof ORG_KINDS)[number] } },
      {
        onSuccess: (d) => {
          setOrgs([...orgs, d.createOrganisation]);
          setOrganisationId(d.createOrganisation.id);
          setOrgName('');
        },
      },
    );
  };
  const submitInvite = (e: FormEvent) => {
    e.preventDefault();
    setInvitation(null);
    invite.mutate(
      {
        input: {
          email: email.trim(),
          role: role as (typeof ROLES)[number],
          organisationId: organisationId ?? undefined,
          actorIds: actorIds.trim() ? actorIds.split(/[\s,]+/).filter(Boolean) : undefined,
        },
      },
      { onSuccess: (d) => setInvitation(d.createInvitation) },
    );
  };
  const link = invitation ? new URL(invitation.link, window.location.origin).toString() : '';
  const notDeployed =
    invite.error instanceof GraphQLRequestError && invite.error.reason === 'graphql_validation_failed';

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md" component="section" aria-labelledby="invite-title">
        <Title order={2} size="h3" id="invite-title" mb="sm">
          {t('admin.inviteTitle')}
        </Title>
        <form onSubmit={submitInvite}>
          <Stack>
            <Text size="sm">{t('admin.inviteHelp')}</Text>
            <TextInput
              label={t('signIn.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Select
              label={t('admin.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => setRole(v ?? 'ORGANISER')}
              allowDeselect={false}
            />
            <TextInput
              label={t('admin.organisationId')}
              description={t('admin.organisationIdHelp', { own: user?.organisationId ?? '' })}
              value={organisationId ?? ''}
              onChange={(e) => setOrganisationId(e.currentTarget.value || null)}
            />
            <TextInput
              label={t('admin.actorIds')}
              description={t('admin.actorIdsHelp')}
              value={actorIds}
              onChange={(e) => setActorIds(e.currentTarget.value)}
            />
            {notDeployed ? (
              <Alert color="orange">{t('admin.inviteNotDeployed')}</Alert>
            ) : (
              invite.error && <ErrorAlert error={invite.error} />
            )}
            <Button type="submit" loading={invite.isPending} w="fit-content">
              {t('admin.invite')}
            </Button>
            {invitation && (
              <Alert color="teal" role="status" title={t('admin.invited', { email: invitation.email })}>
                <Text size="sm" mb={4}>
                  {t('admin.inviteLink', {
                    date: formatDateTime(invitation.expiresAt, DEFAULT_TIME_ZONE, i18n.language),
                  })}
                </Text>
                <Group gap="xs">
                  <Code data-testid="invitation-link">{link}</Code>
                  <CopyButton value={link}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="default" onClick={copy}>
                        {copied ? t('admin.copied') : t('admin.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="org-title">
        <Title order={2} size="h3" id="org-title" mb="sm">
          {t('admin.orgTitle')}
        </Title>
        <form onSubmit={submitOrg}>
          <Stack>
            <TextInput
              label={t('admin.orgName')}
              required
              value={orgName}
              onChange={(e) => setOrgName(e.currentTarget.value)}
            />
            <Select
              label={t('admin.orgKind')}
              data={ORG_KINDS.map((k) => ({ value: k, label: t(`admin.orgKinds.${k}`) }))}
              value={orgKind}
              onChange={(v) => setOrgKind(v ?? 'LAB')}
              allowDeselect={false}
            />
            {createOrg.error && <ErrorAlert error={createOrg.error} />}
            <Button type="submit" loading={createOrg.isPending} w="fit-content">
              {t('admin.createOrg')}
            </Button>
            {orgs.map((o) => (
              <Text key={o.id} size="sm">
                {o.name} — <Code>{o.id}</Code>
              </Text>
            ))}
          </Stack>
        </form>
      </Paper>
    </SimpleGrid>
  );
}
