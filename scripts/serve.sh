#!/usr/bin/env bash
# `make serve`: the site as production runs it, on this machine. gunicorn with
# settings.production, and beside it the task worker (edition PDFs, indexing),
# both stopped together. Static files are collected first; the database must be
# migrated already (an app server never migrates on its own: docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
export DJANGO_SETTINGS_MODULE=settings.production

for name in SECRET_KEY ALLOWED_HOSTS; do
    if [ -z "${!name:-}" ]; then
        echo "make serve needs $name in the environment (README, \"Serving in production\")." >&2
        exit 2
    fi
done

"$BIN/python" manage.py collectstatic --noinput -v 0
if ! "$BIN/python" manage.py migrate --check >/dev/null; then
    echo "The database has migrations to apply: run" >&2
    echo "  DJANGO_SETTINGS_MODULE=settings.production $BIN/python manage.py migrate" >&2
    exit 2
fi

pids=()
stop() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait; }
trap stop INT TERM EXIT

if [ "${TASKS_BACKEND:-database}" = database ]; then
    "$BIN/python" manage.py db_worker --queue-name '*' &
    pids+=($!)
fi
"$BIN/gunicorn" -c site/gunicorn.conf.py &
pids+=($!)
echo "Serving on http://${HOST:-127.0.0.1}:${PORT:-8000}/ (gunicorn, settings.production)"
wait -n  # when one stops, stop the other
