package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals and outages, against a scripted SMTP server that answers as real ones do. */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class DeliveryFailureTest {

    @Inject
    DeliveryFixture fixture;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RecordingListener listener;

    @BeforeEach
    void clean() {
        fixture.reset();
    }

    @Test
    void aPermanentRefusalFailsThatRecipientAndTheBatchGoesOn() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(DeliveryTestProfile.SMTP_PORT)) {
            smtp.replyToRcpt(
                    "gone@example.com", "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown");
            fixture.enqueue("a", "a@example.com", "s");
            long gone = fixture.enqueue("gone", "gone@example.com", "s");
            fixture.enqueue("b", "b@example.com", "s");

            fixture.dispatchUntilSettled(Duration.ofSeconds(10));

            assertEquals(
                    List.of("a@example.com", "b@example.com"),
                    smtp.delivered().stream().sorted().toList());
            assertEquals(2, fixture.count("status = 'SENT'"));
            assertEquals(
                    "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown",
                    fixture.string("select last_smtp_reply from outbox_message where id = " + gone));
            assertEquals(1, fixture.count("id = " + gone + " and status = 'FAILED' and attempts = 1"));
            DeliveryOutcome failed = listener.outcomes().stream()
                    .filter(o -> o.messageId() == gone)
                    .findFirst()
                    .orElseThrow();
            assertEquals(DeliveryOutcome.Status.FAILED, failed.status());
            assertTrue(failed.smtpReply().startsWith("550 5.1.1"), failed.smtpReply());
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(DeliveryTestProfile.SMTP_PORT)) {
            smtp.replyToRcpt("busy@example.com", "451 4.7.1 Greylisted, try again later");
            long busy = fixture.enqueue("busy", "busy@example.com", "s");

            fixture.dispatchUntilSettled(Duration.ofSeconds(10));

            assertEquals(List.of("busy@example.com"), smtp.delivered());
            assertEquals(1, fixture.count("id = " + busy + " and status = 'SENT' and attempts = 2"));
        }
    }

    @Test
    void sendingResumesWhenTheServerComesBack() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fixture.enqueue("r" + i, "r" + i + "@example.com", "s");
        }
        // Nobody listens on the port: connection refused, twice.
        assertEquals(3, dispatcher.dispatchOnce().retried());
        fixture.dispatchUntil(() -> fixture.count("attempts = 2 and status = 'PENDING'") == 3, Duration.ofSeconds(5));
        assertEquals(3, fixture.count("last_smtp_reply like 'connection refused%' and next_attempt_at > claimed_at"));

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(DeliveryTestProfile.SMTP_PORT)) {
            fixture.dispatchUntilSettled(Duration.ofSeconds(10));

            assertEquals(3, smtp.delivered().size());
            assertEquals(3, fixture.count("status = 'SENT' and attempts = 3"));
        }
    }

    @Test
    void aMessageThatKeepsFailingFailsAfterMaxAttempts() throws Exception {
        long id = fixture.enqueue("never", "never@example.com", "s");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10)); // nobody listens: 4 attempts (test profile)

        assertEquals(1, fixture.count("id = " + id + " and status = 'FAILED' and attempts = 4"));
        assertTrue(fixture.string("select last_smtp_reply from outbox_message where id = " + id)
                .endsWith("(gave up after 4 attempts)"));
        assertEquals(DeliveryOutcome.Status.FAILED, listener.outcomes().get(0).status());
    }
}
