#!/usr/bin/env bash
# HTTP load run: builds the API and bench/Search.LoadTest in Release, starts the API on 127.0.0.1 on INDEX with the
# per-client rate limit off, waits for /health/ready (warmed up), runs the load client against it (closed loop, the peers' queries),
# then stops the API. Writes OUTDIR/load.md (the report), OUTDIR/load.json, OUTDIR/api.log; with Debian's wrk
# installed also OUTDIR/wrk.txt (same queries, same connections) for comparison.
# usage: bench/tools/http-load.sh INDEX OUTDIR [load-test options, e.g. --clients 8 --duration 60 --month-share 0.25]
#        PORT (default 5081), QUERIES (default: the peers' de-news.tsv beside the repository), WRK=0 skips wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 INDEX OUTDIR [load-test options]" >&2; exit 1; }
index="$(cd "$1" && pwd)"; out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2
port="${PORT:-5081}"
url="http://127.0.0.1:$port"
queries="${QUERIES:-}"
if [ -z "$queries" ]; then
  for candidate in "$root/../shared" "$root/../../shared"; do
    [ -f "$candidate/peers/queries/de-news.tsv" ] && { queries="$(cd "$candidate" && pwd)/peers/queries/de-news.tsv"; break; }
  done
fi
[ -f "$queries" ] || { echo "no query file: set QUERIES=path/to/de-news.tsv" >&2; exit 1; }
if curl -fs -o /dev/null "$url/health"; then
  echo "something already answers on $url: set PORT to a free port" >&2; exit 1
fi

dotnet build -c Release "$root/src/Search.Api" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Search.LoadTest" -v q -nologo >/dev/null

# The Release build directly (not `dotnet run`), so the pid measured is the API itself.
Search__IndexPath="$index" Search__Limits__RequestsPerMinute=0 Search__SeedsPath="$out/no-seeds" \
  dotnet "$root/src/Search.Api/bin/Release/net10.0/Search.Api.dll" --urls "$url" > "$out/api.log" 2>&1 &
api=$!
trap 'kill -TERM $api 2>/dev/null; wait $api 2>/dev/null || true' EXIT

for _ in $(seq 1 360); do
  curl -fs -o /dev/null "$url/health/ready" && break
  kill -0 $api 2>/dev/null || { echo "the API exited; see $out/api.log:" >&2; tail -20 "$out/api.log" >&2; exit 2; }
  sleep 0.5
done
curl -fs "$url/health" > "$out/health.json" || { echo "the API did not answer $url/health within 3 minutes" >&2; exit 2; }
echo "API pid $api on $url: $(cat "$out/health.json")" >&2

status=0
dotnet "$root/bench/Search.LoadTest/bin/Release/net10.0/Search.LoadTest.dll" --url "$url" --pid $api --queries "$queries" \
  --json "$out/load.json" "$@" > "$out/load.md" || status=$?
cat "$out/load.md"

if [ "${WRK:-1}" != 0 ] && command -v wrk >/dev/null; then
  # wrk: open loop per connection as fast as it can, the same queries round-robin, no month filter.
  QUERIES_FILE="$queries" wrk -t2 -c8 -d30s --latency -s "$root/bench/tools/wrk-queries.lua" "$url" > "$out/wrk.txt" 2>&1 || true
  echo; echo "wrk (2 threads, 8 connections, 30 s):"; grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors' "$out/wrk.txt" || true
fi
exit $status
