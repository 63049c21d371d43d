#!/usr/bin/env bash
# Every test NetDuty has, in the order that fails fastest: lint, unit, build, compose files,
# integration (real PostgreSQL and Redis), browser (real Chromium against the whole stack).
#   npm test      (PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 must be running)
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC
step() { printf '\n\033[1;36m== %s ==\033[0m\n' "$*"; }

step "lint (module boundaries, type-aware promise rules)"
npx nx run-many -t lint --output-style=static
npx eslint test

step "unit tests"
npx nx run-many -t test --output-style=static

step "build api, worker, console"
npx nx run-many -t build -p api worker console --output-style=static

step "compose files"
POSTGRES_PASSWORD=validate-only APP_DB_PASSWORD=validate-only JWT_SECRET=validate-only-0123456789abcdef0123456789 docker-compose -f docker/compose.yml config -q
docker-compose -f docker/compose.dev.yml config -q
echo "docker/compose.yml and docker/compose.dev.yml are valid"

step "integration tests (real PostgreSQL and Redis)"
npx jest -c test/integration/jest.config.cts

step "browser tests (Chromium against api + worker + console)"
npx jest -c test/browser/jest.config.cts
