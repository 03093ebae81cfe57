#!/usr/bin/env bash
# Writes the README screenshots, headless (JavaFX on Monocle, no display needed):
#   DIR/screenshot-light.png and DIR/screenshot-dark.png, 1440×900, of a busy moment — orders placed,
#   order-list lagging with stale rows tinted, sales-by-customer catching up.
#
#   tools/screenshots.sh            # into assets/ (what README.md shows)
#   tools/screenshots.sh DIR        # anywhere else
#   tools/screenshots.sh DIR extra  # also presenter.png and help.png
#
# The generator is src/test/java/io/cqrsflow/ui/ReadmeScreenshots.java, run through the test class path
# (which has Monocle and the headless settings of pom.xml). Its name does not end in "Test", so
# `./mvnw verify` never runs it; SnapshotsTest checks that PNG export itself works.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(realpath -m "${1:-assets}")"
extra=false
[ "${2:-}" = extra ] && extra=true

./mvnw -B -q test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcqrsflow.screenshots="$out" -Dcqrsflow.screenshots.extra="$extra"
ls -l "$out"/screenshot-light.png "$out"/screenshot-dark.png
