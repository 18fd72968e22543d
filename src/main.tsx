// The entry is kept tiny: it applies the theme, makes the page's data source and starts its first
// poll (worker and fetch) and the requests for config.json and the gateway's base, then loads the
// rest of the app, whose parsing now overlaps the fetch instead of delaying it.
import { applyTheme } from './app/apply-theme';
import { createDataSource } from './data/first-poll';
import { requestStartup } from './app/startup';
import './app/index.css';

const source = createDataSource();
const startup = requestStartup();
source.start(startup.then(({ gatewayBase }) => gatewayBase));
applyTheme();
const { boot } = await import('./boot');
await boot(source, startup);
