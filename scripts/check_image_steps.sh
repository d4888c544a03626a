#!/usr/bin/env bash
# Runs the Dockerfile's steps without a Docker engine, so CI proves them:
# a clean install of requirements.lock, collectstatic with production settings, Django's
# deployment checks, then gunicorn with gunicorn.conf.py answering the
# HEALTHCHECK script. Usage: bash scripts/check_image_steps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== pip install --require-hashes -r requirements.lock (the image's dependency layer)"
"$PYTHON" -m venv "$work/venv"
# A failed install stops the check here (this machine's local package folders add
# "WARNING: Location" lines, left out of what is shown).
if ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
  -r requirements.lock >"$work/pip.log" 2>&1; then
  grep -v "^WARNING: Location" "$work/pip.log" >&2
  exit 1
fi
# The runtime lock alone must hold every dependency of what it installs.
"$work/venv/bin/pip" check --disable-pip-version-check

export DJANGO_SECRET_KEY="image-check-$(date +%s)-not-a-real-secret-0123456789abcdef"
export DJANGO_STATIC_ROOT="$work/static"
export DJANGO_MEDIA_ROOT="$work/media"
export DJANGO_ALLOWED_HOSTS="directory.example.org"
export DATABASE_URL="sqlite:///$work/db.sqlite3"
unset DJANGO_DEBUG DJANGO_TESTING

echo "== collectstatic with production settings"
"$work/venv/bin/python" manage.py collectstatic --noinput --verbosity 0
test -f "$work/static/staticfiles.json"

echo "== check --deploy"
"$work/venv/bin/python" manage.py check --deploy --fail-level WARNING

echo "== release step: migrate, load_reference_data"
"$work/venv/bin/python" manage.py migrate --noinput --verbosity 0
"$work/venv/bin/python" manage.py load_reference_data

echo "== gunicorn and the HEALTHCHECK"
port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=1
"$work/venv/bin/gunicorn" cas_directory.wsgi >"$work/gunicorn.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
  if "$work/venv/bin/python" scripts/healthcheck.py; then
    echo "healthy on port $port"
    sleep 0.5
    access=$(grep '"GET /healthz' "$work/gunicorn.log" || true)
    if [ -z "$access" ] || grep -q "127\.0\.0\.1" <<<"$access"; then
      echo "the access log is missing or names a client address" >&2
      exit 1
    fi
    exit 0
  fi
  sleep 0.2
done
cat "$work/gunicorn.log" >&2
echo "gunicorn did not become healthy" >&2
exit 1
