import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './actor';

/** Where a request came from, for the audit trail. Set by the api per request; empty in the worker. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
  path: string | null;
  /** Set when a use case wrote its own audit entry, so the request is not audited twice. */
  audited: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
