#!/usr/bin/env bash
# Sourced by docker/start-local.sh (npm start) and docker/start-drill.sh (npm run drill): what both do to
# run NetDuty on one machine without containers. Not run on its own.
#   Before sourcing: nothing. After: the shared environment, say/fail, and the functions below.
# shellcheck shell=bash

export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC
export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/netduty}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
LOGS=${LOGS:-tmp/logs}
mkdir -p "$LOGS"

say() { printf '\033[1;36m[netduty]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[netduty]\033[0m %s\n' "$*" >&2; exit 1; }

reachable() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# The access-token secret: generated once, kept in tmp/ (git-ignored) and reused, so logins survive a
# restart. There is no default in the code; JWT_SECRET from the environment wins.
LOCAL_SECRETS=tmp/local-secrets.env
local_secret() { # name generator-js → the value, generated into $LOCAL_SECRETS the first time
  if ! grep -qs "^$1=" "$LOCAL_SECRETS"; then
    (umask 077 && printf '%s=%s\n' "$1" "$(node -e "$2")" >>"$LOCAL_SECRETS")
  fi
  sed -n "s/^$1=//p" "$LOCAL_SECRETS" | tail -n 1
}
if [ -z "${JWT_SECRET:-}" ]; then
  JWT_SECRET=$(local_secret JWT_SECRET "console.log(require('crypto').randomBytes(48).toString('base64url'))")
fi
export JWT_SECRET

# A database URL with another database name: with_database <url> <name>.
with_database() {
  node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$1" "$2"
}
database_name() {
  node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$1"
}

# The api and the worker connect as their own login (a member of netduty_app, which cannot rewrite the
# audit trail or switch its triggers off); the migrate step, as the owner, creates it with this password,
# generated once and kept beside the JWT secret. DATABASE_URL from the environment wins.
application_database_url() { # owner-url → the application login's URL on the same database
  node -e 'const u=new URL(process.argv[1]);u.username="netduty_app";u.password=process.argv[2];console.log(u.toString())' \
    "$1" "$(local_secret NETDUTY_APP_DB_PASSWORD "console.log(require('crypto').randomBytes(24).toString('hex'))")"
}

check_services() {
  local pg_host redis_host
  pg_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||5432))' "$MIGRATION_DATABASE_URL")
  redis_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||6379))' "$REDIS_URL")
  # shellcheck disable=SC2086
  reachable $pg_host || fail "PostgreSQL is not reachable at ${pg_host/ /:}. Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start   (or: docker compose -f docker/compose.dev.yml up -d)"
  # shellcheck disable=SC2086
  reachable $redis_host || fail "Redis is not reachable at ${redis_host/ /:}. Start it: redis-server --daemonize yes --port 6379   (or: docker compose -f docker/compose.dev.yml up -d)"
}

install_and_build() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing dependencies (first run takes a minute or two)…"
    npm ci --no-audit --no-fund >"$LOGS/install.log" 2>&1 \
      || fail "npm ci failed; see $LOGS/install.log"
  fi
  say "Building api, worker and console…"
  npx nx run-many -t build -p api worker console --output-style=static >"$LOGS/build.log" 2>&1 || fail "build failed; see $LOGS/build.log"
}

migrate_and_seed() { # nms-keys-file
  node dist/apps/api/migrate.js --create-database
  node dist/apps/api/seed.js --nms-keys-file "$1"
}

pids=()
stop_all() {
  trap - INT TERM EXIT
  say "Stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# The api, the worker and the console (on $PORT and $CONSOLE_PORT; --bypass-lock: Vite allows one preview
# server per project unless told, and a drill runs beside `npm start`), logs as $LOGS/<prefix>{api,worker,console}.log.
start_processes() { # log-prefix
  trap stop_all INT TERM EXIT
  node dist/apps/api/main.js >"$LOGS/${1}api.log" 2>&1 & pids+=($!)
  WORKER_HEARTBEAT_FILE="$PWD/tmp/${1}worker-heartbeat" node dist/apps/worker/main.js >"$LOGS/${1}worker.log" 2>&1 & pids+=($!)
  NETDUTY_API_URL="http://127.0.0.1:$PORT" npx vite preview --config apps/console/vite.config.mts \
    --port "$CONSOLE_PORT" --strictPort --host 0.0.0.0 --bypass-lock >"$LOGS/${1}console.log" 2>&1 & pids+=($!)
}

# The demo gateways (seeded in development) send here: nothing leaves the machine; tmp/sink/ keeps it all.
# It reports each SMS delivered, signed with the demo gateway's webhook secret (libs/tooling/demo-data).
start_sink() { # log-prefix sink-dir
  SINK_DIR="$2" SINK_RECEIPTS_URL="http://127.0.0.1:$PORT/api/v1/webhooks/gateways" SINK_WEBHOOK_SECRET=demo-sms-webhook-secret-2026 \
    node scripts/local-sink.mjs >"$LOGS/${1}sink.log" 2>&1 & pids+=($!)
}

wait_healthy() { # seconds → 0 once the api, the console and the sink answer
  for _ in $(seq 1 "$1"); do
    if curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$CONSOLE_PORT/" >/dev/null 2>&1 \
      && curl -fsS "http://127.0.0.1:8025/" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  return 1
}
