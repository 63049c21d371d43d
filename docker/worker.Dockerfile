# NetDuty worker image (BullMQ processors; no HTTP). Build context is the
# repository root:
#   docker build -f docker/worker.Dockerfile -t netduty/worker .
# Needs BuildKit: the context is filtered by docker/worker.Dockerfile.dockerignore.
#
# Runtime node_modules come from `npm ci --omit=dev` on the root lockfile; see the
# reasoning at the top of docker/api.Dockerfile. The deps and prod-deps stages are identical to the
# api's, so BuildKit builds them once for both images.
#
# Health: the worker writes the current time to $WORKER_HEARTBEAT_FILE every 5 s;
# docker/compose.yml marks the container unhealthy when the file is older than 30 s.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- full dependency tree (dev included) for the build ---------------------
FROM ${NODE_IMAGE} AS deps
# Opt out of install-time telemetry (swagger-ui-dist pulls in @scarf/scarf).
ENV SCARF_ANALYTICS=false
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- production-only dependency tree for the runtime -----------------------
FROM ${NODE_IMAGE} AS prod-deps
ENV SCARF_ANALYTICS=false
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

# ---- build ----------------------------------------------------------------
FROM deps AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY . .
# .git is in the .dockerignore; seeing it means the ignore file was not applied
# (legacy builder) and host node_modules/dist may have leaked into the image.
RUN if [ -e .git ]; then echo 'Build context was not filtered: build with BuildKit (docker compose v2, or DOCKER_BUILDKIT=1).' >&2; exit 1; fi \
  && npx nx run-many -t build -p worker \
  && test -f dist/apps/worker/main.js

# ---- runtime --------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    TZ=UTC \
    WORKER_HEARTBEAT_FILE=/tmp/worker-heartbeat \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Files stay owned by root: the app user can read its code but not rewrite it.
COPY --from=prod-deps /workspace/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/worker ./
USER node
# Exec form: node receives SIGTERM directly and must close its BullMQ workers
# (let running jobs finish) within compose's stop_grace_period.
CMD ["node", "main.js"]
