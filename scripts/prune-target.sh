#!/usr/bin/env bash
# Deletes this workspace's own build outputs (not its dependencies') that no build has
# written for six hours from the shared target directory. Each checkout folder, feature set
# and dependency change gives the workspace crates new file names, and debug test binaries
# are over a gigabyte each: a day of fresh-clone CI runs filled a 90 GB disk. Cargo rebuilds
# anything pruned that it still needs (a few minutes for these crates).
set -euo pipefail
target=${CARGO_TARGET_DIR:-$HOME/.cache/notikumi/target}
# A new machine has built nothing yet.
[ -d "$target" ] || exit 0
for deps in "$target"/{,*/,*/*/}{debug,release}/deps; do
  [ -d "$deps" ] || continue
  find "$deps" -maxdepth 1 -type f -mmin +360 \( \
    -name 'libapp-*' -o -name 'app-*' -o -name 'libserver-*' -o -name 'server-*' \
    -o -name 'notikumi-*' -o -name 'site-*' -o -name 'libfrontend-*' -o -name 'frontend-*' \
    -o -name 'libnotikumi-*' \) -delete
done
# The server's debug test outputs are several gigabytes each; one set per checkout folder is
# written per build. Of each kind keep only the two newest (this checkout's and one other's),
# however young the rest are: a busy day of builds filled the disk within the six hours.
for deps in "$target"/debug/deps; do
  [ -d "$deps" ] || continue
  for kind in 'libserver-*.rlib' 'notikumi-*' 'site-*'; do
    find "$deps" -maxdepth 1 -type f -name "$kind" ! -name '*.d' -printf '%T@ %p\n' \
      | sort -rn | tail -n +3 | cut -d' ' -f2- | xargs -r rm -f
  done
done
# Incremental caches are per checkout folder too; CI does not write them (CARGO_INCREMENTAL=0).
find "$target" -maxdepth 3 -type d -name incremental -mmin +360 -prune -exec rm -rf {} +
