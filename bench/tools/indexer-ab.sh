#!/usr/bin/env bash
# Compares two builds of the indexer on one corpus in alternating rounds, each round: build A, Lucene Java (the
# peers' run.sh), build B, Lucene Java; prints one markdown row per round with the wall seconds, peak RSS and the
# ratio of each build to the Lucene Java run after it. The machine's speed drifts within minutes, so compare builds
# only within rounds. Build a variant with: dotnet publish src/Search.Indexer -c Release -o DIR
# usage: bench/tools/indexer-ab.sh ROUNDS DIR_A DIR_B [CORPUS]     (CORPUS defaults to ../shared/corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="$1"; a="$(cd "$2" && pwd)"; b="$(cd "$3" && pwd)"; corpus="$(cd "${4:-$root/../shared/corpus}" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

ours() { # prints "seconds rss_mib"
  rm -rf "$work/index"
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$1/Search.Indexer.dll" "$corpus" --index "$work/index" > /dev/null 2>&1 || true
  tail -1 "$work/time" | awk '{printf "%.1f %.0f\n", $1, $2 / 1024}'
}
lucene() { # prints seconds
  rm -rf "$work/peers"
  PEERS=lucene REPEATS=1 CLIENTS=1 SKIP_INSTALL="${SKIP_INSTALL:-1}" bash "$root/../shared/peers/run.sh" "$corpus" \
    "$root/../shared/peers/queries/de-news.tsv" "$work/peers" > /dev/null 2>&1
  python3 -c "import json, sys; print('%.1f' % json.load(open(sys.argv[1]))['index']['time_s'])" "$work/peers/lucene-index.json"
}

echo "| round | A s | A peak RSS MiB | Lucene Java s | B s | B peak RSS MiB | Lucene Java s | A ÷ Lucene | B ÷ Lucene |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
  read -r sa ra < <(ours "$a"); la=$(lucene)
  read -r sb rb < <(ours "$b"); lb=$(lucene)
  awk -v r="$round" -v sa="$sa" -v ra="$ra" -v la="$la" -v sb="$sb" -v rb="$rb" -v lb="$lb" \
    'BEGIN { printf "| %d | %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n", r, sa, ra, la, sb, rb, lb, sa / la, sb / lb }'
done
