#!/usr/bin/env bash
# Builds the image with Debian's docker.io and smoke-tests it against the host's
# PostgreSQL, without a registry: dockerd runs with its data under a temporary
# folder (--iptables=false --bridge=none, so it changes nothing on the host), the
# base comes from scripts/build_base_image.sh (cached), and every container
# shares the host's network. Checks /healthz, /readyz, a page, a static file, a
# numeric non-root uid and a start log without warnings or errors.
# Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/db bash scripts/build_image.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to an empty PostgreSQL database}"
work=$(mktemp -d /tmp/cas-docker.XXXXXX)
container=""
dockerd_pid=""
export DOCKER_HOST="unix://$work/docker.sock"
# Debian's docker.io client, whatever else is on PATH.
docker() { /usr/bin/docker "$@"; }
cleanup() {
  [ -n "$container" ] && docker rm -f "$container" >/dev/null 2>&1 || true
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
  fi
  # dockerd leaves its network namespace mounted under the exec root.
  umount "$work/exec/netns/default" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

base_tar=$(bash scripts/build_base_image.sh)

echo "== dockerd (data under $work)"
dockerd --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/dockerd.pid" \
  --host "$DOCKER_HOST" --iptables=false --ip6tables=false --bridge=none \
  >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
docker info >/dev/null 2>&1 || { tail -n 30 "$work/dockerd.log" >&2; exit 1; }

docker import "$base_tar" cas-base:bookworm >/dev/null

echo "== docker build --network host"
started=$(date +%s)
DOCKER_BUILDKIT=0 docker build --quiet --network host --build-arg BASE=cas-base:bookworm \
  -t cas-directory:ci . >/dev/null
built=$(date +%s)
size=$(docker image inspect cas-directory:ci --format '{{.Size}}')
echo "image built in $((built - started)) s, size $((size / 1000000)) MB"

user=$(docker image inspect cas-directory:ci --format '{{.Config.User}}')
case "$user" in
  10001:10001) echo "runs as uid $user" ;;
  *) echo "the image's USER is '$user', not the numeric non-root 10001:10001" >&2; exit 1 ;;
esac

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run=(docker run --rm --network host -e DATABASE_URL="$DATABASE_URL"
  -e DJANGO_SECRET_KEY="image-check-$(date +%s)-not-a-real-secret-0123456789abcdef"
  -e DJANGO_ALLOWED_HOSTS=localhost -e DJANGO_SECURE_SSL=0 -e GUNICORN_BIND="127.0.0.1:$port"
  -e GUNICORN_WORKERS=2)
echo "== release step in the image"
"${run[@]}" cas-directory:ci sh -c \
  'python manage.py migrate --noinput --verbosity 0 && python manage.py load_reference_data --verbosity 0'

echo "== gunicorn in the image"
container=$("${run[@]}" -d cas-directory:ci)
base="http://127.0.0.1:$port"
get() { curl --silent --show-error --max-time 5 -H "Host: localhost" -o "$work/body" -w '%{http_code}' "$base$1"; }
for _ in $(seq 1 60); do [ "$(get /healthz 2>/dev/null)" = 200 ] && break; sleep 0.5; done
uid=$(docker exec "$container" id -u)
[ "$uid" = 10001 ] || { echo "gunicorn runs as uid $uid" >&2; exit 1; }
fail=0
for url in /healthz /readyz / /about/; do
  code=$(get "$url"); echo "$url -> $code"; [ "$code" = 200 ] || fail=1
done
css=$(grep -o '/static/css/site\.[0-9a-f]*\.css' "$work/body" | head -n 1)
code=$(get "$css"); echo "$css -> $code"; [ "$code" = 200 ] || fail=1
grep -q "quick-exit" "$work/body" || { echo "the stylesheet looks wrong" >&2; fail=1; }
sleep 1
docker logs "$container" >"$work/start.log" 2>&1
if grep -Ei "warning|error|denied|traceback" "$work/start.log"; then
  echo "the start log is not clean (above)" >&2; fail=1
fi
[ "$fail" = 0 ] || { cat "$work/start.log" >&2; exit 1; }
echo "image OK"
