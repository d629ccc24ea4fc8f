#!/usr/bin/env bash
# Counts drug mentions found in plain prose that is not about medicines: English changelogs and READMEs from
# /usr/share/doc, and the Italian translations of the machine's programs (gettext catalogues, via msgunfmt).
# Every hit there is a false one. Usage: bench/prose-false-hits.sh [LINES]   (needs python3; msgunfmt from gettext)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-60000}
OUT=bench/out
mkdir -p "$OUT"
dotnet build src/Salus.Host -c Release -v q >/dev/null
find /usr/share/doc -name "*.gz" -size +5k | sort | head -300 | xargs -I{} zcat {} 2>/dev/null \
  | awk 'length($0) > 40' | head -n "$LINES" > "$OUT/prose.en.txt" || true
if command -v msgunfmt >/dev/null; then
  for f in /usr/share/locale/it/LC_MESSAGES/*.mo; do msgunfmt "$f" 2>/dev/null || true; done > "$OUT/prose.it.po"
else
  : > "$OUT/prose.it.po"
fi
python3 - "$OUT" <<'PY'
import json, re, sys
out = sys.argv[1]
with open(f"{out}/prose.en.jsonl", "w", encoding="utf-8") as w:
    for i, line in enumerate(open(f"{out}/prose.en.txt", encoding="utf-8", errors="replace")):
        w.write(json.dumps({"id": str(i), "text": line.strip(), "lang": "en", "context": "outbound"}) + "\n")
po = open(f"{out}/prose.it.po", encoding="utf-8", errors="replace").read()
texts = []
for first, rest in re.findall(r'msgstr "(.*?)"\n((?:".*"\n)*)', po):
    s = (first + "".join(re.findall(r'"(.*)"', rest))).replace("\\n", " ").strip()
    if len(s) > 30:
        texts.append(s)
with open(f"{out}/prose.it.jsonl", "w", encoding="utf-8") as w:
    for i, s in enumerate(texts):
        w.write(json.dumps({"id": str(i), "text": s, "lang": "it", "context": "outbound"}) + "\n")
PY
for lang in en it; do
  dotnet src/Salus.Host/bin/Release/net10.0/salus.dll screen --in "$OUT/prose.$lang.jsonl" --out "$OUT/prose.$lang.out.jsonl" 2>/dev/null || true
  python3 - "$OUT/prose.$lang.out.jsonl" "$lang" <<'PY'
import collections, json, sys
hits, lines = collections.Counter(), 0
for line in open(sys.argv[1], encoding="utf-8"):
    lines += 1
    for f in json.loads(line).get("findings", []):
        if f["category"] == "drug-mention":
            hits[f["text"].lower()] += 1
total = sum(hits.values())
print(f"{sys.argv[2]}: {lines} lines, {total} drug mentions ({10000 * total / max(1, lines):.1f} per 10k lines); most frequent: {hits.most_common(8)}")
PY
done
