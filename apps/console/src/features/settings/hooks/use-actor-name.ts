import { useCallback, useSyncExternalStore } from 'react';

/**
 * The duty officer's name ("Tên cán bộ trực"), prefilled as the report's reporterName. Kept in
 * localStorage so it survives reloads, and shared through a tiny store so the header and the forms agree.
 */
export const ACTOR_NAME_STORAGE_KEY = 'netduty.actorName';
export const ACTOR_NAME_MAX_LENGTH = 120;

const listeners = new Set<() => void>();
/** Fallback when storage is disabled (private mode): the name then lasts until reload. */
let inMemoryName = '';

function readActorName(): string {
  try {
    return localStorage.getItem(ACTOR_NAME_STORAGE_KEY) ?? '';
  } catch {
    return inMemoryName;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the console changing the name.
  const onStorage = (event: StorageEvent) => {
    if (event.key === ACTOR_NAME_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function writeActorName(name: string): void {
  inMemoryName = name;
  try {
    if (name) localStorage.setItem(ACTOR_NAME_STORAGE_KEY, name);
    else localStorage.removeItem(ACTOR_NAME_STORAGE_KEY);
  } catch {
    // Storage disabled: inMemoryName carries it.
  }
  for (const listener of listeners) listener();
}

export function useActorName(): [string, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, readActorName);
  const setName = useCallback((next: string) => writeActorName(next.slice(0, ACTOR_NAME_MAX_LENGTH)), []);
  return [name, setName];
}
