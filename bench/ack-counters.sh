#!/usr/bin/env bash
# What the compliance counters cost the acknowledgement hot path: bench/ack.sh run several times against one
# Heed, the counter triggers (V9, compliance_count_*) enabled and disabled in turn, a warm-up run first.
#
#   bench/ack-counters.sh [pairs] [employees] [rounds] [seconds]      (defaults: 2 10000 2 10)
#
# Starts its own Heed on a fresh embedded database under bench/out/db-ack, on HEED_URL's port (default 8080).
# Needs what bench/ack.sh needs (wrk, psql, a JDK).
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-2}
EMPLOYEES=${2:-10000}
ROUNDS=${3:-2}
SECONDS_PER_RUN=${4:-10}
export HEED_URL=${HEED_URL:-http://localhost:8080}
export HEED_EMBEDDED_DB_DIR="$PWD/bench/out/db-ack"
export HEED_LINKS_KEYS="bench:$(head -c 32 /dev/urandom | base64 -w0)"
export HEED_DELIVERY_ENABLED=${HEED_DELIVERY_ENABLED:-false}  # as bench/ack.sh: measure answers, not delivery
source bench/lib.sh
if heed_up; then echo "A Heed already answers at $HEED_URL: stop it or set HEED_URL to a free port."; exit 1; fi
port=$(echo "$HEED_URL" | sed -nE 's#^https?://[^/:]+:([0-9]+).*#\1#p')
rm -rf "$HEED_EMBEDDED_DB_DIR"
QUARKUS_HTTP_PORT=${port:-8080} java ${HEED_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar \
  >"$OUT/heed-ack-counters.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid || true' EXIT
for _ in $(seq 1 120); do heed_up && break; sleep 0.5; done
use_embedded_psql

triggers() {
  for t in recipients_inserted recipients_updated recipients_deleted; do
    psql -qc "alter table recipient $1 trigger compliance_count_$t"
  done
  for t in answers_inserted answers_updated answers_deleted; do
    psql -qc "alter table step_answer $1 trigger compliance_count_$t"
  done
}

modes="warm-up"
for _ in $(seq 1 "$PAIRS"); do modes="$modes on off"; done
for mode in $modes; do
  if [ "$mode" = off ]; then triggers disable; else triggers enable; fi
  echo "=== counters $mode"
  bench/ack.sh "$EMPLOYEES" "$ROUNDS" "$SECONDS_PER_RUN" | grep -E "^(page GET|answer POST)"
done
triggers enable
