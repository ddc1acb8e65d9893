#!/usr/bin/env bash
# Converts the FANG-COVID dataset (Mattern et al., FEVER 2021: German news articles on COVID-19, one JSON file each in
# articles/) into the indexer's JSON Lines: id fang-<n>, date YYYY-MM-DD, title, body (each line a paragraph), source, url.
# Needs jq (apt-get install jq). LABEL=real (or fake) keeps only the articles the dataset labels so.
# usage: bench/tools/fang-covid-to-jsonl.sh FANG_COVID_CLONE OUT.jsonl[.gz]
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 FANG_COVID_CLONE OUT.jsonl[.gz]" >&2; exit 1; }
[ -d "$1/articles" ] || { echo "no articles/ folder in $1: clone the dataset first (see README, Index a real corpus)" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install jq" >&2; exit 1; }
label="${LABEL:-}"
convert() {
  # Dates are 2020-12-01T13:19:17+01:00, a few 2021-03-5 (day not padded): both become YYYY-MM-DD.
  find "$1/articles" -name '*.json' -exec jq -c --arg want "$label" '
    def pad: if length < 2 then "0" + . else . end;
    def day: (capture("^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})") // null)
      | if . == null then "" else "\(.y)-\(.m | pad)-\(.d | pad)" end;
    select($want == "" or .label == $want)
    | {id: ("fang-" + (input_filename | split("/") | last | rtrimstr(".json"))),
       date: ((.date // "") | day),
       title: .header,
       body: ((.article // "") | gsub("\\s*\n\\s*"; "\n\n")),
       source, url}' {} +
}
case "$2" in
  *.gz) convert "$1" | gzip > "$2" ;;
  *) convert "$1" > "$2" ;;
esac
echo "$(case "$2" in *.gz) gzip -dc "$2" ;; *) cat "$2" ;; esac | wc -l) articles in $2" >&2
