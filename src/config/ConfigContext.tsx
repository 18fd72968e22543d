import { createContext, useContext } from 'react';
import { DEFAULT_CONFIG, type AppConfig } from './config';

export const ConfigContext = createContext<AppConfig>(DEFAULT_CONFIG);

export const useConfig = () => useContext(ConfigContext);

/** The gateways the server follows, when there are several; null with one (screens look as ever). */
export const useGateways = () => useContext(ConfigContext).gateways ?? null;
