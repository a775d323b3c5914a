package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.fail;

import io.heed.support.Database;
import io.heed.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** What delivery tests do again and again: a clean outbox, queueing in a transaction, dispatching to the end. */
@ApplicationScoped
public class DeliveryFixture {

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RecordingListener listener;

    @Inject
    DeliveryConfig config;

    void reset() {
        Database.reset(dataSource);
        TestMailComposer.reset();
        listener.reset();
    }

    long enqueue(String reference, String to, String stream) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueue(
                        new NewMessage(TestMailComposer.KIND, reference, to, stream, TestClock.now(), false)));
    }

    /** {@code count} test mails to user1@example.com … in one statement, references "1" … */
    int enqueueMany(int count, String stream) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueueSelect("""
                        select 'test-mail' as kind, g::text as reference, 'user' || g || '@example.com' as to_address,
                               :stream as stream, cast(null as timestamptz) as due_at
                        from generate_series(1, :count) as g""", Map.of("stream", stream, "count", count)));
    }

    String string(String sql) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String where) {
        return Database.count(dataSource, "select count(*) from outbox_message where " + where);
    }

    /**
     * Runs dispatcher rounds until {@code done} holds, or fails after {@code limit} (real time). A round that
     * claims nothing moves the {@link TestClock} on by one poll interval, as an idle dispatcher would wait: what
     * it waits for (a retry's backoff, a pacing slot, a lease) is read from the application clock, so no test
     * sleeps for it.
     */
    void dispatchUntil(BooleanSupplier done, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Condition not reached after " + limit);
            }
            dispatchOrMoveTime();
        }
    }

    /** Runs dispatcher rounds until no message is PENDING or SENDING, or fails after {@code limit}. */
    void dispatchUntilSettled(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (count("status in ('PENDING', 'SENDING')") > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("Messages still unsettled after " + limit + ": " + count("status in ('PENDING', 'SENDING')"));
            }
            dispatchOrMoveTime();
        }
        // Outcomes that were recorded without their listener are reported on the next round.
        dispatcher.dispatchOnce();
    }

    private void dispatchOrMoveTime() throws Exception {
        if (dispatcher.dispatchOnce().claimed() == 0) {
            TestClock.advance(config.pollInterval()); // waiting for pacing or backoff
        }
    }
}
