#!/usr/bin/env bash
# Acknowledgement page benchmark: personal page GETs and step-answer POSTs with wrk, on a campaign launched to
# a generated directory of 10,000 employees. Each round launches a fresh campaign (so every POST writes a first
# answer, as in real life), then GETs pages rotating over its 10,000 links, then POSTs "done" rotating over its
# 50,000 (recipient, step) pairs. A warm-up round (not counted) goes first. Medians over the rounds.
#
#   bench/ack.sh [employees] [rounds] [seconds per run]     (defaults: 10000 3 15)
#   env: GET_CONNECTIONS (32), POST_CONNECTIONS (8), WRK_THREADS (1), WARMUP seconds per kind (30)
#
# The warm-up round runs the same load for WARMUP seconds first: the JIT needs about that long on 2 cores
# before a fresh JVM reaches its steady state, which is what the rounds measure.
#
# The bench signs the links itself (bench/AckLinks.java) with the key it gives Heed through HEED_LINKS_KEYS;
# to use a Heed already running at HEED_URL, export the HEED_LINKS_KEYS that Heed runs with. Needs wrk
# (apt-get install -y wrk), psql and a JDK. Without a Heed at HEED_URL it packages and starts one on a fresh
# embedded database under bench/out.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
EMPLOYEES=${1:-10000}
ROUNDS=${2:-3}
DURATION=${3:-15}
GET_CONNECTIONS=${GET_CONNECTIONS:-32}
POST_CONNECTIONS=${POST_CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-1}
WARMUP=${WARMUP:-30}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }

if [ -z "${HEED_LINKS_KEYS:-}" ]; then
  if heed_up; then
    echo "A Heed already answers at $HEED_URL: export the HEED_LINKS_KEYS it runs with (or stop it)."
    exit 1
  fi
  HEED_LINKS_KEYS="bench:$(head -c 32 /dev/urandom | base64 -w0)"
  export HEED_LINKS_KEYS
fi
# The Heed started here does not send the invitations: delivering 10,000 messages per round into its own
# in-process mail catcher would take CPU from the requests measured (bench/dispatch.sh measures delivery).
export HEED_DELIVERY_ENABLED=${HEED_DELIVERY_ENABLED:-false}
ensure_heed
use_embedded_psql
TOKEN=$(admin_token)
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }

# The directory: EMPLOYEES people in one department the campaigns are addressed to.
awk -v rows="$EMPLOYEES" 'BEGIN {
  split("EMEA AMER APAC", region, " "); split("DE US JP", country, " ");
  split("de en en", locale, " "); split("Europe/Berlin America/New_York Asia/Tokyo", zone, " ");
  print "email,name,region,department,country,locale,timezone";
  for (i = 0; i < rows; i++) {
    c = i % 3 + 1;
    printf "ack%06d@bench.example.com,Ack Bench %06d,%s,Ack bench,%s,%s,%s\n", i, i, region[c], country[c], locale[c], zone[c];
  }
}' >"$OUT/ack-employees.csv"
api -H 'Content-Type: text/csv' --data-binary @"$OUT/ack-employees.csv" "$HEED_URL/api/v1/employees/import" >/dev/null

# Launches a campaign to the bench department and writes "token csrf" per recipient to $1; prints its id.
launch() {
  local id
  id=$(api -H 'Content-Type: application/json' \
    -d "{\"name\":\"ack bench $(date +%s%N)\",\"playbook\":\"linkedin-genai-optout\",\"audience\":{\"departments\":[\"Ack bench\"]}}" \
    "$HEED_URL/api/v1/campaigns" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  api -X POST "$HEED_URL/api/v1/campaigns/$id/launch" >/dev/null
  psql -At -F ' ' -c "select id, encode(link_nonce, 'hex') from recipient where campaign_id = $id" |
    java "$BENCH_DIR/AckLinks.java" >"$1"
  echo "$id"
}

# wrk's figures: requests/s, p99 in ms, and the count of non-2xx/3xx answers.
run_wrk() {
  local connections=$1 links=$2 mode=$3 seconds=$4 out
  out=$(wrk -t "$WRK_THREADS" -c "$connections" -d "${seconds}s" --latency -s "$BENCH_DIR/ack.lua" \
    "$HEED_URL" -- "$links" "$mode" "$WRK_THREADS")
  echo "$out" >>"$OUT/ack-wrk.log"
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; print v}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$rps $p99 ${errors:-0}"
}

: >"$OUT/ack-wrk.log"
get_rps=(); get_p99=(); post_rps=(); post_p99=()
for round in $(seq 0 "$ROUNDS"); do
  links="$OUT/ack-links-$round.txt"
  campaign=$(launch "$links")
  seconds=$DURATION
  [ "$round" = 0 ] && seconds=$WARMUP
  read -r rps p99 errors < <(run_wrk "$GET_CONNECTIONS" "$links" get "$seconds")
  echo "round $round GET:  $rps req/s, p99 $p99 ms, $errors errors (campaign $campaign, ${GET_CONNECTIONS} connections)"
  [ "$errors" = 0 ] || { echo "GETs failed; see $OUT/ack-wrk.log"; exit 1; }
  [ "$round" = 0 ] || { get_rps+=("$rps"); get_p99+=("$p99"); }
  read -r rps p99 errors < <(run_wrk "$POST_CONNECTIONS" "$links" post "$seconds")
  answers=$(psql -At -c "select count(*) from step_answer where campaign_id = $campaign")
  echo "round $round POST: $rps req/s, p99 $p99 ms, $errors errors, $answers answers recorded (${POST_CONNECTIONS} connections)"
  [ "$errors" = 0 ] || { echo "POSTs failed; see $OUT/ack-wrk.log"; exit 1; }
  [ "$round" = 0 ] || { post_rps+=("$rps"); post_p99+=("$p99"); }
done

visits=$(psql -At -c "select count(*) from page_visit")
echo
echo "$EMPLOYEES recipients per campaign, $ROUNDS rounds of ${DURATION}s, medians:"
printf 'page GET:     %8.0f req/s  p99 %6.1f ms   (target >= 3000 req/s)\n' \
  "$(printf '%s\n' "${get_rps[@]}" | median)" "$(printf '%s\n' "${get_p99[@]}" | median)"
printf 'answer POST:  %8.0f req/s  p99 %6.1f ms   (target >= 1500 req/s, p99 <= 50 ms)\n' \
  "$(printf '%s\n' "${post_rps[@]}" | median)" "$(printf '%s\n' "${post_p99[@]}" | median)"
echo "visits logged: $visits"
rm -f "$OUT"/ack-links-*.txt "$OUT/ack-employees.csv"
