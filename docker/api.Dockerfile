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
# Why the runtime node_modules come from `npm ci --omit=dev` on the ROOT lockfile
# rather than from `npm install` against the package.json that generatePackageJson
# writes into dist/apps/api:
#   - Nx derives that package.json from static imports. Packages that NestJS and
#     TypeORM load by name at run time (pg, @nestjs/platform-express,
#     class-validator, ...) are only present when Nx happens to promote them from
#     peer dependencies; a miss is a crash at boot in production, never in CI.
#   - The root lockfile is the tree the tests ran against; the prod-deps layer is
#     keyed on package.json + package-lock.json only, so a source change does not
#     re-download anything, and the layer is byte-identical (shared) between the
#     api and worker images.
#   The price is size: with today's lockfile the production tree is ~360 MB,
#   of which ~150 MB (antd, @ant-design/icons, react-dom, and typescript/@swc/core,
#   which the lockfile does not flag as dev) is never loaded by the api. Switch
#   to `npm ci --omit=dev` against dist/apps/api/package.json + the pruned
#   package-lock.json that generatePackageJson emits only if image size starts
#   to matter more than that guarantee (and boot-test the image when you do).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- full dependency tree (dev included) for the build ---------------------
FROM ${NODE_IMAGE} AS deps
# Opt out of install-time telemetry (swagger-ui-dist pulls in @scarf/scarf).
ENV SCARF_ANALYTICS=false
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund \
  || { echo 'WARNING: npm ci refused package-lock.json; falling back to npm install (build is NOT reproducible until the lockfile is fixed)' >&2; \
       npm install --no-audit --no-fund; }

# ---- production-only dependency tree for the runtime -----------------------
FROM ${NODE_IMAGE} AS prod-deps
ENV SCARF_ANALYTICS=false
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  || { echo 'WARNING: npm ci refused package-lock.json; falling back to npm install --omit=dev' >&2; \
       npm install --omit=dev --no-audit --no-fund; } \
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
