#!/usr/bin/env bash
# make backup: the database and the media folder into one new folder under
# BACKUP_DIR (default backups/), named by the time. PostgreSQL: pg_dump's custom
# format (compressed, restored with pg_restore); SQLite: dumpdata as JSON.
# Prints the folder. See README.md, Operations (nightly runs, retention, the drill).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
url=${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}
media=${DJANGO_MEDIA_ROOT:-$PWD/media}
target="${BACKUP_DIR:-backups}/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
case "$url" in
  postgres://* | postgresql://*)
    pg_dump --format=custom --no-owner --no-privileges --dbname="$url" --file="$target/database.dump" ;;
  *)
    DATABASE_URL="$url" "$PYTHON" manage.py dumpdata --natural-foreign --indent 0 \
      --exclude contenttypes --exclude auth.permission --exclude sessions \
      --output "$target/database.json" ;;
esac
if [ -d "$media" ]; then
  tar -C "$media" -czf "$target/media.tar.gz" .
else
  tar -czf "$target/media.tar.gz" -T /dev/null
fi
( cd "$target" && sha256sum -- * >SHA256SUMS )
echo "$target"
