#!/usr/bin/env bash
# Console benchmark: server time and weight of every console page and fragment over a session cookie, with one
# campaign of RECIPIENTS recipients (and as many employees) seeded by bench/dashboard-seed.sql.
#   - each page: REQUESTS sequential requests over one kept-alive connection after 20 to warm up (p50 / p95 /
#     max of curl's time_total) and its size in bytes (the issue's bound: 200 KB of HTML whatever the size);
#   - the live page: WATCHERS server-sent-event streams of the campaign held open for 30 s, and the number of
#     counter reads the broadcaster made meanwhile (heed_console_live_reads_total in /q/metrics), against
#     the ticks of the same 30 s with a single watcher (the figure is reads per tick, not per viewer).
#
#   bench/console.sh [recipients] [requests] [watchers]      (defaults: 1000000 200 50)
#   env: HEED_URL (http://localhost:8080), HEED_JAVA_OPTS (-Xmx256m)
#
# Needs psql and curl. Without a Heed at HEED_URL it packages and starts one on a fresh embedded database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RECIPIENTS=${1:-1000000}
REQUESTS=${2:-200}
WATCHERS=${3:-50}
export HEED_JAVA_OPTS=${HEED_JAVA_OPTS:--Xmx256m}
port=$(echo "$HEED_URL" | sed -nE 's#^https?://[^/:]+:([0-9]+).*#\1#p')
[ -n "$port" ] && export QUARKUS_HTTP_PORT=$port

ensure_heed
use_embedded_psql

campaign=$(psql -At -c "select id from campaign where name like 'Dashboard bench%' order by id desc limit 1")
if [ -z "$campaign" ] || [ "$(psql -At -c "select count(*) from recipient where campaign_id = $campaign")" != "$RECIPIENTS" ]; then
  started=$(now)
  campaign=$(psql -qAt -v recipients="$RECIPIENTS" -f "$BENCH_DIR/dashboard-seed.sql" | tail -1)
  printf 'Seeded campaign %s with %s recipients in %.0f s\n' "$campaign" "$RECIPIENTS" "$(echo "$(now) - $started" | bc)"
  for _ in $(seq 1 300); do
    [ "$(psql -At -c 'select count(*) from compliance_count_delta')" = 0 ] && break
    sleep 1
  done
fi

# Sign in through the form, as a browser does (the Origin check wants this host).
jar=$(mktemp)
curl -s -c "$jar" -o /dev/null -H "Origin: $HEED_URL" --data-urlencode "email=$HEED_ADMIN_EMAIL" \
  --data-urlencode "password=$HEED_ADMIN_PASSWORD" "$HEED_URL/console/login"
grep -q heed_session "$jar" || { echo "console sign-in failed"; exit 1; }

employee=$(psql -At -c "select id from employee order by id limit 1")

# Prints "code p50 p95 max bytes" of n requests of one path over one connection.
timed() {
  local path=$1 n=$2 config
  config=$(mktemp)
  for _ in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$HEED_URL" "$path"; done >"$config"
  curl -s -b "$jar" -K "$config" -w '%{http_code} %{time_total} %{size_download}\n' >"$config.out"
  awk '{print $2 * 1000, $1, $3}' "$config.out" | sort -g | awk '{a[NR]=$1; code=$2; size=$3} END {
    p50 = a[int((NR + 1) / 2)]; i = int(NR * 0.95 + 0.999); printf "%s %.1f %.1f %.1f %s\n", code, p50, a[i], a[NR], size}'
  rm -f "$config" "$config.out"
}

echo
echo "Console pages with a $RECIPIENTS-recipient campaign, $REQUESTS requests each (after 20 to warm up), ms:"
printf '%-62s %5s %8s %8s %8s %9s\n' "page" "code" "p50" "p95" "max" "bytes"
for path in \
  "/console" "/console/home/live" \
  "/console/campaigns" "/console/campaigns?status=active" \
  "/console/campaigns/$campaign" "/console/campaigns/$campaign/compliance" \
  "/console/campaigns/$campaign/compliance?by=department" "/console/campaigns/$campaign/compliance?by=country" \
  "/console/campaigns/$campaign/exports" \
  "/console/campaigns/$campaign/recipients" "/console/campaigns/$campaign/recipients?filter=not-visited" \
  "/console/directory" "/console/directory?q=bench+99" "/console/directory?region=EMEA&page=20" \
  "/console/directory/employees/$employee" \
  "/console/playbooks" "/console/playbooks/linkedin-genai-optout" \
  "/console/settings" "/console/campaigns/new"; do
  timed "$path" 20 >/dev/null
  read -r code p50 p95 max bytes < <(timed "$path" "$REQUESTS")
  printf '%-62s %5s %8s %8s %8s %9s\n' "$path" "$code" "$p50" "$p95" "$max" "$bytes"
done

reads() { curl -s "$HEED_URL/q/metrics" | awk '/^heed_console_live_reads_total/ {s += $2} END {print s + 0}'; }
watch() {
  local n=$1 before after
  before=$(reads)
  for _ in $(seq 1 "$n"); do
    curl -s -N -b "$jar" --max-time 30 -o /dev/null "$HEED_URL/console/campaigns/$campaign/live" &
  done
  wait
  after=$(reads)
  echo $((after - before))
}
echo
one=$(watch 1)
many=$(watch "$WATCHERS")
echo "Live page, 30 s: counter reads with 1 watcher: $one; with $WATCHERS watchers: $many"
rm -f "$jar"
