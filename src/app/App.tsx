import { Route, Router, Switch } from 'wouter';
import { useHashRoute } from './useHashRoute';
import { GroupsPage } from '../groups/GroupsPage';
import { StatusPage } from '../status/StatusPage';
import { RulesPage } from '../rules/RulesPage';
import { GroupStates } from '../groups/GroupStates';
import { Header } from './Header';

/** Hash routes (#/status): relative API URLs and deep links work under any sub-path. */
export function App() {
  return (
    <Router hook={useHashRoute}>
      <Header />
      <main tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        <Switch>
          <Route path="/status">
            <StatusPage groupStates={<GroupStates />} />
          </Route>
          <Route path="/rules" component={RulesPage} />
          <Route component={GroupsPage} />
        </Switch>
      </main>
    </Router>
  );
}
