import { Anchor, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{t('app.notFound')}</Title>
      <Anchor component={Link} to="/">
        {t('app.back')}
      </Anchor>
    </>
  );
}
