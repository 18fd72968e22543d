import { createContext, useContext } from 'react';
import type { DataSource } from './first-poll';

/**
 * The page's data source, made by the entry at start-up and provided at the app's root. No
 * default: a component rendered without one says so, rather than starting a poll of its own.
 */
export const DataSourceContext = createContext<DataSource | null>(null);

/** The data source the app was given at its root. */
export function useDataSource(): DataSource {
  const source = useContext(DataSourceContext);
  if (!source) throw new Error('No data source: render inside <DataSourceContext value={source}>.');
  return source;
}
