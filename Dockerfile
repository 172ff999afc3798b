# syntax=docker/dockerfile:1
# jobstream: one image for every role; the command picks it (deploy/entrypoint.sh):
#   docker build -t jobstream .
#   docker run --env-file .env jobstream web       # UI, tRPC over HTTP and WebSocket, health, metrics (port 3000)
#   docker run --env-file .env jobstream worker    # a BullMQ worker driving Debian's Chromium
#   docker run --env-file .env jobstream migrate   # applies prisma/migrations to DATABASE_URL, then exits
# compose.yaml runs the whole topology (PostgreSQL, Redis, two of each, HAProxy).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: every dependency, exactly package-lock.json ------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts run only for the packages package.json's allowScripts allows
# (esbuild checks its platform binary; msgpackr-extract picks its prebuilt addon),
# whichever npm the base image ships: @prisma/engines' download of a schema engine
# (nothing here uses one) stays off. The project's own postinstall (prisma generate)
# runs in the build stage, once the schema is there.
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild esbuild msgpackr-extract

# --- prod-deps: the same without devDependencies, for the runtime image -------------
# dist/*.js bundle only our own code (scripts/build-server.mjs: packages external),
# and the web server loads Next.js, Prisma's runtime, ioredis and the rest from
# node_modules; tsx (a dependency) runs the migrator from source.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm rebuild esbuild msgpackr-extract

# --- build: Prisma client, Next.js build, dist/ bundles --------------------------------
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY . .
# scripts/prisma-generate.mjs is `npm run postinstall`: it needs no schema engine.
RUN node scripts/prisma-generate.mjs \
 && npm run build \
 && rm -rf .next/cache

# --- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# chromium: what the applier drives and prints PDFs with (BROWSER_EXECUTABLE_PATH);
# fonts-liberation: metric-compatible Arial/Times/Courier for pages and PDFs (a
# recommendation apt would skip); tini: PID 1 that forwards signals and reaps
# Chromium's orphaned children. setpriv (BROWSER_SANDBOX as root) is in util-linux.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    BROWSER_EXECUTABLE_PATH=/usr/bin/chromium
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json next.config.js tsconfig.json ./
COPY prisma ./prisma
# The migrator runs from source (npm run db:migrate is tsx scripts/db-migrate.ts);
# src/ holds it, with the generated Prisma client, and tsconfig.json its ~ paths.
COPY --from=build /app/src ./src
COPY scripts/db-migrate.ts ./scripts/db-migrate.ts
COPY --from=build /app/dist ./dist
# Next writes its runtime caches under .next: the app's user owns it.
COPY --from=build --chown=node:node /app/.next ./.next
COPY --chmod=0755 deploy/entrypoint.sh ./deploy/entrypoint.sh
# Not root: Chromium then sandboxes itself with user namespaces where the container
# allows them (BROWSER_SANDBOX=auto; see compose.yaml's workers).
USER node
EXPOSE 3000
# The web role: this instance can serve (Redis answers, the database is open). Not
# /api/health, which also needs a live worker: no worker is no reason to stop serving.
# compose.yaml gives the worker its own check and none to migrate; with a bare
# `docker run … worker` or `… migrate`, add --no-healthcheck.
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "/app/deploy/entrypoint.sh"]
CMD ["web"]
