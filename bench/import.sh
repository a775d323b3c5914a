#!/usr/bin/env bash
# Directory import benchmark: a generated 100,000-employee CSV imported over HTTP, against PostgreSQL's own
# COPY of the same file into a plain (logged, unindexed) table in the same database: the physical floor.
#
#   bench/import.sh [rows] [rounds]        (defaults: 100000 rows, 5 rounds)
#
# Without a Heed at HEED_URL it packages and starts one on a fresh embedded database under bench/out.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=${1:-100000}
ROUNDS=${2:-5}

ensure_heed
use_embedded_psql
TOKEN=$(admin_token)

# Realistic rows: every optional column filled, a manager for each, 5 regions, 40 departments, 12 countries.
generate() {
  awk -v rows="$ROWS" -v domain="$1" 'BEGIN {
    split("EMEA AMER APAC LATAM MEA", region, " ");
    split("DE FR GB US CA BR JP AU IN SG CH NL", country, " ");
    split("de fr en-GB en en-CA pt-BR ja en-AU en-IN en de-CH nl", locale, " ");
    split("Europe/Berlin Europe/Paris Europe/London America/New_York America/Toronto America/Sao_Paulo Asia/Tokyo Australia/Sydney Asia/Kolkata Asia/Singapore Europe/Zurich Europe/Amsterdam", zone, " ");
    print "email,name,region,department,country,manager_email,locale,timezone";
    for (i = 0; i < rows; i++) {
      c = i % 12 + 1;
      printf "employee%06d@%s,\"Employee %06d, Surname\",%s,Department %02d,%s,manager%04d@%s,%s,%s\n",
        i, domain, i, region[i % 5 + 1], i % 40, country[c], i % 2000, domain, locale[c], zone[c];
    }
  }'
}

create_times=(); unchanged_times=(); copy_times=()
for round in $(seq 1 "$ROUNDS"); do
  file="$OUT/employees-$round.csv"
  domain="round$round-$$.example.com"
  generate "$domain" >"$file"
  for pass in create unchanged; do
    start=$(now)
    result=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$file" \
      "$HEED_URL/api/v1/employees/import")
    seconds=$(echo "$(now) - $start" | bc -l)
    echo "round $round $pass: ${seconds}s $(echo "$result" | cut -c1-90)"
    if [ "$pass" = create ]; then create_times+=("$seconds"); else unchanged_times+=("$seconds"); fi
  done
  start=$(now)
  psql -q -v ON_ERROR_STOP=1 <<SQL
drop table if exists copy_floor;
create table copy_floor (email text, name text, region text, department text, country text,
                         manager_email text, locale text, time_zone text);
\copy copy_floor from '$file' with (format csv, header true)
SQL
  seconds=$(echo "$(now) - $start" | bc -l)
  echo "round $round COPY: ${seconds}s"
  # Every round imports into the same directory: remove this round's employees again.
  psql -q -c 'drop table copy_floor' -c "delete from employee where email_key like '%@$domain'" -c 'vacuum analyze employee' 
  copy_times+=("$seconds")
done

bytes=$(stat -c %s "$OUT/employees-1.csv")
create=$(printf '%s\n' "${create_times[@]}" | median)
unchanged=$(printf '%s\n' "${unchanged_times[@]}" | median)
copy=$(printf '%s\n' "${copy_times[@]}" | median)
echo
echo "rows per file:               $ROWS ($bytes bytes), $ROUNDS rounds, medians:"
printf 'import, all new (HTTP):      %.3f s  %8.0f rows/s\n' "$create" "$(echo "$ROWS / $create" | bc -l)"
printf 'import, all unchanged:       %.3f s  %8.0f rows/s\n' "$unchanged" "$(echo "$ROWS / $unchanged" | bc -l)"
printf 'COPY into a plain table:     %.3f s  %8.0f rows/s\n' "$copy" "$(echo "$ROWS / $copy" | bc -l)"
printf 'ratio import/COPY:           %.2fx (new), %.2fx (unchanged)\n' \
  "$(echo "$create / $copy" | bc -l)" "$(echo "$unchanged / $copy" | bc -l)"
rm -f "$OUT"/employees-*.csv
