import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

// Apart from page.tsx: antd's Result carries its illustrations, so these load only when shown.

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('pages.notFound')}</h1>}
      subTitle={t('pages.notFoundHint')}
      extra={<HomeButton />}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('pages.forbidden')}</h1>}
      subTitle={t('pages.forbiddenHint')}
      extra={<HomeButton />}
    />
  );
}

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate('/')}>
      {t('pages.home')}
    </Button>
  );
}
