#!/usr/bin/env bash
# Rebuilds examples/illustrative/: a small ledger that ILLUSTRATES features the shipped MoJ
# ledger cannot show, because its sources do not record them (service managers, phases,
# assessments, assisted-digital provision, a GOV.UK transition). Nothing in it is a sourced
# fact.
#
# Deterministic (fixed LEDGER_NOW and LEDGER_SEED). Built in a temporary folder first: the
# example is replaced only when the build succeeded and its bytes differ.
#
#   scripts/build-examples.sh           rebuild examples/illustrative/
#   scripts/build-examples.sh --check   only compare: exit 1 if it differs from a rebuild
set -euo pipefail
cd "$(dirname "$0")/.."
mode=update
if [ "${1:-}" = "--check" ]; then
  mode=check
  shift
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/build-examples.sh [--check]" >&2
  exit 64
fi
ledger=${LEDGER_BIN:-.build/debug/ledger}
out=examples/illustrative
if [ ! -x "$ledger" ]; then
  echo "build-examples: no ledger binary at $ledger; run make build first (or set LEDGER_BIN)" >&2
  exit 1
fi
work=$(mktemp -d examples/.build-examples.XXXXXX)
trap 'rm -rf "$work"' EXIT
new="$work/illustrative"
mkdir "$new"
export LEDGER_ACTOR=example LEDGER_SEED=42
step=0
record() {
  step=$((step + 1))
  LEDGER_NOW=$(printf '2026-01-01T00:%02d:00Z' "$step") "$ledger" record "$@" --ledger "$new" >/dev/null
}
record service.registered service=example-visits name="Book a prison visit (example)" organisation=NOMS on=2012-01-01
record service.registered service=example-claims name="Make a money claim (example)" organisation=HMCTS on=2012-01-01
record volume.reported service=example-visits from=2013-04-01 to=2014-03-31 total=1200000 digital=60000 assisted=5000 phone=900000 post=35000 faceToFace=200000 other=0 source="illustrative figures"
record volume.reported service=example-claims from=2013-04-01 to=2014-03-31 total=50000 digital=30000 source="illustrative figures"
record phase.entered service=example-visits phase=alpha on=2013-06-01
record manager.appointed service=example-visits person=p-0001 on=2013-06-01
record assessment.recorded service=example-visits stage=beta on=2014-02-20 result=pass assessor=gds
record phase.entered service=example-visits phase=beta on=2014-03-01
record assisted-digital.provided service=example-visits on=2014-03-01 routes=phone,face-to-face provider="visitor centres (example)"
record manager.departed service=example-visits person=p-0001 on=2014-06-30
record manager.appointed service=example-visits person=p-0002 on=2014-07-01
record phase.entered service=example-claims phase=beta on=2014-05-01
record govuk.transitioned service=example-visits on=2014-04-01 url=https://www.gov.uk/prison-visits
events=$(wc -l < "$new/ledger.jsonl")
if cmp -s "$new/ledger.jsonl" "$out/ledger.jsonl"; then
  echo "build-examples: $out/ is unchanged ($events illustrative events, byte for byte)"
  exit 0
fi
if [ "$mode" = check ]; then
  echo "build-examples: $out/ differs from a rebuild; change scripts/build-examples.sh, then" \
    "run it" >&2
  exit 1
fi
trap '' INT TERM HUP
if [ -d "$out" ]; then mv "$out" "$work/previous"; fi
mv "$new" "$out"
trap - INT TERM HUP
echo "build-examples: rebuilt $out/: $events illustrative events"
