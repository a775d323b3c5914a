#!/usr/bin/env bash
# E-mail dispatch benchmark: 10,000 messages queued in the outbox and delivered by Heed's dispatcher to
# Postfix's smtp-sink (a real SMTP server that accepts and discards, in its own process), end to end; against a
# bare Jakarta Mail loop over one reused connection to the same sink, in the same run. Each round then also
# launches a real campaign over the API to as many employees and times it from launch to its last recipient
# SENT: the audience snapshot, the playbook's invitation rendered per person with their link, and the
# recipients' delivery state (with the compliance counters' triggers) recorded as the outcomes arrive.
#
#   bench/dispatch.sh [messages] [rounds]        (defaults: 10000 messages, 5 rounds)
#
# Packages and starts its own Heed on a fresh embedded database under bench/out, with HEED_SMTP_* pointing at
# the sink; HEED_SMTP_CONNECTIONS, HEED_DELIVERY_BATCH_SIZE etc. are passed through. smtp-sink comes from the
# Debian postfix package, unpacked under bench/out (no mail server is installed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
MESSAGES=${1:-10000}
ROUNDS=${2:-5}
SINK_PORT=${SINK_PORT:-25250}

if heed_up; then
  echo "A Heed already answers at $HEED_URL; this benchmark starts its own, pointed at smtp-sink. Stop it first."
  exit 1
fi

# smtp-sink from the postfix .deb, without installing Postfix.
SINK="$OUT/postfix/usr/sbin/smtp-sink"
if [ ! -x "$SINK" ]; then
  (cd "$OUT" && rm -f postfix_*.deb && apt-get download postfix >/dev/null 2>&1 && dpkg -x postfix_*.deb postfix)
fi
sink_args=(-c)
[ "$(id -u)" = 0 ] && sink_args+=(-u nobody)
LD_LIBRARY_PATH="$OUT/postfix/usr/lib/postfix" "$SINK" "${sink_args[@]}" "127.0.0.1:$SINK_PORT" 1024 \
  >"$OUT/smtp-sink.log" 2>&1 &
SINK_PID=$!

export HEED_SMTP_HOST=127.0.0.1 HEED_SMTP_PORT=$SINK_PORT HEED_SMTP_TLS=none
ensure_heed
trap 'stop_heed; kill $SINK_PID 2>/dev/null || true' EXIT
use_embedded_psql

# The campaign part's directory: MESSAGES employees in one department.
TOKEN=$(admin_token)
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }
awk -v rows="$MESSAGES" 'BEGIN {
  print "email,name,region,department,country,locale,timezone";
  for (i = 0; i < rows; i++)
    printf "dispatch%06d@example.com,Dispatch Bench %06d,EMEA,Dispatch bench,DE,%s,Europe/Berlin\n", i, i, (i % 2 ? "de" : "en");
}' >"$OUT/dispatch-employees.csv"
api -H 'Content-Type: text/csv' --data-binary @"$OUT/dispatch-employees.csv" "$HEED_URL/api/v1/employees/import" >/dev/null

# Launches a campaign to the bench department, waits until every recipient is SENT; prints msg/s from the
# launch to the campaign's all-sent time.
campaign_round() {
  local id seconds
  id=$(api -H 'Content-Type: application/json' \
    -d "{\"name\":\"dispatch bench $(date +%s%N)\",\"playbook\":\"linkedin-genai-optout\",\"audience\":{\"departments\":[\"Dispatch bench\"]}}" \
    "$HEED_URL/api/v1/campaigns" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  api -X POST "$HEED_URL/api/v1/campaigns/$id/launch" >/dev/null
  for _ in $(seq 1 1200); do
    [ "$(psql -Atq -c "select all_sent_at is not null from campaign where id = $id")" = t ] && break
    sleep 0.1
  done
  seconds=$(psql -Atq -c "select extract(epoch from all_sent_at - launched_at) from campaign where id = $id")
  [ -n "$seconds" ] || { echo "campaign $id: not all sent; see $OUT/heed.log" >&2; exit 1; }
  echo "$MESSAGES / $seconds" | bc -l
}

pending() {
  psql -Atq -c "select count(*) from outbox_message where stream = 'bench' and status in ('PENDING', 'SENDING')"
}

heed_rates=(); dispatch_rates=(); bare_rates=(); campaign_rates=()
# Round 0 warms both JVMs up (class loading, JIT) and is not counted.
for round in $(seq 0 "$ROUNDS"); do
  # Heed: rows queued in one statement (kind delivery-check has a composer in Heed), then dispatched. End to
  # end runs from the start of that INSERT to the last SENT; the dispatcher finds the rows at its next poll.
  psql -q -v ON_ERROR_STOP=1 <<SQL
delete from outbox_message where stream = 'bench';
vacuum analyze outbox_message;
insert into outbox_stream (stream, updated_at) values ('bench', now()) on conflict do nothing;
insert into outbox_message (kind, reference, to_address, stream, message_id, due_at, next_attempt_at, created_at)
select 'delivery-check', 'bench', 'bench' || g || '@example.com', 'bench',
       '<' || gen_random_uuid() || '@heed.local>', now(), now(), now()
from generate_series(1, $MESSAGES) as g;
SQL
  for _ in $(seq 1 1200); do [ "$(pending)" = 0 ] && break; sleep 0.1; done
  [ "$(pending)" = 0 ] || { echo "round $round: messages left unsent; see $OUT/heed.log"; exit 1; }
  read -r sent end_to_end dispatching <<<"$(psql -Atq -F ' ' -c "
    select count(*) filter (where status = 'SENT'),
           extract(epoch from max(sent_at) - min(created_at)),
           extract(epoch from max(sent_at) - min(claimed_at))
    from outbox_message where stream = 'bench'")"
  [ "$sent" = "$MESSAGES" ] || { echo "round $round: only $sent of $MESSAGES sent"; exit 1; }
  heed=$(echo "$MESSAGES / $end_to_end" | bc -l)
  dispatch=$(echo "$MESSAGES / $dispatching" | bc -l)

  bare_line=$(java -cp "$ROOT/target/quarkus-app/lib/main/*" "$BENCH_DIR/BareSmtpLoop.java" 127.0.0.1 "$SINK_PORT" "$MESSAGES")
  bare=$(echo "$bare_line" | sed -E 's/.*: ([0-9.]+) msg\/s/\1/')
  campaign=$(campaign_round)
  if [ "$round" -gt 0 ]; then
    heed_rates+=("$heed"); dispatch_rates+=("$dispatch"); bare_rates+=("$bare"); campaign_rates+=("$campaign")
  fi
  printf 'round %d: Heed %.0f msg/s end to end (%.0f msg/s from first claim), %s; campaign %.0f msg/s\n' \
    "$round" "$heed" "$dispatch" "$bare_line" "$campaign"
done

heed=$(printf '%s\n' "${heed_rates[@]}" | median)
dispatch=$(printf '%s\n' "${dispatch_rates[@]}" | median)
bare=$(printf '%s\n' "${bare_rates[@]}" | median)
echo
echo "messages per round: $MESSAGES, $ROUNDS rounds, medians:"
printf 'Heed, INSERT start to last SENT:     %6.0f msg/s\n' "$heed"
printf 'Heed, first claim to last SENT:      %6.0f msg/s\n' "$dispatch"
printf 'bare Jakarta Mail, one connection:   %6.0f msg/s\n' "$bare"
printf 'ratio Heed (end to end) / bare:      %.2f\n' "$(echo "$heed / $bare" | bc -l)"
campaign=$(printf '%s\n' "${campaign_rates[@]}" | median)
printf 'campaign, launch to all SENT:        %6.0f msg/s (ratio to bare %.2f)\n' "$campaign" "$(echo "$campaign / $bare" | bc -l)"
