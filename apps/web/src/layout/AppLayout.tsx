import { AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Navigate, Outlet, useLocation } from 'react-router';
import { canOrganise, isAdmin, useSession } from '../auth/session';
import { setLanguage, type Language } from '../i18n';
import { PageLoader } from '../components/PageLoader';
import classes from './AppLayout.module.css';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The signed-in frame: header (name, language, sign-out), navigation by role, the page. Pages
 * are lazy chunks (routes.tsx), loaded inside the Suspense below. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, loading, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  if (loading) return <PageLoader />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;

  const items: NavItem[] = [];
  if (canOrganise(user)) {
    items.push(
      { to: '/events', label: t('nav.events') },
      { to: '/actors', label: t('nav.actors'), end: true },
    );
    items.push({ to: '/lab/outcomes', label: t('outcomes.nav') });
  }
  for (const id of user.actorIds.slice(0, 3)) items.push({ to: `/actors/${id}`, label: t('nav.myActor') });
  if (isAdmin(user)) items.push({ to: '/admin', label: t('nav.admin') });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.mainNav')}
            />
            <Title order={2} size="h3">
              <Link to="/" className={classes.brand}>
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Text size="sm" visibleFrom="md">
              {t('app.signedInAs', { who: user.email ?? t(`roles.${user.role}`) })} ·{' '}
              {t(`roles.${user.role}`)}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={i18n.language.startsWith('en') ? 'en' : 'fr'}
              onChange={(v) => setLanguage(v as Language)}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNav')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            label={item.label}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
