import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashRoute } from './useHashRoute';
import { GroupsPage } from '../groups/GroupsPage';
import { GroupStates } from '../groups/GroupStates';
import { Header } from './Header';
import { WireAlert } from '../polling/WireAlert';

// The list is what a new tab shows first; the status, rules and push check pages load when opened.
const StatusPage = lazy(() => import('../status/StatusPage').then((m) => ({ default: m.StatusPage })));
const RulesPage = lazy(() => import('../rules/RulesPage').then((m) => ({ default: m.RulesPage })));
const CheckPushPage = lazy(() => import('../check/CheckPushPage').then((m) => ({ default: m.CheckPushPage })));
const loading = <p className="text-slate-500 dark:text-slate-400">Loading…</p>;

/** Hash routes (#/status): relative API URLs and deep links work under any sub-path. */
export function App() {
  return (
    <Router hook={useHashRoute}>
      <Header />
      <main tabIndex={-1} className="mx-auto max-w-6xl px-4 py-4 outline-none">
        <WireAlert />
        <Switch>
          <Route path="/status">
            <Suspense fallback={loading}>
              <StatusPage groupStates={<GroupStates />} />
            </Suspense>
          </Route>
          <Route path="/rules">
            <Suspense fallback={loading}>
              <RulesPage />
            </Suspense>
          </Route>
          <Route path="/check">
            <Suspense fallback={loading}>
              <CheckPushPage />
            </Suspense>
          </Route>
          <Route component={GroupsPage} />
        </Switch>
      </main>
    </Router>
  );
}
