#!/usr/bin/env bash
# Compliance dashboard and export benchmark. Seeds one campaign of RECIPIENTS recipients (5 steps, realistic
# outcomes: bench/dashboard-seed.sql) directly in PostgreSQL, lets the counters fold, then times:
#   - the dashboard (by region; by department; by country filtered to one region), the overview, the campaign
#     and the campaign list with their recipient counts (read from the same counters): REQUESTS
#     sequential requests each over one kept-alive connection after a warm-up, then the same with 4 clients
#     at once; p50 / p95 / max from curl's own timing;
#   - the CSV export of the whole campaign (ROUNDS rounds: rows/s, time to first byte), the PDF (it hashes the
#     same rows) and, with XLSX=1, the XLSX.
# Heed runs with a 256 MB heap (HEED_JAVA_OPTS) unless told otherwise: a million-row export must stream.
#
#   bench/dashboard.sh [recipients] [requests] [rounds]      (defaults: 1000000 500 3)
#   env: HEED_URL (http://localhost:8080), HEED_JAVA_OPTS (-Xmx256m), XLSX (0)
#
# Needs psql and curl. Without a Heed at HEED_URL it packages and starts one on a fresh embedded database
# under bench/out (on HEED_URL's port).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RECIPIENTS=${1:-1000000}
REQUESTS=${2:-500}
ROUNDS=${3:-3}
export HEED_JAVA_OPTS=${HEED_JAVA_OPTS:--Xmx256m}
port=$(echo "$HEED_URL" | sed -nE 's#^https?://[^/:]+:([0-9]+).*#\1#p')
[ -n "$port" ] && export QUARKUS_HTTP_PORT=$port

ensure_heed
use_embedded_psql
TOKEN=$(admin_token)

started=$(now)
campaign=$(psql -qAt -v recipients="$RECIPIENTS" -f "$BENCH_DIR/dashboard-seed.sql" | tail -1)
seeded=$(now)
# The counters' deltas are folded every 2 s; the dashboard is exact either way, the bench measures it folded.
for _ in $(seq 1 300); do
  [ "$(psql -At -c 'select count(*) from compliance_count_delta')" = 0 ] && break
  sleep 1
done
printf 'Seeded campaign %s: %s recipients, %s answers, in %.0f s; counter rows: %s\n' "$campaign" \
  "$(psql -At -c "select count(*) from recipient where campaign_id = $campaign")" \
  "$(psql -At -c "select count(*) from step_answer where campaign_id = $campaign")" \
  "$(echo "$seeded - $started" | bc)" \
  "$(psql -At -c "select count(*) from compliance_count where campaign_id = $campaign")"

# Prints "p50 p95 max" in ms of n requests of one URL over one connection (curl -K: one process, keep-alive).
timed() {
  local url=$1 n=$2 config
  config=$(mktemp)
  for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
  curl -s -H "Authorization: Bearer $TOKEN" -K "$config" -w '%{http_code} %{time_total}\n' >"$config.out"
  if grep -qv '^200 ' "$config.out"; then echo "non-200 answers for $url" >&2; exit 1; fi
  awk '{print $2 * 1000}' "$config.out" | sort -g | awk '{a[NR]=$1} END {
    p50 = a[int((NR + 1) / 2)]; i = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", p50, a[i], a[NR]}'
  rm -f "$config" "$config.out"
}

# The same over 4 connections at once: prints "p50 p95 max" over all of them.
timed_parallel() {
  local url=$1 n=$2
  for c in 1 2 3 4; do
    (config=$(mktemp); for _ in $(seq 1 $((n / 4))); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
     curl -s -H "Authorization: Bearer $TOKEN" -K "$config" -w '%{time_total}\n'; rm -f "$config") &
  done | awk '{print $1 * 1000}' | sort -g | awk '{a[NR]=$1} END {
    p50 = a[int((NR + 1) / 2)]; i = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", p50, a[i], a[NR]}'
  wait
}

api="$HEED_URL/api/v1"
echo
echo "Dashboard, $REQUESTS requests each (after 50 to warm up), ms:"
printf '%-52s %8s %8s %8s\n' "request" "p50" "p95" "max"
for path in "campaigns/$campaign/dashboard" "campaigns/$campaign/dashboard?groupBy=department" \
  "campaigns/$campaign/dashboard?groupBy=country&region=EMEA" "compliance/overview" "campaigns/$campaign" \
  "campaigns"; do
  timed "$api/$path" 50 >/dev/null
  read -r p50 p95 max < <(timed "$api/$path" "$REQUESTS")
  printf '%-52s %8s %8s %8s\n' "$path" "$p50" "$p95" "$max"
  read -r p50 p95 max < <(timed_parallel "$api/$path" "$REQUESTS")
  printf '%-52s %8s %8s %8s\n' "  4 clients at once" "$p50" "$p95" "$max"
done

# For comparison: the same counts taken from the recipient rows, as the campaign API took them before it read the
# counters (median server time of 5, from EXPLAIN ANALYZE).
for _ in 1 2 3 4 5; do
  psql -At -c "explain (analyze, timing off) select count(*), count(*) filter (where delivery_status = 'QUEUED'),
    count(*) filter (where delivery_status = 'SENT'), count(*) filter (where delivery_status = 'FAILED'),
    count(completed_at) from recipient where campaign_id = $campaign" | sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p'
done | median | xargs printf '%-52s %8s ms (in PostgreSQL, median of 5)\n' "counting the recipient rows instead"

echo
echo "CSV export of all $RECIPIENTS rows ($ROUNDS rounds):"
rates=()
for round in $(seq 1 "$ROUNDS"); do
  read -r total first bytes < <(curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
    -w '%{time_total} %{time_starttransfer} %{size_download}\n' "$api/campaigns/$campaign/report.csv")
  rate=$(echo "$RECIPIENTS / $total" | bc)
  rates+=("$rate")
  printf 'round %s: %6.2f s, first byte after %.3f s, %s bytes, %s rows/s\n' "$round" "$total" "$first" "$bytes" "$rate"
done
printf 'median: %s rows/s (target >= 50000)\n' "$(printf '%s\n' "${rates[@]}" | median)"

read -r total size < <(curl -s -o "$OUT/dashboard-report.pdf" -H "Authorization: Bearer $TOKEN" \
  -w '%{time_total} %{size_download}\n' "$api/campaigns/$campaign/report.pdf")
printf 'PDF (counts plus the SHA-256 of all rows): %.2f s, %s bytes\n' "$total" "$size"
if [ "${XLSX:-0}" = 1 ]; then
  read -r total size < <(curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
    -w '%{time_total} %{size_download}\n' "$api/campaigns/$campaign/report.xlsx")
  printf 'XLSX: %.2f s, %s bytes, %.0f rows/s\n' "$total" "$size" "$(echo "$RECIPIENTS / $total" | bc -l)"
fi
echo "Heed's JVM options: $HEED_JAVA_OPTS"
