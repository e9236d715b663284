#!/usr/bin/env bash
# Prints the slowest test classes of a Surefire report directory (default target/surefire-reports),
# so that every CI log shows where its time went. Prints nothing when there are no reports.
set -euo pipefail
dir="${1:-target/surefire-reports}"
count="${2:-10}"
shopt -s nullglob
reports=("$dir"/TEST-*.xml)
((${#reports[@]})) || exit 0
echo "slowest test classes in $dir:"
for report in "${reports[@]}"; do
  # the first <testsuite ...> element carries the class name and its total time in seconds
  head -c 4000 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -n 1 \
    | sed -E 's/.* name="([^"]*)".* time="([^"]*)".*/\2 \1/; t; s/.* time="([^"]*)".* name="([^"]*)".*/\1 \2/'
done | sort -rn | head -n "$count" | awk '{printf "  %8.1f s  %s\n", $1, $2}'
