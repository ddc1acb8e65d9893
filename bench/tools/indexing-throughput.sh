#!/usr/bin/env bash
# Indexes CORPUS with our indexer (Release build, fresh index) and, unless PEERS is empty, with the peers'
# Lucene Java in the same run, then prints one markdown row per engine: articles, seconds, articles/s,
# MiB/s of input, peak resident memory and index size.
# usage: bench/tools/indexing-throughput.sh CORPUS OUTDIR      (PEERS=lucene by default; PEERS= skips them)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$1"; out="$(mkdir -p "$2" && cd "$2" && pwd)"
peers="${PEERS-lucene}"
input_bytes=$(find "$corpus" -type f \( -name '*.jsonl' -o -name '*.jsonl.gz' -o -name '*.txt' \) -printf '%s\n' | awk '{s+=$1} END {printf "%d\n", s}')

dotnet build -c Release "$root/src/Search.Indexer" -v q -nologo >/dev/null
rm -rf "$out/index"
/usr/bin/time -v -o "$out/ours.time" dotnet "$root/src/Search.Indexer/bin/Release/net10.0/Search.Indexer.dll" "$corpus" --index "$out/index" > "$out/ours.log" 2>&1 || true
articles=$(grep -E '│ added ' "$out/ours.log" | tr -dc '0-9')
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$out/ours.time")
rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/ours.time")
index_bytes=$(du -sb "$out/index" | cut -f1)
row() { awk -v n="$2" -v s="$3" -v inb="$input_bytes" -v rss="$4" -v ix="$5" -v name="$1" 'BEGIN {
  printf "| %s | %d | %.1f | %.0f | %.1f | %s | %.0f |\n", name, n, s, n/s, inb/1048576/s, (rss=="" ? "-" : sprintf("%.0f", rss/1024)), ix/1048576 }'; }

echo "| engine | articles | wall s | articles/s | input MiB/s | peak RSS MiB | index MiB |"
echo "|---|---|---|---|---|---|---|"
row "ours (Lucene.Net 4.8, $(nproc) cores)" "$articles" "$seconds" "$rss_kib" "$index_bytes"
rm -rf "$out/index"

if [ -n "$peers" ]; then
  PEERS="$peers" REPEATS=1 CLIENTS=1 bash "$root/../shared/peers/run.sh" "$corpus" "$root/../shared/peers/queries/de-news.tsv" "$out/peers" > "$out/peers.log" 2>&1 || true
  for peer in $peers; do
    python3 - "$out/peers/$peer-index.json" "$input_bytes" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["index"]; n, s = d["docs"], d["time_s"]
print(f"| {json.load(open(sys.argv[1]))['engine']} {json.load(open(sys.argv[1]))['version']} (peer) | {n} | {s:.1f} | {n/s:.0f} | {int(sys.argv[2])/1048576/s:.1f} | - | {d['size_bytes']/1048576:.0f} |")
PY
  done
fi
