#!/bin/sh
# The image's entry point (Dockerfile): the first argument picks the role.
#   web      node dist/server.js: UI, tRPC over HTTP and WebSocket, /api/health, /api/metrics
#            (it also applies pending migrations on start-up, under an advisory lock)
#   worker   node dist/worker.js: BullMQ worker, agents, Chromium
#   migrate  applies prisma/migrations to DATABASE_URL and exits; safe to run again
#            (what `npm run db:migrate` runs: tsx scripts/db-migrate.ts)
# Any other command that exists runs as given (`docker run -it IMAGE sh`).
set -eu

cd /app
role="${1:-web}"
if [ "$#" -gt 0 ]; then shift; fi

case "$role" in
  web) exec node --enable-source-maps dist/server.js "$@" ;;
  worker) exec node --enable-source-maps dist/worker.js "$@" ;;
  migrate) exec node_modules/.bin/tsx scripts/db-migrate.ts "$@" ;;
esac

if command -v "$role" >/dev/null 2>&1; then
  exec "$role" "$@"
fi
echo "usage: web | worker | migrate (or a command to run); got: $role" >&2
exit 64
