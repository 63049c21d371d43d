#!/usr/bin/env bash
# NetDuty on one machine without containers: installs, builds, migrates, seeds the Lạng Sơn demo
# province, then runs the api, the worker and the console against the local PostgreSQL and Redis.
#   npm start            (or: bash docker/start-local.sh)
# Environment: MIGRATION_DATABASE_URL (the owner, postgres@127.0.0.1/netduty), DATABASE_URL (the
# application's own login; default: netduty_app on the same server with a generated password), REDIS_URL,
# PORT (api, 3000), CONSOLE_PORT (4200) override the defaults. Messages (e-mail, SMS) go to the local sink
# (scripts/local-sink.mjs: SMTP 127.0.0.1:2525, HTTP gateways 127.0.0.1:8025), listed at http://localhost:8025.
# The demo NMS sources' API keys (random, issued at the first seed, kept while valid) are in tmp/demo-nms-keys.json.
# What this shares with `npm run drill` (docker/start-drill.sh) is in docker/local-stack.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=docker/local-stack.sh
source docker/local-stack.sh

export PORT="${PORT:-3000}"
CONSOLE_PORT="${CONSOLE_PORT:-4200}"
NMS_KEYS_FILE=tmp/demo-nms-keys.json
if [ -z "${DATABASE_URL:-}" ]; then DATABASE_URL=$(application_database_url "$MIGRATION_DATABASE_URL"); fi
export DATABASE_URL

check_services
install_and_build

say "Migrating and seeding the demo province (Lạng Sơn)…"
migrate_and_seed "$NMS_KEYS_FILE"

start_sink "" tmp/sink
start_processes ""

if wait_healthy 60; then
  say "NetDuty is up."
  say "  Console:  http://localhost:$CONSOLE_PORT"
  say "  API docs: http://localhost:$PORT/api/docs"
  say "  Messages: http://localhost:8025 (e-mail and SMS the escalations send, kept in tmp/sink/)"
  say "  Log in:   trucban (duty officer), viettel.lsn (cluster staff), lanhdao (leadership), admin — password NetDuty@2026"
  say "  NMS keys: $NMS_KEYS_FILE (X-API-Key for POST http://localhost:$PORT/tmf-api/alarm/v4/alarm; see README)"
  say "  Logs:     $LOGS/{api,worker,console,sink}.log — Ctrl+C stops everything."
  wait -n "${pids[@]}" || true
  fail "a process stopped; see $LOGS/"
fi
fail "the stack did not become healthy within 60 s; see $LOGS/"
