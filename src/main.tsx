// The entry is kept tiny: it applies the theme, starts the first poll (worker and fetch) and the
// requests for config.json and the gateway's base, then loads the rest of the app, whose parsing
// now overlaps the fetch instead of delaying it.
import { applyTheme } from './app/apply-theme';
import { startFirstPoll } from './data/first-poll';
import { startup } from './app/startup';
import './app/index.css';

startFirstPoll(startup().then(({ gatewayBase }) => gatewayBase));
applyTheme();
await import('./boot');
