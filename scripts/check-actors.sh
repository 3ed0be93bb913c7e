#!/usr/bin/env bash
# CI: bind the self-declared actor (`by`) of every new ledger line to an identity.
#
#   scripts/check-actors.sh BASE_REF [LEDGER_DIR] [ACTORS_FILE]
#
# For each commit in BASE_REF..HEAD, every line it adds to LEDGER_DIR/*.jsonl must have
# "by" equal to the actor that ACTORS_FILE (committed; default .github/ledger-actors) gives
# for the commit's identity: lines of "IDENTITY ACTOR", '#' comments. The identity is the
# commit author's e-mail, or LEDGER_CI_IDENTITY when set (e.g. the pull request author's
# login, which the CI platform has authenticated, unlike a commit's author field). Lines a
# merge commit adds that are in none of its parents are checked against the merge's identity.
# Prints GitHub annotations; exits 1 when any line does not match.
set -euo pipefail
base=${1:?usage: scripts/check-actors.sh BASE_REF [LEDGER_DIR] [ACTORS_FILE]}
dir=${2:-events}
actors=${3:-.github/ledger-actors}
[ -f "$actors" ] || { echo "::error::$actors: no such actors file" >&2; exit 1; }
status=0

# Prints "FILE<tab>LINE<tab>BY" for each line added (by the given diff command's output on
# stdin, written with core.quotePath=false so that a file name is as it is, but for the tab
# git puts after one with a space).
added_lines() {
  awk -v OFS='\t' '
    /^\+\+\+ b\// { file = substr($0, 7); sub(/\t$/, "", file); next }
    /^@@ / { split($3, range, ","); line = substr(range[1], 2) + 0; next }
    /^@@@ / { line = 0; next }
    /^\+\+\{/ || /^\+\{/ {
      text = $0; sub(/^\+\+?/, "", text)
      count = gsub(/"by":"[^"]*"/, "&", text)
      by = ""
      if (count == 1) { match(text, /"by":"[^"]*"/); by = substr(text, RSTART + 6, RLENGTH - 7) }
      print file, line, (count == 1 ? by : "?")
      if (line > 0) line++
      next
    }
    /^\+/ { if (line > 0) line++ }
  '
}

for commit in $(git rev-list --reverse "$base"..HEAD); do
  identity=${LEDGER_CI_IDENTITY:-$(git show -s --format=%ae "$commit")}
  actor=$(awk -v id="$identity" '$1 == id { print $2; exit }' "$actors")
  if git rev-parse -q --verify "$commit^2" >/dev/null; then
    diff=$(git -c core.quotePath=false show --cc --unified=0 --format= "$commit" \
      -- ":(glob)$dir/*.jsonl")
  else
    diff=$(git -c core.quotePath=false diff --unified=0 --no-color "$commit^" "$commit" \
      -- ":(glob)$dir/*.jsonl")
  fi
  while IFS=$'\t' read -r file line by; do
    [ -n "$file" ] || continue
    place="file=$file"
    [ "$line" -gt 0 ] && place="$place,line=$line"
    if [ -z "$actor" ]; then
      echo "::error $place::commit ${commit:0:12} adds ledger lines, but $identity is not in $actors"
      status=1
    elif [ "$by" != "$actor" ]; then
      echo "::error $place::commit ${commit:0:12} by $identity ($actor) adds a line with by=$by"
      status=1
    fi
  done < <(printf '%s\n' "$diff" | added_lines)
done
[ "$status" -eq 0 ] && echo "check-actors: every new line's actor matches its commit's identity"
exit "$status"
