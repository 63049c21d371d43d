# NetDuty console image: the Vite build of apps/console served by nginx, which
# also reverse-proxies /api/ and /socket.io/ to the api service. Build context is
# the repository root:
#   docker build -f docker/console.Dockerfile -t netduty/console .
# Needs BuildKit: the context is filtered by docker/console.Dockerfile.dockerignore.
#
# The console is built once and talks to its own origin (/api/..., /socket.io/),
# so the same image works behind any host name: nothing is baked in at build time.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine

# ---- full dependency tree for the build -----------------------------------
# Same instructions as in api/worker.Dockerfile, so BuildKit reuses the layer.
FROM ${NODE_IMAGE} AS deps
# Opt out of install-time telemetry (swagger-ui-dist pulls in @scarf/scarf).
ENV SCARF_ANALYTICS=false
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build ----------------------------------------------------------------
FROM deps AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY . .
RUN if [ -e .git ]; then echo 'Build context was not filtered: build with BuildKit (docker compose v2, or DOCKER_BUILDKIT=1).' >&2; exit 1; fi \
  && npx nx run-many -t build -p console \
  && test -f dist/apps/console/index.html

# ---- runtime --------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
ENV TZ=UTC
# Replaces the image's default server; the http{} block of the stock nginx.conf
# (mime types, sendfile, access log to stdout) is kept.
COPY docker/nginx/console.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx/security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /workspace/dist/apps/console /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1
