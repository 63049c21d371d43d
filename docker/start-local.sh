#!/usr/bin/env bash
# NetDuty on one machine without containers: installs, builds, migrates, seeds the Lạng Sơn demo
# province, then runs the api, the worker and the console against the local PostgreSQL and Redis.
#   npm start            (or: bash docker/start-local.sh)
# Environment: MIGRATION_DATABASE_URL (the owner, postgres@127.0.0.1/netduty), DATABASE_URL (the
# application's own login; default: netduty_app on the same server with a generated password), REDIS_URL,
# PORT (api, 3000), CONSOLE_PORT (4200) override the defaults. Messages (e-mail, SMS) go to the local sink
# (scripts/local-sink.mjs: SMTP 127.0.0.1:2525, HTTP gateways 127.0.0.1:8025), listed at http://localhost:8025.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC
export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/netduty}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
CONSOLE_PORT="${CONSOLE_PORT:-4200}"
LOGS=tmp/logs
mkdir -p "$LOGS"

# The access-token secret: generated once, kept in tmp/ (git-ignored) and reused, so logins survive a
# restart. There is no default in the code; JWT_SECRET from the environment wins.
LOCAL_SECRETS=tmp/local-secrets.env
if [ -z "${JWT_SECRET:-}" ]; then
  if ! grep -qs '^JWT_SECRET=' "$LOCAL_SECRETS"; then
    (umask 077 && printf 'JWT_SECRET=%s\n' "$(node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))")" >>"$LOCAL_SECRETS")
  fi
  JWT_SECRET=$(sed -n 's/^JWT_SECRET=//p' "$LOCAL_SECRETS" | tail -n 1)
fi
export JWT_SECRET

# The api and the worker connect as their own login (a member of netduty_app, which cannot rewrite the
# audit trail or switch its triggers off); the migrate step, as the owner, creates it with this password,
# generated once and kept beside the JWT secret. DATABASE_URL from the environment wins.
if [ -z "${DATABASE_URL:-}" ]; then
  if ! grep -qs '^NETDUTY_APP_DB_PASSWORD=' "$LOCAL_SECRETS"; then
    (umask 077 && printf 'NETDUTY_APP_DB_PASSWORD=%s\n' "$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")" >>"$LOCAL_SECRETS")
  fi
  DATABASE_URL=$(node -e 'const u=new URL(process.argv[1]);u.username="netduty_app";u.password=process.argv[2];console.log(u.toString())' \
    "$MIGRATION_DATABASE_URL" "$(sed -n 's/^NETDUTY_APP_DB_PASSWORD=//p' "$LOCAL_SECRETS" | tail -n 1)")
fi
export DATABASE_URL

say() { printf '\033[1;36m[netduty]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[netduty]\033[0m %s\n' "$*" >&2; exit 1; }

reachable() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

pg_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||5432))' "$MIGRATION_DATABASE_URL")
redis_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||6379))' "$REDIS_URL")
# shellcheck disable=SC2086
reachable $pg_host || fail "PostgreSQL is not reachable at ${pg_host/ /:}. Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start   (or: docker compose -f docker/compose.dev.yml up -d)"
# shellcheck disable=SC2086
reachable $redis_host || fail "Redis is not reachable at ${redis_host/ /:}. Start it: redis-server --daemonize yes --port 6379   (or: docker compose -f docker/compose.dev.yml up -d)"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing dependencies (first run takes a minute or two)…"
  npm ci --no-audit --no-fund >"$LOGS/install.log" 2>&1 \
    || fail "npm ci failed; see $LOGS/install.log"
fi

say "Building api, worker and console…"
npx nx run-many -t build -p api worker console --output-style=static >"$LOGS/build.log" 2>&1 || fail "build failed; see $LOGS/build.log"

say "Migrating and seeding the demo province (Lạng Sơn)…"
node dist/apps/api/migrate.js --create-database
node dist/apps/api/seed.js

pids=()
stop_all() {
  trap - INT TERM EXIT
  say "Stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# The demo gateways (seeded in development) send here: nothing leaves the machine; tmp/sink/ keeps it all.
# It reports each SMS delivered, signed with the demo gateway's webhook secret (libs/tooling/demo-data).
SINK_RECEIPTS_URL="http://127.0.0.1:$PORT/api/v1/webhooks/gateways" SINK_WEBHOOK_SECRET=demo-sms-webhook-secret-2026 \
  node scripts/local-sink.mjs >"$LOGS/sink.log" 2>&1 & pids+=($!)
node dist/apps/api/main.js >"$LOGS/api.log" 2>&1 & pids+=($!)
WORKER_HEARTBEAT_FILE="$PWD/tmp/worker-heartbeat" node dist/apps/worker/main.js >"$LOGS/worker.log" 2>&1 & pids+=($!)
NETDUTY_API_URL="http://127.0.0.1:$PORT" npx vite preview --config apps/console/vite.config.mts \
  --port "$CONSOLE_PORT" --strictPort --host 0.0.0.0 >"$LOGS/console.log" 2>&1 & pids+=($!)

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$CONSOLE_PORT/" >/dev/null 2>&1 \
    && curl -fsS "http://127.0.0.1:8025/" >/dev/null 2>&1; then
    say "NetDuty is up."
    say "  Console:  http://localhost:$CONSOLE_PORT"
    say "  API docs: http://localhost:$PORT/api/docs"
    say "  Messages: http://localhost:8025 (e-mail and SMS the escalations send, kept in tmp/sink/)"
    say "  Log in:   trucban (duty officer), viettel.lsn (cluster staff), lanhdao (leadership), admin — password NetDuty@2026"
    say "  Logs:     $LOGS/{api,worker,console,sink}.log — Ctrl+C stops everything."
    wait -n "${pids[@]}" || true
    fail "a process stopped; see $LOGS/"
  fi
  sleep 1
done
fail "the stack did not become healthy within 60 s; see $LOGS/"
