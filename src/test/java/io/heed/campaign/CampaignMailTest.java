package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Scenario.act;
import static io.heed.support.Scenario.createDraft;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.delivery.Dispatcher;
import io.heed.delivery.catcher.MailCatcher;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.heed.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A campaign's mail end to end, through the outbox to the built-in catcher (a real SMTP server). */
@QuarkusTest
class CampaignMailTest {

    @Inject
    DataSource dataSource;

    @Inject
    MailCatcher catcher;

    @Inject
    CampaignFollowUps followUps;

    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void seed() {
        Database.reset(dataSource);
        catcher.clear();
        Scenario.seedDirectory();
    }

    @Test
    void everyRecipientGetsOneInvitationWithTheirOwnLink() throws Exception {
        long id = createDraft(request("Invitations"));
        act(id, "launch").statusCode(200);
        awaitCaught(6);
        Set<String> links = new TreeSet<>();
        for (MailCatcher.Caught caught : catcher.newest(100)) {
            String text = part(caught.message(), "text/plain");
            String link = text.lines()
                    .filter(l -> l.startsWith("http://localhost:8080/ack/"))
                    .findFirst()
                    .orElseThrow();
            links.add(link);
            assertTrue(part(caught.message(), "text/html").contains(link), "the HTML part carries the same link");
        }
        assertEquals(6, links.size(), "six different personal links");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> asAdmin()
                        .get("/api/v1/campaigns/" + id)
                        .then()
                        .body("status", equalTo("ACTIVE"))
                        .body("counts.sent", equalTo(6)));
    }

    @Test
    void aTestSendIsMarkedAndNeverCounted() throws Exception {
        long id = createDraft(request("Test send"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "ciso@example.com", "asEmployee", "anna@example.com"))
                .post("/api/v1/campaigns/" + id + "/test-send")
                .then()
                .statusCode(202);
        awaitCaught(1);
        MimeMessage message = catcher.newest(1).get(0).message();
        assertTrue(message.getSubject().startsWith("[TEST] Bitte handeln"), message.getSubject());
        assertEquals(
                "ciso@example.com",
                ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress());
        assertTrue(part(message, "text/plain").contains("Hallo Anna Berg"));
        asAdmin()
                .get("/api/v1/campaigns/" + id)
                .then()
                .body("status", equalTo("DRAFT"))
                .body("counts.recipients", equalTo(0));
        assertEquals(1, Database.count(dataSource, "select count(*) from outbox_message where test"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "not an address"))
                .post("/api/v1/campaigns/" + id + "/test-send")
                .then()
                .statusCode(400);
    }

    @Test
    void remindersGoOnlyToThoseNotCompleteAndNeverBeyondMax() throws Exception {
        Map<String, Object> body = request("Reminders");
        body.put("reminders", Map.of("everyDays", 2, "max", 2));
        long id = createDraft(body);
        act(id, "launch").statusCode(200);
        awaitCaught(6);
        awaitRecordedAsSent(id, 6);
        awaitOutboxSettled();
        catcher.clear();
        Database.execute(
                dataSource,
                "update recipient set completed_at = now() where email in ('anna@example.com', 'noah@example.com')");

        assertEquals(0, followUps.queueReminders(), "not yet: the invitation is fresh");
        TestClock.advance(Duration.ofDays(3));
        assertEquals(4, followUps.queueReminders());
        assertEquals(0, followUps.queueReminders(), "the interval starts again from the reminder");
        awaitCaught(4);
        awaitOutboxSettled();
        Set<String> reminded =
                catcher.newest(10).stream().map(c -> to(c.message())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("ben@example.com", "liam@example.com", "mia@example.com", "yuki@example.com"), reminded);
        assertTrue(catcher.newest(10).stream().anyMatch(c -> subject(c).startsWith("Reminder:")));
        assertTrue(catcher.newest(10).stream().anyMatch(c -> subject(c).startsWith("Erinnerung:")), "Mia reads German");

        TestClock.advance(Duration.ofDays(3));
        assertEquals(4, followUps.queueReminders(), "the second and last reminder");
        awaitCaught(8);
        awaitOutboxSettled();
        TestClock.advance(Duration.ofDays(3));
        assertEquals(0, followUps.queueReminders(), "never beyond max");
        assertEquals(
                2, Database.count(dataSource, "select max(reminders_sent) from recipient where campaign_id = " + id));

        act(id, "close").statusCode(200);
        Database.execute(dataSource, "update recipient set reminders_sent = 0 where campaign_id = " + id);
        TestClock.advance(Duration.ofDays(3));
        assertEquals(0, followUps.queueReminders(), "never after the campaign closed");
    }

    @Test
    void eachManagerGetsOneSummaryOfTheirReportsStillOpen() throws Exception {
        Map<String, Object> body = request("Escalation");
        body.put("escalateToManagerAfterDays", 5);
        long id = createDraft(body);
        act(id, "launch").statusCode(200);
        awaitCaught(6);
        awaitRecordedAsSent(id, 6);
        awaitOutboxSettled();
        catcher.clear();
        assertEquals(0, followUps.queueEscalations(), "not before five days");
        TestClock.advance(Duration.ofDays(6));
        // Mia manages Anna and Ben, Liam manages Noah; Noah has completed, so Liam gets nothing.
        Database.execute(dataSource, "update recipient set completed_at = now() where email = 'noah@example.com'");
        assertEquals(1, followUps.queueEscalations());
        assertEquals(0, followUps.queueEscalations(), "one summary per manager and campaign");
        awaitCaught(1);
        MimeMessage summary = catcher.newest(1).get(0).message();
        assertEquals("mia@example.com", to(summary));
        assertEquals("Offene Sicherheitsschritte in Ihrem Team: Escalation", summary.getSubject());
        String text = part(summary, "text/plain");
        assertTrue(
                text.contains("Anna Berg <anna@example.com>") && text.contains("Ben Carter <ben@example.com>"), text);
        assertTrue(text.contains("2 Ihrer Mitarbeitenden"), text);
    }

    @Test
    void pausingHoldsTheInvitationsAndResumingSendsThem() throws Exception {
        Map<String, Object> body = request("Paused");
        body.put("ratePerMinute", 60);
        long id = createDraft(body);
        act(id, "launch").statusCode(200);
        act(id, "pause").statusCode(200);
        // What a dispatcher claimed before the pause still goes out; then nothing more.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inStream(id, "SENDING") == 0);
        int whilePaused = catcher.count();
        assertTrue(whilePaused < 6, "pausing stops sending within one batch: " + whilePaused);
        // A minute on, the stream's pacing would let a round take the rest: it takes none while paused.
        TestClock.advance(Duration.ofMinutes(1));
        assertEquals(0, dispatcher.dispatchOnce().claimed(), "nothing of the paused campaign is claimable");
        assertEquals(6 - whilePaused, inStream(id, "PENDING"), "the rest waits, queued");
        assertEquals(whilePaused, catcher.count(), "nothing more while paused");
        act(id, "resume").statusCode(200);
        awaitCaught(6);
    }

    private long inStream(long campaign, String status) {
        return Database.count(
                dataSource,
                "select count(*) from outbox_message where stream = '" + CampaignStreams.of(campaign)
                        + "' and status = '" + status + "'");
    }

    /** No mail queued or being sent: moving the clock now cannot make a claimed batch's lease run out. */
    private void awaitOutboxSettled() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Database.count(
                                dataSource,
                                "select count(*) from outbox_message where status in ('PENDING', 'SENDING')")
                        == 0);
    }

    private void awaitCaught(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> catcher.count() >= count);
    }

    /**
     * The catcher holds a message as soon as SMTP accepts it; the dispatcher records its batch as sent a moment
     * later. Ageing the invitations before that record lands would age nothing, so the follow-up passes that
     * read {@code sent_at} wait for it.
     */
    private void awaitRecordedAsSent(long campaign, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Database.count(
                                dataSource,
                                "select count(*) from recipient where delivery_status = 'SENT' and campaign_id = "
                                        + campaign)
                        >= count);
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MailCatcher.Caught caught) {
        try {
            return caught.message().getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage message, String type) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
