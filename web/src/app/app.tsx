import { QueryClientProvider } from '@tanstack/react-query';
import { message, theme } from 'antd';
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireSession } from '../auth/require-session';
import SignInPage from '../auth/sign-in-page';
import { bindFeedback } from '../common/feedback';
import { LanguageProvider } from '../common/i18n/language';
import { PageLoading } from '../common/page';
import { AppLayout } from './app-layout';
import { createQueryClient } from './query-client';
import { ROUTES } from './routes';

const InvitationPage = lazy(() => import('../auth/invitation-page'));
// antd's Result carries three illustrations: load them only when such a page is shown.
const NotFoundPage = lazy(() => import('../common/result-pages').then((m) => ({ default: m.NotFoundPage })));
const ForbiddenPage = lazy(() =>
  import('../common/result-pages').then((m) => ({ default: m.ForbiddenPage })),
);

/**
 * The message API that `notify` uses. Only `message` is used, so this takes antd's message hook
 * rather than `<App>`, whose modal and notification hooks would load on every route.
 */
function Feedback({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  const { token } = theme.useToken();
  useEffect(() => {
    bindFeedback(api);
    return () => bindFeedback(null);
  }, [api]);
  // The text style <App> gave its children.
  const style = { color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight };
  return (
    <div style={style}>
      {holder}
      {children}
    </div>
  );
}

/** Providers, then the public routes and the signed-in layout with the route table. */
export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <Feedback>
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                path="/invite/:token"
                element={
                  <Suspense fallback={<PageLoading />}>
                    <InvitationPage />
                  </Suspense>
                }
              />
              <Route
                path="*"
                element={
                  <RequireSession>
                    {(session) => (
                      <AppLayout session={session}>
                        <Routes>
                          {ROUTES.map(({ path, page: Page, roles }) => (
                            <Route
                              key={path}
                              path={path}
                              element={
                                !roles || roles.includes(session.user.role) ? <Page /> : <ForbiddenPage />
                              }
                            />
                          ))}
                          <Route path="*" element={<NotFoundPage />} />
                        </Routes>
                      </AppLayout>
                    )}
                  </RequireSession>
                }
              />
            </Routes>
          </BrowserRouter>
        </Feedback>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
