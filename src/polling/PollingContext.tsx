import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useConfig } from '../config/ConfigContext';
import { readSetting, writeSetting } from '../lib/storage';

export const POLL_INTERVALS = [2_000, 5_000, 10_000, 30_000, 60_000] as const;
const STORAGE_KEY = 'pushboard.pollIntervalMs';

interface Polling {
  intervalMs: number;
  setIntervalMs: (ms: number) => void;
  paused: boolean;
  setPaused: (paused: boolean) => void;
  /** What to hand TanStack Query: the interval, or false while paused. */
  refetchInterval: number | false;
}

const PollingContext = createContext<Polling | null>(null);

function storedInterval(fallback: number): number {
  const stored = Number(readSetting(STORAGE_KEY));
  return stored >= 1000 ? stored : fallback;
}

export function PollingProvider({ children }: { children: ReactNode }) {
  const { pollIntervalMs } = useConfig();
  const [intervalMs, setInterval] = useState(() => storedInterval(pollIntervalMs));
  const [paused, setPaused] = useState(false);
  const value = useMemo<Polling>(
    () => ({
      intervalMs,
      setIntervalMs: (ms) => {
        setInterval(ms);
        writeSetting(STORAGE_KEY, String(ms));
      },
      paused,
      setPaused,
      refetchInterval: paused ? false : intervalMs,
    }),
    [intervalMs, paused],
  );
  return <PollingContext value={value}>{children}</PollingContext>;
}

export function usePolling(): Polling {
  const polling = useContext(PollingContext);
  if (!polling) throw new Error('usePolling outside PollingProvider');
  return polling;
}
