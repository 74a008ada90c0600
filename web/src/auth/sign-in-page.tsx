import { Alert, Button, Flex, Form, Typography } from 'antd';
// The two inputs alone: antd's Input carries TextArea, Search and OTP on every route otherwise.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { Panel } from '../common/panel';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSelect } from '../app/app-layout';
import { ApiError } from '../common/api/client';
import { errorText } from '../common/errors';
import { useSession, useSignIn } from './session';

/** Where to go after signing in: the page the user wanted, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<{ email: string; password: string }>();

  if (session.data) return <Navigate to={next} replace />;

  const failure = (() => {
    const error = signIn.error;
    if (!error) return null;
    if (error instanceof ApiError && error.status === 401) return t('invalidCredentials');
    if (error instanceof ApiError && error.status === 429) {
      return error.retryAfter ? t('rateLimited', { seconds: error.retryAfter }) : t('rateLimitedSoon');
    }
    return errorText(error);
  })();

  return (
    <main className="sign-in-page">
      <Panel className="sign-in-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <LanguageSelect />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            signIn.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })
          }
        >
          <Form.Item
            name="email"
            label={t('email')}
            rules={[
              { required: true, message: t('emailRequired') },
              { type: 'email', message: t('emailInvalid') },
            ]}
          >
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('demoHint')}
        </Typography.Paragraph>
      </Panel>
    </main>
  );
}
