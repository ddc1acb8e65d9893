#!/usr/bin/env bash
# Runs the indexer on one bad input at a time (next to one good file) and prints a markdown table:
# input → what the indexer said → exit code. Usage: bench/tools/bad-input-table.sh [workdir]
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
dotnet build -c Release "$root/src/Search.Indexer" -v q -nologo >/dev/null
indexer=("dotnet" "$root/src/Search.Indexer/bin/Release/net10.0/Search.Indexer.dll")

good='{"id":"good-1","date":"2020-05-04","title":"Gut","body":"Ein lesbarer Artikel."}'
line() { printf '{"id":"%s","date":"%s","title":"%s","body":"%s"}' "$1" "$2" "$3" "$4"; }

case_dir() { local d="$work/$1"; rm -rf "$d"; mkdir -p "$d/in"; echo "$good" > "$d/in/good.jsonl"; echo "$d"; }

run_case() {
  local name="$1" dir="$2"; shift 2
  local out code
  out=$("${indexer[@]}" "$@" --index "$dir/index" 2>&1); code=$?
  local said
  said=$(printf '%s\n' "$out" | grep -E '^(skipped|repeated id|Error:|Stopped)' | sed "s#$dir/in/##g; s#$dir/##g" | tr '\n' ' ' | sed 's/|/\\|/g; s/ *$//')
  [ -z "$said" ] && said="indexed, nothing skipped ($(printf '%s\n' "$out" | awk '/added/ {print $4 " added"}'))"
  printf '| %s | %s | %s |\n' "$name" "$said" "$code"
}

echo "| input | what the indexer said | exit |"
echo "|---|---|---|"
d=$(case_dir empty); : > "$d/in/empty.jsonl"; run_case "empty file" "$d" "$d/in"
d=$(case_dir binary); head -c 2000 /dev/urandom | sed 's/^/\x00/' > "$d/in/photo.jsonl"; run_case "binary file" "$d" "$d/in"
d=$(case_dir latin1); line l1 2020-05-04 "Stra$(printf '\xdf')e" "Text" > "$d/in/latin1.jsonl"; run_case "non-UTF-8 line" "$d" "$d/in"
d=$(case_dir latin1-seed); printf ' date 2021-12 Bild\n\nStra\xdfe gesperrt.' > "$d/in/latin1.txt"; run_case "non-UTF-8 seed file" "$d" "$d/in"
d=$(case_dir nodate); printf 'Kein Datum\n\nText.' > "$d/in/nodate.txt"; run_case "seed file without date line" "$d" "$d/in"
d=$(case_dir baddate); printf ' date 2021-13 Bild\n\nText.' > "$d/in/baddate.txt"; run_case "seed file dated 2021-13" "$d" "$d/in"
d=$(case_dir notjson); printf '%s\nthis is not json\n' "$(line ok-2 2020-05-04 T B)" > "$d/in/mixed.jsonl"; run_case "JSON line that is not JSON" "$d" "$d/in"
d=$(case_dir noid); printf '{"date":"2020-05-04","title":"T","body":"B"}\n' > "$d/in/noid.jsonl"; run_case "missing id" "$d" "$d/in"
d=$(case_dir emptytitle); line t1 2020-05-04 "" "Text" > "$d/in/emptytitle.jsonl"; run_case "empty title" "$d" "$d/in"
d=$(case_dir nobody); printf '{"id":"b1","date":"2020-05-04","title":"T"}\n' > "$d/in/nobody.jsonl"; run_case "missing body" "$d" "$d/in"
d=$(case_dir dup); { line dup 2020-05-04 Erste Alt; echo; line dup 2020-05-05 Zweite Neu; echo; } > "$d/in/dup.jsonl"; run_case "same id twice in one run" "$d" "$d/in"
d=$(case_dir big); python3 -c "import json;print(json.dumps({'id':'big','date':'2020-03-01','title':'Liveblog','body':'Ein Eintrag im Liveblog. '*200000}))" > "$d/in/big.jsonl"; run_case "article of 5 MB" "$d" "$d/in"
d=$(case_dir huge); python3 -c "import json;print(json.dumps({'id':'huge','date':'2020-03-01','title':'Riesig','body':'x'*40000000}))" > "$d/in/huge.jsonl"; run_case "40 MB line (over the 32 MiB cap)" "$d" "$d/in"
d=$(case_dir ext); echo "notes" > "$d/in/notes.docx"; run_case "unknown file extension" "$d" "$d/in"
d=$(case_dir missing); run_case "path that does not exist" "$d" "$d/in" "$d/in/nope"
d=$(case_dir truncated); python3 -c "
import gzip,json
with gzip.open('$d/whole.jsonl.gz','wt') as f:
    for i in range(3000): f.write(json.dumps({'id':f't{i}','date':'2020-05-04','title':'T','body':'Text %d '%i*50})+'\n')
b=open('$d/whole.jsonl.gz','rb').read(); open('$d/in/cut.jsonl.gz','wb').write(b[:len(b)//2])"; run_case "truncated .jsonl.gz" "$d" "$d/in"
d=$(case_dir allbad); rm "$d/in/good.jsonl"; echo "nope" > "$d/in/bad.jsonl"; run_case "nothing usable" "$d" "$d/in"
d=$(case_dir strict); "${indexer[@]}" "$d/in" --index "$d/index" >/dev/null; echo "{kaputt" > "$d/in/zz-bad.jsonl"; before=$(ls -l "$d/index" | md5sum); run_case "--strict with a bad line" "$d" "$d/in" --strict; [ "$before" = "$(ls -l "$d/index" | md5sum)" ] && echo "|  (index files unchanged after the strict run) | | |"
