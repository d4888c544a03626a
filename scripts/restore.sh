#!/usr/bin/env bash
# make restore BACKUP=backups/<time>: puts a backup made by scripts/backup.sh
# back into DATABASE_URL's database and the media folder. The database must be
# empty (a new one, or `dropdb` + `createdb` first): nothing is merged. The
# media folder is replaced. Checks the backup's SHA256SUMS first.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
source_dir=${1:?usage: scripts/restore.sh BACKUP_FOLDER}
url=${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}
media=${DJANGO_MEDIA_ROOT:-$PWD/media}
( cd "$source_dir" && sha256sum --check --quiet SHA256SUMS )
case "$url" in
  postgres://* | postgresql://*)
    pg_restore --no-owner --no-privileges --exit-on-error --dbname="$url" \
      "$source_dir/database.dump" ;;
  *)
    DATABASE_URL="$url" "$PYTHON" manage.py migrate --noinput --verbosity 0
    DATABASE_URL="$url" "$PYTHON" manage.py loaddata "$source_dir/database.json" --verbosity 0 ;;
esac
rm -rf "$media"
mkdir -p "$media"
tar -C "$media" -xzf "$source_dir/media.tar.gz"
echo "restored $source_dir"
