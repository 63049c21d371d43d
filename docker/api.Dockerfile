# NetDuty API image. Build context is the repository root:
#   docker build -f docker/api.Dockerfile -t netduty/api .
# (docker/compose.yml does the same with `context: ..`.)
# Needs BuildKit (the default of `docker compose` v2 and of docker >= 23): the
# build context is filtered by docker/api.Dockerfile.dockerignore, which the
# legacy builder does not read.
#
# The same image runs three commands:
#   node main.js      the HTTP + socket.io server (default)
#   node migrate.js   runs TypeORM migrations, then exits (compose service "migrate")
#   node seed.js      seeds the demo province, then exits
#
# The runtime node_modules come from `npm ci --omit=dev` on the ROOT lockfile: the
# bundles keep every npm package external, and the root lockfile is the tree the tests ran
# against. Packages that NestJS and TypeORM load by name at run time (pg,
# @nestjs/platform-express, class-validator, ...) are therefore always present. The layer is
# keyed on package.json + package-lock.json only and is byte-identical between the api and
# worker images.

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
  && npx nx run-many -t build -p api \
  && test -f dist/apps/api/main.js \
  && test -f dist/apps/api/migrate.js \
  && test -f dist/apps/api/seed.js

# ---- runtime --------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    TZ=UTC \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Files stay owned by root: the app user can read its code but not rewrite it.
COPY --from=prod-deps /workspace/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/api ./
USER node
EXPOSE 3000
# Exec form: node is the process that receives SIGTERM (compose adds an init
# with `init: true` to reap zombies and forward signals).
CMD ["node", "main.js"]
