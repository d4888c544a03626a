#!/usr/bin/env bash
# Lighthouse (npm, mobile) accessibility and best-practices scores of the home, search,
# organization and resources pages, served with production settings (gunicorn, hashed
# static files, no DEBUG) from a throw-away SQLite database with the sample data.
# Prints each page's scores and the audits that failed; exits 1 unless every score is 100.
# A measurement to repeat by hand, not a CI test: Lighthouse's audits change between
# releases. Needs Node.js with npm and a Chromium (CHROME_PATH, default Debian's).
# Usage: bash scripts/lighthouse.sh [extra paths, e.g. /es/ /counties/fresno/]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
LIGHTHOUSE_VERSION=${LIGHTHOUSE_VERSION:-12.8.2}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
tool=.cache/lighthouse
lighthouse="$tool/node_modules/.bin/lighthouse"
if [ "$("$lighthouse" --version 2>/dev/null || true)" != "$LIGHTHOUSE_VERSION" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$tool" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SECRET_KEY="lighthouse-$(date +%s)-not-a-real-secret-0123456789abcdef"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
# Plain HTTP on 127.0.0.1, which browsers treat as a secure origin.
export DJANGO_SECURE_SSL=0
export DJANGO_STATIC_ROOT="$work/static" DJANGO_MEDIA_ROOT="$work/media"
export DATABASE_URL="sqlite:///$work/db.sqlite3"
unset DJANGO_DEBUG DJANGO_TESTING REDIS_URL

"$PYTHON" manage.py collectstatic --noinput --verbosity 0
"$PYTHON" manage.py migrate --noinput --verbosity 0
"$PYTHON" manage.py load_reference_data >/dev/null
"$PYTHON" manage.py load_sample_data >/dev/null
organization=$("$PYTHON" manage.py shell --no-imports -c "
from organizations.models import Organization
listing = (
    Organization.objects.published()
    .filter(locations__is_confidential=False, phones__isnull=False)
    .order_by('slug')
    .first()
)
print(listing.get_absolute_url())
")

port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=2 "$PYTHON" -m gunicorn -c gunicorn.conf.py \
  cas_directory.wsgi >"$work/gunicorn.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.5
done

paths=(
  /
  "/search/?county=fresno&service_type=legal-services&population=adults"
  "$organization"
  /resources/
  "$@"
)
failed=0
for path in "${paths[@]}"; do
  report="$work/report.json"
  "$lighthouse" "http://127.0.0.1:$port$path" --quiet --form-factor=mobile \
    --only-categories=accessibility,best-practices --output=json --output-path="$report" \
    --chrome-flags="--headless=new --no-sandbox"
  node -e '
    const report = require(process.argv[1]);
    const scores = Object.values(report.categories).map((c) => `${c.id} ${Math.round(c.score * 100)}`);
    console.log(`${process.argv[2]}: ${scores.join(", ")}`);
    let perfect = true;
    for (const category of Object.values(report.categories)) {
      if (category.score < 1) perfect = false;
      for (const ref of category.auditRefs) {
        const audit = report.audits[ref.id];
        if (audit.score !== null && audit.score < 1) console.log(`  failed: ${ref.id} (${audit.title})`);
      }
    }
    process.exit(perfect ? 0 : 1);
  ' "$report" "$path" || failed=1
done
exit $failed
