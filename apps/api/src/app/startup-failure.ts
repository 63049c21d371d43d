/** One clear line for the failures a newcomer meets first, instead of a stack trace. */
export function explainStartupFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : String(error);
  if (/ECONNREFUSED.*5432|5432.*ECONNREFUSED|database .* does not exist|password authentication/i.test(text)) {
    return `PostgreSQL is not reachable (${text.trim()}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — or: docker compose -f docker/compose.dev.yml up -d`;
  }
  if (/ECONNREFUSED.*6379|6379/i.test(text)) {
    return `Redis is not reachable (${text.trim()}). Start it: redis-server --daemonize yes --port 6379 — or: docker compose -f docker/compose.dev.yml up -d`;
  }
  return error instanceof Error ? `Startup failed: ${error.message}` : `Startup failed: ${String(error)}`;
}
