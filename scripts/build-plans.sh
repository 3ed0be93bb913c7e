#!/usr/bin/env bash
# Rebuilds the plan packs under plans/ from their sources in the repository. Deterministic:
# fixed recording time (LEDGER_NOW) and ids (LEDGER_SEED), so every run gives the same bytes.
#
#   plans/ogp-local/: the two OGP Local action plans of NDI's report "Open Government at the
#   Local Level" (May 2023), from plans/ogp-local/sources/ogp-local.jsonl, every event quoting
#   the sentence it comes from in its `source` (see plans/ogp-local/README.md).
#   plans/kl-municipal/: KL's survey of the Danish municipalities' digitalisation strategies and
#   its link collection (64 municipalities, their documents' forms, periods and links).
#   plans/to-hieu-school/: Tô Hiệu Primary School's plan 19/KH-TH (22/9/2022) and the district
#   and division documents it implements.
#   plans/yakutsk-network-city/: the four appendices of Yakutsk's order 01-10/967 (31.10.2011)
#   on the system "Сетевой Город. Образование", its legal bases and its data-subject rules.
#   Each pack's README says what it holds and the conventions its dates follow.
#
# Each pack is built in a temporary folder and compared with the committed one, which is touched
# only when the build succeeded and its log files differ; what is not the log (README.md,
# sources/) is kept.
#
#   scripts/build-plans.sh           rebuild plans/ (says whether anything changed)
#   scripts/build-plans.sh --check   only compare: exit 1 if a pack differs from a rebuild
#
# Environment: LEDGER_BIN (default .build/debug/ledger), PLANS_DIR (default plans).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=update
if [ "${1:-}" = "--check" ]; then
  mode=check
  shift
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/build-plans.sh [--check]" >&2
  exit 64
fi
ledger=${LEDGER_BIN:-.build/debug/ledger}
plans=${PLANS_DIR:-plans}
if [ ! -x "$ledger" ]; then
  echo "build-plans: no ledger binary at $ledger; run make build first (or set LEDGER_BIN)" >&2
  exit 1
fi
work=$(mktemp -d "$plans/.build-plans.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0

# build PACK ACTOR SEED NOW: the pack's log from PACK/sources/PACK.jsonl.
build() {
  local pack=$1 out="$plans/$1" new="$work/$1" source="$plans/$1/sources/$1.jsonl"
  if [ ! -f "$source" ]; then
    echo "build-plans: $source is missing; it is part of the repository (git checkout it)" >&2
    return 1
  fi
  mkdir "$new"
  if ! LEDGER_ACTOR=$2 LEDGER_SEED=$3 LEDGER_NOW=$4 "$ledger" append --ledger "$new" \
    --file "$pack.jsonl" "$source" > "$work/output"; then
    cat "$work/output" >&2
    echo "build-plans: the build of $out/ failed; it was left as it was" >&2
    return 1
  fi
  local name="$pack.jsonl" lines
  lines=$(wc -l < "$new/$name")
  if cmp -s "$out/$name" "$new/$name"; then
    echo "build-plans: $out/ is unchanged: the rebuild gives the same $lines events, byte for byte"
    return 0
  fi
  local before=0
  [ -f "$out/$name" ] && before=$(wc -l < "$out/$name")
  if [ "$mode" = check ]; then
    echo "build-plans: $out/ differs from a rebuild from $source:" >&2
    echo "  $name: $before lines before, $lines now" >&2
    echo "edit the source (never the log by hand) and run make plans" >&2
    return 1
  fi
  rm -f "$out"/.ledger-cache "$out"/.ledger-cache-validator
  mv "$new/$name" "$out/$name"
  echo "build-plans: rebuilt $out/ ($lines events; $before before)"
}

build ogp-local ogp-local 2023 2026-11-29T09:00:00Z || status=1
build kl-municipal kl-municipal 2021 2026-11-29T09:00:00Z || status=1
build to-hieu-school to-hieu-school 2022 2026-11-29T09:00:00Z || status=1
build yakutsk-network-city yakutsk-network-city 2011 2026-11-29T09:00:00Z || status=1
exit $status
