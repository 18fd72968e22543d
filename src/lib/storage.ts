/**
 * The browser's localStorage, for settings, behind a helper that never throws. Where storage is
 * blocked (a sandboxed iframe, some privacy settings, a full quota) even reading `localStorage`
 * throws; settings then last for this page's life only, kept in memory.
 */
const memory = new Map<string, string | null>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The setting's stored value, or null when there is none or storage cannot be read. */
export function readSetting(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a setting (null removes it); returns whether the browser kept it beyond this page. */
export function writeSetting(key: string, value: string | null): boolean {
  try {
    const s = storage();
    if (!s) throw new Error('no storage');
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, value);
    return false;
  }
}
