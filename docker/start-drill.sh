#!/usr/bin/env bash
# A drill (diễn tập) copy of the province: a fresh database (the live one's name + _drill) migrated and
# seeded with the same Lạng Sơn demo, its own api + worker (NETDUTY_DRILL=true, Redis prefix netduty-drill)
# and console, then a Yagi-shaped storm replayed into it through its TMF642 route, restoration included.
# Live data is never touched: another database, another Redis prefix, other ports.
#   npm run drill        (or: bash docker/start-drill.sh)
# Environment: as for npm start (MIGRATION_DATABASE_URL names the LIVE database; the drill adds _drill),
# DRILL_PORT (api, 3100), DRILL_CONSOLE_PORT (4300), DRILL_SPEED (replay speed-up, 1: about 3 minutes),
# DRILL_REPLAY=false to start the copy without replaying.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=docker/local-stack.sh
source docker/local-stack.sh

export NETDUTY_DRILL=true
export PORT="${DRILL_PORT:-3100}"
CONSOLE_PORT="${DRILL_CONSOLE_PORT:-4300}"
export REDIS_PREFIX="${REDIS_PREFIX:-netduty}-drill"
export CORS_ORIGINS="http://localhost:$CONSOLE_PORT,http://127.0.0.1:$CONSOLE_PORT"
export PUBLIC_CONSOLE_URL="http://localhost:$CONSOLE_PORT"
NMS_KEYS_FILE=tmp/drill-nms-keys.json
DRILL_DATABASE="$(database_name "$MIGRATION_DATABASE_URL")_drill"
MIGRATION_DATABASE_URL=$(with_database "$MIGRATION_DATABASE_URL" "$DRILL_DATABASE")
if [ -n "${DATABASE_URL:-}" ]; then DATABASE_URL=$(with_database "$DATABASE_URL" "$DRILL_DATABASE"); else DATABASE_URL=$(application_database_url "$MIGRATION_DATABASE_URL"); fi
export MIGRATION_DATABASE_URL DATABASE_URL

check_services
install_and_build

say "A fresh drill copy: database $DRILL_DATABASE, Redis prefix $REDIS_PREFIX…"
node scripts/drill/reset.mjs "$MIGRATION_DATABASE_URL" "$REDIS_URL" "$REDIS_PREFIX"
# The copy starts without its NMS keys: the old ones died with the old database.
rm -f "$NMS_KEYS_FILE"
migrate_and_seed "$NMS_KEYS_FILE"

# The demo gateways send to the local sink's fixed ports: when `npm start` already runs one, the drill's
# messages (all marked [DIỄN TẬP]) land in it too; otherwise the drill runs its own into tmp/sink-drill/.
if ! reachable 127.0.0.1 8025; then start_sink "drill-" tmp/sink-drill; fi
start_processes "drill-"

wait_healthy 60 || fail "the drill copy did not become healthy within 60 s; see $LOGS/drill-*.log"
say "DRILL (DIỄN TẬP) copy is up — not a real incident."
say "  Console:  http://localhost:$CONSOLE_PORT   (the banner DIỄN TẬP is on every screen)"
say "  API:      http://localhost:$PORT/api/docs"
say "  Messages: http://localhost:8025 (every subject and SMS starts with [DIỄN TẬP])"
say "  Log in:   trucban, viettel.lsn, lanhdao, admin — password NetDuty@2026"
say "  NMS keys: $NMS_KEYS_FILE"
say "  Logs:     $LOGS/drill-{api,worker,console}.log — Ctrl+C stops the drill (the live stack keeps running)."
if [ "${DRILL_REPLAY:-true}" != "false" ]; then
  say "Replaying the Yagi scenario into the drill (speed ×${DRILL_SPEED:-1})…"
  node scripts/drill/replay.mjs --api "http://127.0.0.1:$PORT" --database "$DATABASE_URL" --keys "$NMS_KEYS_FILE" --speed "${DRILL_SPEED:-1}" \
    || say "the replay did not send every alarm; see above"
fi
wait -n "${pids[@]}" || true
fail "a drill process stopped; see $LOGS/drill-*.log"
