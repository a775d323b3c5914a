package io.heed.delivery;

import io.heed.delivery.smtp.SmtpConfig;
import io.heed.delivery.smtp.SmtpEndpoint;
import io.heed.delivery.smtp.SmtpSender;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How delivery stands, as an operator must see it on the console's home and settings pages: whether the relay is
 * refusing or failing (messages waiting for a retry, with the server's last reply), whether mail that is due is
 * being handed over at all, the newest final failures, and the relay as configured (never its password). Every
 * read goes through a partial index or the small stream table, so it stays cheap with a million messages queued.
 */
@ApplicationScoped
public class DeliveryStatusQueries {

    /** Due mail counted up to this many; beyond it the page says "more than". */
    static final int COUNT_LIMIT = 100_000;

    /** No hand-over for this long while mail is due, in streams allowed to send now, is a stall. */
    static final Duration STALL_AFTER = Duration.ofMinutes(2);

    private static final NamedSql STATUS = NamedSql.of("""
            /* heed:delivery-status */
            select
              (select count(*) from (
                  select 1 from outbox_message m
                    join outbox_stream s on s.stream = m.stream
                   where m.status = 'PENDING' and m.next_attempt_at <= :now and not s.paused
                     and (s.next_slot_at is null or s.next_slot_at <= :now)
                   limit :limit) d)                                             as due_now,
              (select count(*) from (
                  select 1 from outbox_message
                   where status = 'PENDING' and attempts > 0
                   limit :limit) r)                                             as retrying,
              (select last_smtp_reply from outbox_message
                where status = 'PENDING' and attempts > 0
                order by next_attempt_at desc limit 1)                         as retry_reply,
              (select count(*) from outbox_message
                where status = 'FAILED' and failed_at > :dayAgo)               as failed_last_day,
              (select max(last_claimed_at) from outbox_stream)                 as last_hand_over,
              -- the longest-waiting due message of a stream allowed to send now: one index probe per stream
              (select min(f.next_attempt_at)
                 from outbox_stream s
                 cross join lateral (
                     select m.next_attempt_at from outbox_message m
                      where m.stream = s.stream and m.status = 'PENDING'
                      order by m.next_attempt_at limit 1) f
                where not s.paused and (s.next_slot_at is null or s.next_slot_at <= :now)
                  and f.next_attempt_at <= :now)                               as oldest_due""");

    private static final NamedSql FAILURES = NamedSql.of("""
            /* heed:delivery-failures */
            select id, kind, to_address, stream, attempts, last_smtp_reply, failed_at
              from outbox_message
             where status = 'FAILED'
             order by failed_at desc
             limit :limit""");

    /** Where delivery stands. */
    public enum State {
        /** Nothing due, nothing refused. */
        IDLE,
        /** Mail is due and being handed to the relay. */
        DELIVERING,
        /** The relay refused or could not be reached: messages wait for a retry. */
        FAILING,
        /** Mail is due but nothing has been handed over for a while. */
        STALLED
    }

    /**
     * @param dueNow messages due now in streams allowed to send (at most {@link #COUNT_LIMIT})
     * @param retrying messages waiting for another attempt after a failed one (at most {@link #COUNT_LIMIT})
     * @param retryReply the server's reply to the newest failed attempt, or what went wrong; null if none
     * @param failedLastDay messages given up on in the last 24 hours
     * @param lastHandOver when a dispatcher last claimed mail to send; null: never
     * @param reason what the state means, in words, for the page
     */
    public record Status(
            State state,
            long dueNow,
            long retrying,
            String retryReply,
            long failedLastDay,
            Instant lastHandOver,
            String reason,
            Instant asOf) {

        public boolean healthy() {
            return state == State.IDLE || state == State.DELIVERING;
        }

        public boolean countLimited(long count) {
            return count >= COUNT_LIMIT;
        }
    }

    /** A message delivery gave up on, with the relay's last reply. */
    public record Failure(
            long id, String kind, String toAddress, String stream, int attempts, String smtpReply, Instant failedAt) {

        static Failure read(Row r) throws SQLException {
            return new Failure(
                    r.getLong("id"),
                    r.string("kind"),
                    r.string("to_address"),
                    r.string("stream"),
                    r.getInt("attempts"),
                    r.string("last_smtp_reply"),
                    r.instant("failed_at"));
        }
    }

    /**
     * The relay as configured, without its password.
     *
     * @param catcher whether mail goes to the built-in mail catcher (no {@code heed.smtp.host})
     * @param passwordSet whether a password is configured (it is never shown)
     * @param maxPerMinute the cluster-wide cap; null: none
     */
    public record Relay(
            boolean catcher,
            String host,
            int port,
            String tls,
            String username,
            boolean passwordSet,
            String from,
            String replyTo,
            Integer maxPerMinute,
            int connections) {}

    @Inject
    Database database;

    @Inject
    Clock clock;

    @Inject
    SmtpSender sender;

    @Inject
    SmtpConfig config;

    public Status status() {
        Instant now = clock.instant();
        return database.snapshot(
                "read the delivery status",
                sql -> sql.first(
                                STATUS,
                                Params.of("now", now)
                                        .and("limit", COUNT_LIMIT)
                                        .and("dayAgo", now.minus(Duration.ofDays(1))),
                                r -> status(
                                        now,
                                        r.getLong("due_now"),
                                        r.getLong("retrying"),
                                        r.string("retry_reply"),
                                        r.getLong("failed_last_day"),
                                        r.instant("last_hand_over"),
                                        r.instant("oldest_due")))
                        .orElseThrow());
    }

    /** The newest messages delivery gave up on, at most {@code limit}. */
    public List<Failure> recentFailures(int limit) {
        return database.list(FAILURES, Params.of("limit", limit), Failure::read);
    }

    public Relay relay() {
        SmtpEndpoint endpoint = sender.endpoint();
        return new Relay(
                config.host().isEmpty(),
                endpoint.host(),
                endpoint.port(),
                endpoint.tls().name().toLowerCase(Locale.ROOT),
                config.username().orElse(null),
                config.password().filter(p -> !p.isEmpty()).isPresent(),
                config.from(),
                config.replyTo().orElse(null),
                config.maxPerMinute().isPresent() ? config.maxPerMinute().getAsInt() : null,
                config.connections());
    }

    /** The one place the state is decided from what was read. */
    static Status status(
            Instant now,
            long dueNow,
            long retrying,
            String retryReply,
            long failedLastDay,
            Instant lastHandOver,
            Instant oldestDue) {
        if (retrying > 0) {
            return new Status(
                    State.FAILING,
                    dueNow,
                    retrying,
                    retryReply,
                    failedLastDay,
                    lastHandOver,
                    "The relay refused or could not be reached: " + count(retrying) + " waiting for another attempt.",
                    now);
        }
        // Stalled: something has been due for a while and nothing was handed over for as long.
        Instant stallLine = now.minus(STALL_AFTER);
        boolean stalled = dueNow > 0
                && oldestDue != null
                && oldestDue.isBefore(stallLine)
                && (lastHandOver == null || lastHandOver.isBefore(stallLine));
        if (stalled) {
            return new Status(
                    State.STALLED,
                    dueNow,
                    retrying,
                    retryReply,
                    failedLastDay,
                    lastHandOver,
                    count(dueNow) + " due, but nothing has been handed to the relay for "
                            + STALL_AFTER.toMinutes() + " minutes"
                            + ". Check that Heed's dispatcher runs (the log and /q/health).",
                    now);
        }
        return new Status(
                dueNow > 0 ? State.DELIVERING : State.IDLE,
                dueNow,
                retrying,
                retryReply,
                failedLastDay,
                lastHandOver,
                dueNow > 0 ? count(dueNow) + " being handed to the relay." : "Nothing waiting to be sent.",
                now);
    }

    private static String count(long messages) {
        String n = messages >= COUNT_LIMIT
                ? "More than " + String.format(Locale.ROOT, "%,d", COUNT_LIMIT - 1)
                : String.format(Locale.ROOT, "%,d", messages);
        return n + (messages == 1 ? " message" : " messages");
    }
}
