import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireSession } from '../auth/require-session';
import SignInPage from '../auth/sign-in-page';
import { bindFeedback } from '../common/feedback';
import { LanguageProvider } from '../common/i18n/language';
import { ForbiddenPage, NotFoundPage, PageLoading } from '../common/page';
import { AppLayout } from './app-layout';
import { createQueryClient } from './query-client';
import { ROUTES } from './routes';

const InvitationPage = lazy(() => import('../auth/invitation-page'));

function FeedbackBinder() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    bindFeedback(message);
    return () => bindFeedback(null);
  }, [message]);
  return null;
}

/** Providers, then the public routes and the signed-in layout with the route table. */
export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <AntApp>
          <FeedbackBinder />
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
        </AntApp>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
