#!/usr/bin/env bash
# Builds the Debian package the way Debian does, with debhelper from debian/
# (dh --buildsystem=cmake, Unix Makefiles), in a scratch copy of the source,
# and puts the .deb in OUTDIR.
#
#   scripts/build-deb.sh OUTDIR
set -euo pipefail
out=$(realpath -m "$1")
source_dir=$(realpath "$(dirname "$0")/..")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The tracked files only (no build trees); a tarball without git: all of it.
mkdir "$scratch/citfee"
if git -C "$source_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$source_dir" ls-files -z --cached --others --exclude-standard |
    (cd "$source_dir" && xargs -0 cp --parents -t "$scratch/citfee" 2>/dev/null || true)
else
  cp -a "$source_dir/." "$scratch/citfee"
  rm -rf "$scratch/citfee"/build*
fi

(cd "$scratch/citfee" && DEB_BUILD_OPTIONS="parallel=${JOBS:-2} noautodbgsym" \
  dpkg-buildpackage -b -us -uc --no-sign >"$scratch/build.log" 2>&1) || {
  tail -n 60 "$scratch/build.log" >&2
  echo "build-deb: dpkg-buildpackage failed" >&2
  exit 1
}
mkdir -p "$out"
mv "$scratch"/*.deb "$out"/
ls "$out"/*.deb
