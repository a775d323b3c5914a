package io.heed.delivery;

import static io.heed.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.heed.delivery.catcher.MailCatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery to a real SMTP server (GreenMail on a local port), read back and parsed as a mail client would. */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class DeliveryTest {

    @Inject
    DeliveryFixture fixture;

    @Inject
    RecordingListener listener;

    @Inject
    MailCatcher catcher;

    @Inject
    Outbox outbox;

    GreenMail smtp;

    @BeforeEach
    void start() {
        fixture.reset();
        smtp = new GreenMail(new ServerSetup(DeliveryTestProfile.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void everyQueuedMessageIsDeliveredExactlyOnce() throws Exception {
        assertEquals(200, fixture.enqueueMany(200, "bulk"));

        fixture.dispatchUntilSettled(Duration.ofSeconds(30));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(200, received.length);
        Set<String> recipients = Arrays.stream(received)
                .map(m -> address(m, Message.RecipientType.TO))
                .collect(Collectors.toSet());
        assertEquals(200, recipients.size(), "one message per address");
        assertTrue(recipients.contains("user1@example.com") && recipients.contains("user200@example.com"));
        assertEquals(200, fixture.count("status = 'SENT' and attempts = 1 and sent_at is not null"));
        assertEquals(200, fixture.count("content_sha256 ~ '^[0-9a-f]{64}$' and last_smtp_reply like '250%'"));
        assertEquals(200, fixture.count("outcome_reported_at is not null"));
        assertEquals(200, listener.outcomes().size());
        assertTrue(listener.outcomes().stream().allMatch(o -> o.status() == DeliveryOutcome.Status.SENT));
        assertEquals(
                200,
                listener.outcomes().stream()
                        .map(DeliveryOutcome::reference)
                        .distinct()
                        .count());
    }

    @Test
    void messagesAreMultipartAlternativeWithEncodedUtf8Headers() throws Exception {
        TestMailComposer.SCRIPTED.put(
                "zoe",
                new ComposedMail(
                        "Zoë Ångström-Łukasiewicz",
                        "Sécurité : LinkedIn entraîne l’IA — 请确认 ✓",
                        "Bonjour Zoë,\nhttps://heed.example/ack/zoe\n",
                        "<p>Bonjour Zoë, <a href=\"https://heed.example/ack/zoe\">confirmer</a></p>"));
        long id = fixture.enqueue("zoe", "zoe@example.com", "one");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("Sécurité : LinkedIn entraîne l’IA — 请确认 ✓", message.getSubject());
        InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
        assertEquals("Zoë Ångström-Łukasiewicz", to.getPersonal());
        assertEquals("zoe@example.com", to.getAddress());
        assertEquals("Heed Tests", ((InternetAddress) message.getFrom()[0]).getPersonal());
        assertEquals("security@tests.example", ((InternetAddress) message.getReplyTo()[0]).getAddress());
        assertNotNull(message.getSentDate());
        String messageId = fixture.string("select message_id from outbox_message where id = " + id);
        assertEquals(messageId, message.getMessageID());
        assertTrue(messageId.matches("<[0-9a-f-]{36}@tests\\.example>"), messageId);
        assertEquals("auto-generated", message.getHeader("Auto-Submitted", null));
        // Headers on the wire are 7-bit: the non-ASCII name and subject travel as RFC 2047 encoded words.
        for (String line : Collections.list(message.getAllHeaderLines())) {
            assertTrue(line.chars().allMatch(c -> c < 128), line);
        }

        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        Multipart alternative = (Multipart) message.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
        // SMTP carries every line ending as CRLF.
        assertEquals(
                "Bonjour Zoë,\r\nhttps://heed.example/ack/zoe\r\n",
                alternative.getBodyPart(0).getContent());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertEquals(
                "<p>Bonjour Zoë, <a href=\"https://heed.example/ack/zoe\">confirmer</a></p>",
                alternative.getBodyPart(1).getContent());
        assertEquals(
                TestMailComposer.SCRIPTED.get("zoe").contentSha256(),
                fixture.string("select content_sha256 from outbox_message where id = " + id));
    }

    @Test
    void eachPartTravelsInTheTransferEncodingItsTextNeedsAndDecodesExactly() throws Exception {
        String longLine = "<p>" + "Heed ".repeat(300) + "</p>"; // 1,507 characters: too long for 7bit
        Map<String, ComposedMail> mails = Map.of(
                "ascii@example.com",
                new ComposedMail(null, "Check", "Hello Ada,\nhttps://heed.example/ack/a\n", longLine),
                "de@example.com",
                new ComposedMail(null, "Prüfen", "Grüße, Jörg: bitte bestätigen.\n", "<p>Grüße, Jörg</p>"),
                "ja@example.com",
                new ComposedMail(null, "確認", "リンクトインの設定を確認してください。\n", "<p>設定を確認してください。</p>"));
        mails.forEach((to, mail) -> {
            TestMailComposer.SCRIPTED.put(to, mail);
            fixture.enqueue(to, to, "one");
        });

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        Map<String, List<String>> expected = Map.of(
                "ascii@example.com", List.of("7bit", "quoted-printable"),
                "de@example.com", List.of("quoted-printable", "quoted-printable"),
                "ja@example.com", List.of("base64", "base64"));
        assertEquals(3, smtp.getReceivedMessages().length);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            Multipart alternative = (Multipart) message.getContent();
            assertEquals(expected.get(to).get(0), alternative.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]);
            assertEquals(expected.get(to).get(1), alternative.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0]);
            // line endings: CRLF where quoted-printable or 7bit carried them, as written inside base64
            String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
            assertEquals(mails.get(to).text(), text, to);
            assertEquals(mails.get(to).html(), alternative.getBodyPart(1).getContent(), to);
        }
    }

    @Test
    void attachmentsFollowTheTextAndHtmlInMultipartMixedAndCountInTheContentHash() throws Exception {
        byte[] pdf = "%PDF-1.4 report".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ComposedMail mail = new ComposedMail(
                null,
                "Compliance report",
                "See the attached report.\n",
                "<p>See the attached report.</p>",
                List.of(new ComposedMail.Attachment("campaign-1-compliance-EMEA.pdf", "application/pdf", pdf)));
        TestMailComposer.SCRIPTED.put("report", mail);
        long id = fixture.enqueue("report", "officer@example.com", "one");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertTrue(message.isMimeType("multipart/mixed"), message.getContentType());
        Multipart mixed = (Multipart) message.getContent();
        assertEquals(2, mixed.getCount());
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"));
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertEquals("See the attached report.\r\n", alternative.getBodyPart(0).getContent());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        jakarta.mail.BodyPart attachment = mixed.getBodyPart(1);
        assertTrue(attachment.isMimeType("application/pdf"), attachment.getContentType());
        assertEquals(jakarta.mail.Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("campaign-1-compliance-EMEA.pdf", attachment.getFileName());
        assertArrayEquals(pdf, attachment.getInputStream().readAllBytes());

        assertEquals(
                mail.contentSha256(), fixture.string("select content_sha256 from outbox_message where id = " + id));
        ComposedMail withoutFile = new ComposedMail(null, mail.subject(), mail.text(), mail.html());
        assertNotEquals(withoutFile.contentSha256(), mail.contentSha256());
        ComposedMail otherFile = new ComposedMail(
                null,
                mail.subject(),
                mail.text(),
                mail.html(),
                List.of(new ComposedMail.Attachment("campaign-1-compliance-EMEA.pdf", "application/pdf", new byte[1])));
        assertNotEquals(otherFile.contentSha256(), mail.contentSha256());
    }

    @Test
    void lineBreaksInNamesAndSubjectsCannotAddHeaders() throws Exception {
        TestMailComposer.SCRIPTED.put(
                "eve",
                new ComposedMail(
                        "Eve\r\nBcc: victim@example.com",
                        "Hello\r\nX-Injected: yes\n\nbody injection",
                        "text",
                        "<p>html</p>"));
        fixture.enqueue("eve", "eve@example.com", "one");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length, "nobody else received it");
        MimeMessage message = received[0];
        assertEquals("Hello X-Injected: yes body injection", message.getSubject());
        assertEquals(
                "Eve Bcc: victim@example.com",
                ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        List<String> headerNames = Collections.list(message.getAllHeaders()).stream()
                .map(h -> h.getName().toLowerCase())
                .toList();
        assertFalse(headerNames.contains("x-injected"), headerNames.toString());
        assertFalse(headerNames.contains("bcc"), headerNames.toString());
        assertEquals("text", ((Multipart) message.getContent()).getBodyPart(0).getContent());
    }

    @Test
    void concurrentDispatchersNeverSendAMessageTwice() throws Exception {
        assertEquals(150, fixture.enqueueMany(150, "race"));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Void>> runs = pool.invokeAll(Collections.nCopies(3, () -> {
                fixture.dispatchUntilSettled(Duration.ofSeconds(30));
                return null;
            }));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(150, received.length);
        assertEquals(
                150,
                Arrays.stream(received).map(DeliveryTest::messageId).distinct().count());
        assertEquals(150, fixture.count("status = 'SENT' and attempts = 1"));
    }

    @Test
    void theComposerCanWithdrawAMessage() throws Exception {
        TestMailComposer.UNWANTED.add("closed");
        long withdrawn = fixture.enqueue("closed", "late@example.com", "one");
        fixture.enqueue("open", "early@example.com", "one");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(1, fixture.count("id = " + withdrawn + " and status = 'CANCELLED' and cancelled_at is not null"));
        assertTrue(listener.outcomes().stream()
                .anyMatch(o -> o.messageId() == withdrawn && o.status() == DeliveryOutcome.Status.CANCELLED));
    }

    @Test
    void aBulkQueryMayMarkTestSendsAndSetDueTimes() throws Exception {
        int queued = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueueSelect("""
                        select 'test-mail' as kind, 'preview-' || g as reference, 'admin' || g || '@example.com' as to_address,
                               'campaign:7' as stream, now() + make_interval(hours => g - 1) as due_at, g = 1 as test
                        from generate_series(1, :n) as g""", java.util.Map.of("n", 2)));

        fixture.dispatchUntil(() -> fixture.count("status = 'SENT'") == 1, Duration.ofSeconds(10));

        assertEquals(2, queued);
        assertEquals(1, fixture.count("reference = 'preview-1' and test and status = 'SENT'"));
        assertEquals(1, fixture.count("reference = 'preview-2' and not test and status = 'PENDING'"));
        assertTrue(listener.outcomes().get(0).test());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aBulkQuerySeesWhatTheCallersTransactionChangedAndHasNotWrittenYet() {
        long id = fixture.enqueue("before", "first@example.com", "one");

        int queued = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage message = OutboxMessage.findById(id);
            message.reference = "renamed"; // a pending change of the persistence context, not yet flushed
            return outbox.enqueueSelect("""
                    select 'test-mail' as kind, 'copy-of-' || m.reference as reference, m.to_address,
                           'one' as stream, cast(null as timestamptz) as due_at
                    from outbox_message m where m.reference = :reference""", Map.of("reference", "renamed"));
        });

        assertEquals(1, queued);
        assertEquals(1, fixture.count("reference = 'copy-of-renamed' and to_address = 'first@example.com'"));
    }

    @Test
    void theCatcherNeverStartsWhenAnSmtpHostIsSet() {
        assertFalse(catcher.running());
        asAdmin()
                .get("/dev/mailbox")
                .then()
                .statusCode(200)
                .body(containsString("The mail catcher is off: Heed sends through <code>smtp://127.0.0.1:"
                        + DeliveryTestProfile.SMTP_PORT + " (TLS: none)</code>"));
    }

    private static String address(MimeMessage message, Message.RecipientType type) {
        try {
            return ((InternetAddress) message.getRecipients(type)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
