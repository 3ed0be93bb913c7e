#!/usr/bin/env bash
# Rebuilds the plan packs under plans/ from their sources. Deterministic: fixed recording time
# (LEDGER_NOW) and ids (LEDGER_SEED), so running it again gives the same bytes.
#
#   plans/ogp-local/: the two OGP Local action plans of NDI's report "Open Government at the
#   Local Level" (May 2023), from plans/ogp-local/sources/ogp-local.jsonl, every event with the
#   sentence it comes from in its `source` (see plans/ogp-local/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ledger=${LEDGER_BIN:-.build/debug/ledger}
out=${PLANS_DIR:-plans}

pack="$out/ogp-local"
mkdir -p "$pack"
rm -f "$pack"/*.jsonl "$pack"/.ledger-*
LEDGER_ACTOR=ogp-local LEDGER_SEED=2023 LEDGER_NOW=2026-11-29T09:00:00Z "$ledger" append \
  --ledger "$pack" --file ogp-local.jsonl plans/ogp-local/sources/ogp-local.jsonl
