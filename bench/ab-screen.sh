#!/usr/bin/env bash
# Compares two builds of `salus screen` on a shared, noisy machine: both run AT THE SAME TIME, one core each (cores swapped
# every round), so both see the same machine; prints the summed user CPU of each, their ratio, and whether the outputs match.
# Usage: bench/ab-screen.sh BUILD_DIR_A BUILD_DIR_B [FILE.jsonl] [ROUNDS]
#   BUILD_DIR: a folder with salus.dll (e.g. a copy of src/Salus.Host/bin/Release/net10.0 before and after a change)
set -euo pipefail
A=$1; B=$2; F=${3:-bench/out/corpus.jsonl}; R=${4:-2}
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed"; exit 2; }
[ "$(nproc)" -ge 2 ] || { echo "needs two cores"; exit 2; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ta=0; tb=0
for r in $(seq "$R"); do
  if [ $((r % 2)) = 1 ]; then ca=0; cb=1; else ca=1; cb=0; fi
  /usr/bin/time -f "%U" -o "$TMP/a.time" taskset -c $ca dotnet "$A/salus.dll" screen --in "$F" --out "$TMP/a.jsonl" >/dev/null 2>&1 &
  /usr/bin/time -f "%U" -o "$TMP/b.time" taskset -c $cb dotnet "$B/salus.dll" screen --in "$F" --out "$TMP/b.jsonl" >/dev/null 2>&1 &
  wait
  ta=$(echo "$ta + $(tail -1 "$TMP/a.time")" | bc); tb=$(echo "$tb + $(tail -1 "$TMP/b.time")" | bc)
done
same=$(cmp -s "$TMP/a.jsonl" "$TMP/b.jsonl" && echo yes || echo NO)
echo "A $A: ${ta}s user   B $B: ${tb}s user   B/A = $(echo "scale=3; $tb / $ta" | bc)   identical output: $same"
