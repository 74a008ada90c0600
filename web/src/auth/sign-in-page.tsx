import { Alert, Button, Flex, theme } from 'antd';
import { useId, useState, type ReactNode } from 'react';
// The two inputs alone: antd's Input carries TextArea, Search and OTP on every route otherwise.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { Panel } from '../common/panel';
import { Heading, Muted } from '../common/text';
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

// An email address's shape, something@something.something without spaces; the server decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A labelled field of the sign-in form, in antd Form's vertical look. The sign-in page is the
 * first thing everyone loads: two fields do not need antd's Form and its validator library.
 */
function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | null;
  children: (ids: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const { token } = theme.useToken();
  const id = useId();
  return (
    <div style={{ marginBottom: error ? 0 : token.marginLG }}>
      <label
        htmlFor={id}
        style={{ display: 'block', paddingBottom: token.paddingXS, color: token.colorTextHeading }}
      >
        {label}
      </label>
      {children({ id, 'aria-describedby': error ? `${id}-error` : undefined })}
      {error && (
        <div id={`${id}-error`} role="alert" style={{ color: token.colorError, minHeight: token.marginLG }}>
          {error}
        </div>
      )}
    </div>
  );
}

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Fields are checked on submit, then as they change (antd Form's rhythm).
  const [checked, setChecked] = useState(false);

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

  const emailError = !checked
    ? null
    : !email.trim()
      ? t('emailRequired')
      : EMAIL.test(email.trim())
        ? null
        : t('emailInvalid');
  const passwordError = checked && !password ? t('passwordRequired') : null;

  return (
    <main className="sign-in-page">
      <Panel className="sign-in-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <LanguageSelect />
        </Flex>
        <Heading style={{ fontSize: 24, marginBottom: 4 }}>{t('title')}</Heading>
        <p>
          <Muted>{t('subtitle')}</Muted>
        </p>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
            const address = email.trim();
            if (!address || !EMAIL.test(address) || !password) return;
            signIn.mutate(
              { email: address, password },
              { onSuccess: () => void navigate(next, { replace: true }) },
            );
          }}
        >
          <Field label={t('email')} error={emailError}>
            {(ids) => (
              <Input
                {...ids}
                type="email"
                autoComplete="username"
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                status={emailError ? 'error' : undefined}
                aria-invalid={Boolean(emailError)}
              />
            )}
          </Field>
          <Field label={t('password')} error={passwordError}>
            {(ids) => (
              <Password
                {...ids}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                status={passwordError ? 'error' : undefined}
                aria-invalid={Boolean(passwordError)}
              />
            )}
          </Field>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('submit')}
          </Button>
        </form>
        <p style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          <Muted>{t('demoHint')}</Muted>
        </p>
      </Panel>
    </main>
  );
}
