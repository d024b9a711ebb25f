import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ACCEPT_INVITATION, INVITATION } from '../../auth/operations';
import { gqlRequest } from '../../graphql/client';
import { useGql } from '../../graphql/hooks';
import { PageLoader } from '../../components/PageLoader';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/time';

const MIN_PASSWORD = 12;

/** /invitation/:token — the link an admin or organiser shares: choose a password, signed in. */
export default function InvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const preview = useGql(['invitation', token], INVITATION, { token }, { retry: false });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) return setError(t('invitation.tooShort'));
    if (password !== confirm) return setError(t('invitation.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await gqlRequest(ACCEPT_INVITATION, { token, password });
      await client.refetchQueries({ queryKey: ['me'] });
      navigate('/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (preview.isPending) return <PageLoader />;
  const inv = preview.data?.invitation;
  return (
    <Container size={460} py={60} component="main" id="main">
      <Title order={1} ta="center" mb="lg">
        {t('invitation.title')}
      </Title>
      <Paper withBorder shadow="sm" p="lg">
        {!inv ? (
          <Alert color="red" role="alert">
            {t('invitation.invalid')}
          </Alert>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Text>
                {t('invitation.intro', {
                  email: inv.email,
                  role: t(`roles.${inv.role}`),
                  organisation: inv.organisationName,
                  date: formatDateTime(inv.expiresAt, DEFAULT_TIME_ZONE, i18n.language),
                })}
              </Text>
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <PasswordInput
                label={t('invitation.choosePassword')}
                description={t('invitation.tooShort')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('invitation.confirm')}
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy}>
                {t('invitation.accept')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
