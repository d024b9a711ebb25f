import {
  Alert,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { GraphQLRequestError } from '../../graphql/client';

/** Only local paths after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { user, signIn, signInWithApiKey } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const run = (action: () => Promise<void>, invalidMessage: string) => async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      if (err instanceof GraphQLRequestError && err.code === 'RATE_LIMITED')
        setError(t('signIn.rateLimited'));
      else if (err instanceof GraphQLRequestError && err.reason === 'graphql_validation_failed')
        setError(t('signIn.unavailable'));
      else setError(invalidMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={460} py={60} component="main" id="main">
      <Title order={1} ta="center">
        {t('app.name')}
      </Title>
      <Text ta="center" c="dimmed" mb="lg">
        {t('app.tagline')}
      </Text>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('signIn.title')}
        </Title>
        {error && (
          <Alert color="red" role="alert" mb="md">
            {error}
          </Alert>
        )}
        <Tabs defaultValue="password">
          <Tabs.List grow mb="md">
            <Tabs.Tab value="password">{t('signIn.withPassword')}</Tabs.Tab>
            <Tabs.Tab value="key">{t('signIn.withKey')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="password">
            <form onSubmit={run(() => signIn(email.trim(), password), t('signIn.invalid'))}>
              <Stack>
                <Text size="sm">{t('signIn.intro')}</Text>
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="key">
            <form onSubmit={run(() => signInWithApiKey(apiKey.trim()), t('signIn.keyInvalid'))}>
              <Stack>
                <PasswordInput
                  label={t('signIn.apiKey')}
                  description={t('signIn.apiKeyHelp')}
                  autoComplete="off"
                  required
                  value={apiKey}
                  onChange={(e) => setApiKey(e.currentTarget.value)}
                />
                <Text size="sm" c="dimmed">
                  {t('signIn.demoHint')}
                </Text>
                <Button type="submit" loading={busy}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Container>
  );
}
