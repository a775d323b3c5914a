# Shared by the bench scripts: start a Heed for the run (unless HEED_URL already answers), find its
# embedded PostgreSQL, take medians. Source it; do not run it.

HEED_URL=${HEED_URL:-http://localhost:8080}
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"
export HEED_ADMIN_EMAIL=${HEED_ADMIN_EMAIL:-bench@heed.local}
export HEED_ADMIN_PASSWORD=${HEED_ADMIN_PASSWORD:-bench-password-123}
STARTED_PID=""

heed_up() { curl -fs "$HEED_URL/q/health/ready" >/dev/null 2>&1; }

# Starts the packaged jar on a fresh embedded database under bench/out, unless a Heed already answers.
ensure_heed() {
  if heed_up; then
    echo "Using the Heed running at $HEED_URL"
    return
  fi
  [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q package -DskipTests)
  rm -rf "$OUT/db"
  HEED_EMBEDDED_DB_DIR="$OUT/db" java ${HEED_JAVA_OPTS:-} -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/heed.log" 2>&1 &
  STARTED_PID=$!
  trap stop_heed EXIT
  for _ in $(seq 1 120); do heed_up && break; sleep 0.5; done
  heed_up || { echo "Heed did not start; see $OUT/heed.log"; exit 1; }
  echo "Started Heed (pid $STARTED_PID) on a fresh embedded database in $OUT/db"
}

stop_heed() {
  if [ -n "$STARTED_PID" ]; then
    kill "$STARTED_PID" 2>/dev/null || true
    wait "$STARTED_PID" 2>/dev/null || true
  fi
}

# An ADMIN API token for the timed requests (Basic would add a bcrypt check to each).
admin_token() {
  curl -fs -u "$HEED_ADMIN_EMAIL:$HEED_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench $(date +%s%N)\",\"role\":\"ADMIN\"}" "$HEED_URL/api/v1/tokens" |
    sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# psql connection settings for the embedded database of the Heed started above (or HEED_EMBEDDED_DB_DIR).
use_embedded_psql() {
  local dir=${HEED_EMBEDDED_DB_DIR:-$OUT/db}
  command -v psql >/dev/null || { echo "psql is needed: apt-get install postgresql-client"; exit 1; }
  export PGHOST=localhost PGUSER=heed PGDATABASE=heed PGOPTIONS="-c client_min_messages=warning"
  PGPORT=$(sed -n 4p "$dir/data/postmaster.pid")
  PGPASSWORD=$(cat "$dir/credentials")
  export PGPORT PGPASSWORD
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

now() { date +%s.%N; }
