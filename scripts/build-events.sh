#!/usr/bin/env bash
# Rebuilds the shipped ledger, events/, from the repository's sources. Deterministic: fixed
# recording times (LEDGER_NOW) and ids (LEDGER_SEED), so every run gives the same bytes.
#
#   1. the strategy (sources/moj-2012-strategy.jsonl, quoted line by line in
#      sources/moj-2012-strategy.md) into moj-2012.jsonl;
#   2. the 26 MoJ services and their volumes from the Transactions Explorer CSV
#      (sources/data/moj-transactions-explorer.csv, see sources/data/README.md), one file per
#      organisation;
#   3. the four exemplars of action 1 (five services: civil claims is money claims and
#      possession claims), due 2015-03-31, into moj-2012.jsonl.
#
# The new ledger is built in a temporary folder and compared with events/. events/ is touched
# only when the build succeeded and its log files differ; then they are replaced together, and
# anything else in the folder (roles.json, people.json) is kept.
#
#   scripts/build-events.sh           rebuild events/ (says whether anything changed)
#   scripts/build-events.sh --check   only compare: exit 1 if events/ differs from a rebuild
#
# Environment: LEDGER_BIN (default .build/debug/ledger), EVENTS_DIR (default events).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=update
if [ "${1:-}" = "--check" ]; then
  mode=check
  shift
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/build-events.sh [--check]" >&2
  exit 64
fi
csv=sources/data/moj-transactions-explorer.csv
ledger=${LEDGER_BIN:-.build/debug/ledger}
out=${EVENTS_DIR:-events}
if [ ! -x "$ledger" ]; then
  echo "build-events: no ledger binary at $ledger; run make build first (or set LEDGER_BIN)" >&2
  exit 1
fi
for input in sources/moj-2012-strategy.jsonl "$csv" sources/moj-2012-exemplars.jsonl; do
  if [ ! -f "$input" ]; then
    echo "build-events: $input is missing; it is part of the repository (git checkout it)" >&2
    exit 1
  fi
done

# The temporary folder sits beside events/, on the same file system, so the final moves are
# renames; its name starts with a dot and it is removed on any exit.
parent=$(dirname "$out")
work=$(mktemp -d "$parent/.build-events.XXXXXX")
trap 'rm -rf "$work"' EXIT
new="$work/$(basename "$out")"
mkdir "$new"

export LEDGER_ACTOR=moj-digital LEDGER_SEED=2012
quiet() { "$@" > "$work/output" || { cat "$work/output" >&2; return 1; }; }
if ! {
  LEDGER_NOW=2026-11-21T09:00:00Z quiet "$ledger" append --ledger "$new" --file moj-2012.jsonl \
    sources/moj-2012-strategy.jsonl &&
    LEDGER_NOW=2026-11-21T09:01:00Z LEDGER_SEED=2013 quiet "$ledger" import \
      transactions-explorer "$csv" --ledger "$new" --file-per-organisation &&
    LEDGER_NOW=2026-11-21T09:02:00Z LEDGER_SEED=2014 quiet "$ledger" append --ledger "$new" \
      --file moj-2012.jsonl sources/moj-2012-exemplars.jsonl
}; then
  echo "build-events: the build failed; $out/ was left as it was" >&2
  exit 1
fi

# What differs between the log files (*.jsonl) of events/ and of the new build.
logs() { (cd "$1" 2>/dev/null && ls -1 -- *.jsonl 2>/dev/null) || true; }
changes=()
for name in $( (logs "$out"; logs "$new") | sort -u); do
  if [ ! -f "$out/$name" ]; then
    changes+=("$name: new, $(wc -l < "$new/$name") lines")
  elif [ ! -f "$new/$name" ]; then
    changes+=("$name: no longer built, $(wc -l < "$out/$name") lines")
  elif ! cmp -s "$out/$name" "$new/$name"; then
    changes+=("$name: $(wc -l < "$out/$name") lines before, $(wc -l < "$new/$name") now")
  fi
done
count=$(logs "$new" | wc -l)
lines=$(cat "$new"/*.jsonl | wc -l)

if [ ${#changes[@]} -eq 0 ]; then
  echo "build-events: $out/ is unchanged: the rebuild gives the same $count files," \
    "$lines events, byte for byte"
  exit 0
fi
if [ "$mode" = check ]; then
  echo "build-events: $out/ differs from a rebuild from sources/:" >&2
  printf '  %s\n' "${changes[@]}" >&2
  echo "edit sources/ (never events/ by hand) and run make events" >&2
  exit 1
fi

# Keep what is not the log (settings such as roles.json); leave out the replay cache and lock
# files, which belong to the old log. The two renames are not interrupted.
if [ -d "$out" ]; then
  for path in "$out"/* "$out"/.[!.]*; do
    [ -e "$path" ] || continue
    case "$(basename "$path")" in
      *.jsonl | .ledger-*) ;;
      *) cp -pR "$path" "$new/" ;;
    esac
  done
  trap '' INT TERM HUP
  mv "$out" "$work/previous"
fi
mv "$new" "$out"
trap - INT TERM HUP
echo "build-events: rebuilt $out/ ($count files, $lines events); changed:"
printf '  %s\n' "${changes[@]}"
