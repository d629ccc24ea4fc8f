#!/usr/bin/env bash
# Times `salus screen` (Release) against `rg -F -f drugnames.txt` on the same ≥100 MB JSONL corpus.
# Usage: bench/screen-vs-ripgrep.sh [SIZE_MB]   (env SALUS_SCREEN_CMD overrides the screen command,
#        SALUS_SHARED_DATA points at ../shared/data for PsyTAR sentences)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZE_MB=${1:-100}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
SHARED=${SALUS_SHARED_DATA:-$ROOT/../shared/data}

command -v rg >/dev/null || { echo "installing ripgrep"; apt-get install -y ripgrep >/dev/null; }

# 1. the command under test
if [ -z "${SALUS_SCREEN_CMD:-}" ]; then
  if [ -f src/Salus.Host/Salus.Host.csproj ]; then
    dotnet build src/Salus.Host -c Release -v q >/dev/null
    SALUS_SCREEN_CMD="dotnet src/Salus.Host/bin/Release/net10.0/salus.dll screen"
  else
    dotnet build bench/Salus.ScreenCli -c Release -v q >/dev/null
    SALUS_SCREEN_CMD="dotnet bench/Salus.ScreenCli/bin/Release/net10.0/salus-screen.dll screen"
  fi
fi

# 2. the drug names, one per line: exactly the surfaces the automaton matches (normalised: lower case, no accents).
#    names.txt is the issue's literal `rg -F -f` input. Our engine folds case, so a case-sensitive rg misses "Zoloft";
#    names-cased.txt adds the Capitalised and UPPER forms of every name (3 literals per name), which is what
#    case-folded matching amounts to in social text while staying a plain literal search (rg -i with 48k literals
#    falls off its fast path and runs for many minutes: opt in with RG_CASE_INSENSITIVE=1).
zcat src/Salus.Screening/Resources/Generated/drugs.tsv.gz | grep -v '^#' | cut -f1 > "$OUT/drugnames.txt"
python3 - "$OUT/drugnames.txt" "$OUT/drugnames-cased.txt" <<'PY'
import sys
names = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as w:
    for n in names:
        for v in dict.fromkeys([n, n[:1].upper() + n[1:], n.upper()]):
            w.write(v + "\n")
PY

# 3. the corpus: PsyTAR sentences, the labelled sets, README/docs text, as JSONL
CORPUS=$OUT/corpus.jsonl
if [ ! -s "$CORPUS" ] || [ "$(stat -c %s "$CORPUS")" -lt $((SIZE_MB * 1000000)) ]; then
  python3 - "$CORPUS" "$SIZE_MB" "$SHARED" "$ROOT" <<'PY'
import json, sys, os, glob
out, size_mb, shared, root = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
texts = []
for f in ("train.csv", "dev.csv"):
    p = os.path.join(shared, "psytar", f)
    if os.path.exists(p):
        texts += [l.split("\t")[0] for l in open(p, encoding="utf-8").read().splitlines()[1:] if l]
for p in glob.glob(os.path.join(root, "tests/Salus.Screening.Tests/Data/*.jsonl")):
    texts += [json.loads(l)["text"] for l in open(p, encoding="utf-8") if l.strip()]
for p in glob.glob(os.path.join(root, "docs/*.md")) + glob.glob(os.path.join(root, "*.md")):
    texts += [l for l in open(p, encoding="utf-8").read().splitlines() if len(l) > 20]
if not texts:
    texts = ["Started Zoloft 3 weeks ago and the nausea is unreal", "Oggi ho preso la Tachipirina"]
target, n, i = size_mb * 1_000_000, 0, 0
with open(out, "w", encoding="utf-8") as w:
    while n < target:
        t = texts[i % len(texts)]
        line = json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
        w.write(line); n += len(line.encode("utf-8")); i += 1
print(f"corpus: {i} lines, {n/1e6:.0f} MB")
PY
fi
ls -la "$CORPUS"

# 4. time them on the same file in the same run (page cache warmed first); each rg counts matching lines
cat "$CORPUS" > /dev/null
now() { date +%s.%N; }
t0=$(now)
rg -F -c -f "$OUT/drugnames.txt" "$CORPUS" > "$OUT/rg.count" || true
t1=$(now)
rg -F -c -f "$OUT/drugnames-cased.txt" "$CORPUS" > "$OUT/rg-cased.count" || true
t2=$(now)
/usr/bin/time -v $SALUS_SCREEN_CMD --in "$CORPUS" --out "$OUT/screened.jsonl" 2> "$OUT/screen.time" || true
t3=$(now)
# the like-for-like run: drug mentions only, the one thing rg -F -f looks for (every other detector skipped)
/usr/bin/time -v $SALUS_SCREEN_CMD --only drug-mention --in "$CORPUS" --out "$OUT/screened-drugs.jsonl" 2> "$OUT/screen-drugs.time" || true
t4=$(now)
RG=$(echo "$t1 - $t0" | bc)
RGC=$(echo "$t2 - $t1" | bc)
SALUS=$(echo "$t3 - $t2" | bc)
DRUGS=$(echo "$t4 - $t3" | bc)
echo "corpus: $(wc -l < "$CORPUS") lines, $(stat -c %s "$CORPUS") bytes; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rg -F -f drugnames.txt (48k lower-case names):         ${RG}s ($(cat "$OUT/rg.count") matching lines)"
echo "rg -F -f drugnames-cased.txt (lower/Capital/UPPER):    ${RGC}s ($(cat "$OUT/rg-cased.count") matching lines)"
echo "salus screen (all detectors, JSONL out):                ${SALUS}s ($(wc -l < "$OUT/screened.jsonl") lines out, $(grep -c drug-mention "$OUT/screened.jsonl") with a drug mention)"
grep -E "Maximum resident" "$OUT/screen.time" | sed 's/^\s*/salus /' || true
echo "salus screen --only drug-mention (JSONL out):         ${DRUGS}s ($(grep -c drug-mention "$OUT/screened-drugs.jsonl") with a drug mention)"
grep -E "Maximum resident" "$OUT/screen-drugs.time" | sed 's/^\s*/salus --only drug-mention /' || true
echo "ratio salus / rg -F:        $(echo "scale=2; $SALUS / $RG" | bc)"
echo "ratio salus / rg -F cased:  $(echo "scale=2; $SALUS / $RGC" | bc)"
echo "ratio salus --only drug-mention / rg -F:        $(echo "scale=2; $DRUGS / $RG" | bc)"
echo "ratio salus --only drug-mention / rg -F cased:  $(echo "scale=2; $DRUGS / $RGC" | bc)"
if [ "${RG_CASE_INSENSITIVE:-0}" = 1 ]; then
  t4=$(now)
  timeout "${RG_I_TIMEOUT:-1800}" rg -F -i -c -f "$OUT/drugnames.txt" "$CORPUS" > "$OUT/rg-i.count" || echo "(rg -i stopped or failed)"
  t5=$(now)
  echo "rg -F -i -f drugnames.txt: $(echo "$t5 - $t4" | bc)s; ratio salus / rg -F -i: $(echo "scale=2; $SALUS / ($t5 - $t4)" | bc)"
fi
