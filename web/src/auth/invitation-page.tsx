import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LanguageSelect } from '../app/app-layout';
import { ApiError, api, ok, setCsrfToken } from '../common/api/client';
import { applyFieldErrors, errorText } from '../common/errors';
import { formatDateTime } from '../common/format';
import { SESSION_KEY } from './session';

/** /invite/:token: the invited user sets a password and is signed in. */
export default function InvitationPage() {
  const { t } = useTranslation('auth');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const invitation = useQuery({
    queryKey: ['invitations', token],
    queryFn: () => ok(api.GET('/api/v1/auth/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (password: string) =>
      ok(
        api.POST('/api/v1/auth/invitations/{token}/accept', {
          params: { path: { token } },
          body: { password },
        }),
      ),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(SESSION_KEY, session);
      void navigate('/', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  const gone = invitation.error instanceof ApiError && invitation.error.status === 410;
  const missing = invitation.error instanceof ApiError && invitation.error.status === 404;

  return (
    <main className="sign-in-page">
      <Card className="sign-in-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <LanguageSelect />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('invite.title')}
        </Typography.Title>
        {invitation.isPending ? (
          <Skeleton active />
        ) : gone || missing ? (
          <Result status="warning" title={gone ? t('invite.gone') : t('invite.notFound')} />
        ) : invitation.error || !invitation.data ? (
          <Alert type="error" showIcon title={errorText(invitation.error)} />
        ) : (
          <>
            <Typography.Paragraph>
              {t('invite.intro', { name: invitation.data.name, email: invitation.data.email })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t('invite.expires', { time: formatDateTime(invitation.data.expiresAt) })}
            </Typography.Paragraph>
            {accept.error && !(accept.error instanceof ApiError && accept.error.status === 400) && (
              <Alert type="error" showIcon title={errorText(accept.error)} style={{ marginBottom: 16 }} />
            )}
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => accept.mutate(v.password)}
            >
              {/* The account's email, for password managers. */}
              <input
                type="email"
                name="username"
                autoComplete="username"
                value={invitation.data.email}
                readOnly
                hidden
              />
              <Form.Item
                name="password"
                label={t('invite.password')}
                extra={t('invite.passwordRule')}
                rules={[{ required: true, min: 10, max: 200, message: t('invite.passwordRule') }]}
              >
                <Input.Password autoComplete="new-password" autoFocus />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('invite.confirm')}
                dependencies={['password']}
                rules={[
                  { required: true, message: t('invite.mismatch') },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('invite.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={accept.isPending}>
                {t('invite.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
