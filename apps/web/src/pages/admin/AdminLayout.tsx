import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isAdmin, useSession } from '../../auth/session';
import { TaskNav } from '../../components/TaskNav';

const TABS = [
  ['', 'users'],
  ['keys', 'apiKeys'],
  ['import', 'import'],
  ['scoring', 'scoring'],
] as const;

/** /admin/* — platform administration (admins only; the API checks every operation too). */
export default function AdminLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const current = useLocation().pathname.split('/')[2] ?? '';
  if (!isAdmin(user)) return <Navigate to="/" replace />;
  return (
    <>
      <Title order={1} mb="sm">
        {t('nav.admin')}
      </Title>
      <TaskNav
        label={t('nav.admin')}
        items={TABS.map(([path, key]) => ({
          to: `/admin${path ? `/${path}` : ''}`,
          label: t(`nav.${key}`),
          current: current === path,
        }))}
      />
      <Outlet />
    </>
  );
}
