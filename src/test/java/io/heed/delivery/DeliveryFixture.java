package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.fail;

import io.heed.support.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

    void reset() {
        Database.reset(dataSource);
        TestMailComposer.reset();
        listener.reset();
    }

    long enqueue(String reference, String to, String stream) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueue(
                        new NewMessage(TestMailComposer.KIND, reference, to, stream, Instant.now(), false)));
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

    /** Runs dispatcher rounds until {@code done} holds, or fails after {@code limit}. */
    void dispatchUntil(java.util.function.BooleanSupplier done, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Condition not reached after " + limit);
            }
            if (dispatcher.dispatchOnce().claimed() == 0) {
                Thread.sleep(10);
            }
        }
    }

    /** Runs dispatcher rounds until no message is PENDING or SENDING, or fails after {@code limit}. */
    void dispatchUntilSettled(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (count("status in ('PENDING', 'SENDING')") > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("Messages still unsettled after " + limit + ": " + count("status in ('PENDING', 'SENDING')"));
            }
            if (dispatcher.dispatchOnce().claimed() == 0) {
                Thread.sleep(10); // waiting for pacing or backoff
            }
        }
        // Outcomes that were recorded without their listener are reported on the next round.
        dispatcher.dispatchOnce();
    }
}
