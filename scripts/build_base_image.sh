#!/usr/bin/env bash
# The image's base, made without a registry: a debootstrapped Debian bookworm
# (minbase) with python3 and venv, plus this machine's extra CA certificates
# (/usr/local/share/ca-certificates, for a network that inspects TLS). The
# root file system is kept as a tarball in CACHE_DIR and made again only when
# this script changes, so CI builds it once.
# Usage: bash scripts/build_base_image.sh  -> prints the tarball's path
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE_DIR=${CACHE_DIR:-/var/cache/cas-ci}
stamp=$(cat scripts/build_base_image.sh /usr/local/share/ca-certificates/*.crt 2>/dev/null \
  | sha256sum | cut -c1-12)
tarball="$CACHE_DIR/base-bookworm-$stamp.tar"
if [ -s "$tarball" ]; then
  echo "$tarball"
  exit 0
fi
mkdir -p "$CACHE_DIR"
root=$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
  bookworm "$root" http://deb.debian.org/debian >"$CACHE_DIR/debootstrap.log" 2>&1 \
  || { tail -n 30 "$CACHE_DIR/debootstrap.log" >&2; exit 1; }
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
mv "$tarball.tmp" "$tarball"
echo "$tarball"
