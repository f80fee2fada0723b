import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../auth/RequireSignIn';
import { AppLayout } from '../layout/AppLayout';
import { MENU_ENTRIES } from '../layout/menu-entries';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PAGES } from './lazy-pages';
import { RequireRight } from './RequireRight';

/** `/login` for everyone; every other page inside the signed-in layout, behind its right. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        {MENU_ENTRIES.map((entry) => {
          const Page = PAGES[entry.key];
          return (
            <Route
              key={entry.key}
              path={entry.path}
              element={
                <RequireRight right={entry.right}>
                  <Page />
                </RequireRight>
              }
            />
          );
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
