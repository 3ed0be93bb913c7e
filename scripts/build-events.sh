#!/usr/bin/env bash
# Rebuilds the shipped ledger, events/, from its sources. Deterministic: fixed recording times
# (LEDGER_NOW) and ids (LEDGER_SEED), so running it again gives the same bytes.
#
#   1. the strategy (sources/moj-2012-strategy.jsonl, quoted line by line in
#      sources/moj-2012-strategy.md) into moj-2012.jsonl;
#   2. the 26 MoJ services and their volumes from the Transactions Explorer CSV
#      (../shared/data/moj-transactions-explorer.csv), one file per organisation;
#   3. the four exemplars of action 1 (five services: civil claims is money claims and
#      possession claims), due 2015-03-31, into moj-2012.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
csv=${1:-../shared/data/moj-transactions-explorer.csv}
ledger=${LEDGER_BIN:-.build/debug/ledger}
out=${EVENTS_DIR:-events}
export LEDGER_ACTOR=moj-digital LEDGER_SEED=2012

rm -rf "$out"
mkdir -p "$out"
LEDGER_NOW=2026-11-21T09:00:00Z "$ledger" append --ledger "$out" --file moj-2012.jsonl \
  sources/moj-2012-strategy.jsonl
LEDGER_NOW=2026-11-21T09:01:00Z LEDGER_SEED=2013 "$ledger" import transactions-explorer "$csv" \
  --ledger "$out" --file-per-organisation
LEDGER_NOW=2026-11-21T09:02:00Z LEDGER_SEED=2014 "$ledger" append --ledger "$out" \
  --file moj-2012.jsonl sources/moj-2012-exemplars.jsonl
