import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl" mih={200} role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
