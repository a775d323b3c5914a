package io.heed.compliance.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.acknowledgement.VisitLog;
import io.heed.campaign.RecipientDeliveryState;
import io.heed.compliance.ComplianceScenario;
import io.heed.delivery.catcher.MailCatcher;
import io.heed.platform.Hashing;
import io.heed.security.LinkTokens;
import io.heed.support.Api;
import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduled report mail: each report recipient gets their region's PDF through the outbox. */
@QuarkusTest
class ReportMailTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    RecipientDeliveryState delivery;

    @Inject
    VisitLog visitLog;

    @Inject
    MailCatcher catcher;

    @Inject
    ReportMail reportMail;

    ComplianceScenario scenario;

    @BeforeEach
    void play() {
        scenario = ComplianceScenario.played(dataSource, linkTokens, delivery, visitLog::flush);
    }

    private String path() {
        return "/api/v1/campaigns/" + scenario.campaign + "/report-recipients";
    }

    @Test
    void reportRecipientsAreSetByAdminsAndSeenWithinScope() {
        Api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("Emea.Officer@example.com"), "*", List.of("ciso@example.com")))
                .put(path())
                .then()
                .statusCode(200)
                .body("EMEA", equalTo(List.of("Emea.Officer@example.com")))
                .body("'*'", equalTo(List.of("ciso@example.com")));
        Api.asRegionOfficer("EMEA")
                .get(path())
                .then()
                .statusCode(200)
                .body("EMEA", equalTo(List.of("Emea.Officer@example.com")))
                .body("'*'", equalTo(null));
        Api.asRegionOfficer("AMER").get(path()).then().statusCode(200).body("size()", equalTo(0));
        Api.asRegionOfficer("EMEA")
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("me@example.com")))
                .put(path())
                .then()
                .statusCode(403);
        Api.asAuditor()
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("me@example.com")))
                .put(path())
                .then()
                .statusCode(403);
        Api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("not an address")))
                .put(path())
                .then()
                .statusCode(400)
                .body("problems[0].field", equalTo("EMEA"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from audit_event where action = 'compliance.report-recipients.set'"));
    }

    @Test
    void eachRecipientReceivesTheirRegionsPdfOncePerRun() throws Exception {
        Api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("emea.officer@example.com"), "*", List.of("ciso@example.com")))
                .put(path())
                .then()
                .statusCode(200);
        catcher.clear();
        Instant run = Instant.parse("2026-11-30T06:00:00Z");
        assertEquals(2, reportMail.queue(run));
        assertEquals(0, reportMail.queue(run), "the same run again (a replayed misfire) queues nothing");

        MimeMessage emea = awaitMail("emea.officer@example.com");
        assertTrue(emea.getSubject().startsWith("Compliance report: LinkedIn opt-out (EMEA), "), emea.getSubject());
        BodyPart pdf = attachment(emea);
        assertTrue(pdf.isMimeType("application/pdf"));
        assertEquals("campaign-" + scenario.campaign + "-compliance-EMEA.pdf", pdf.getFileName());
        String text = ComplianceReportTest.pdfText(pdf.getInputStream().readAllBytes());
        ComplianceReportTest.assertRow(text, "EMEA", "3", "3", "0", "2", "2", "66.7 %", "2026-12-15", "0");
        assertFalse(text.contains("AMER"), text);
        assertFalse(text.contains("APAC"), text);
        assertTrue(text.contains("by Heed (scheduled report mail)"), text);
        // the hash it states is that of the EMEA rows, as an admin exports them
        byte[] csv = Api.asAdmin()
                .get("/api/v1/campaigns/" + scenario.campaign + "/report.csv?region=EMEA")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String hash = HexFormat.of().formatHex(Hashing.sha256().digest(csv));
        assertTrue(text.contains(hash), text);
        assertTrue(text.contains("report.csv?region=EMEA"), text);
        assertTrue(body(emea).contains(hash));

        String all = ComplianceReportTest.pdfText(
                attachment(awaitMail("ciso@example.com")).getInputStream().readAllBytes());
        ComplianceReportTest.assertRow(all, "AMER", "2", "1", "1", "1", "0", "0.0 %", "2026-12-31", "0");
        ComplianceReportTest.assertRow(all, "EMEA", "3", "3", "0", "2", "2", "66.7 %", "2026-12-15", "0");
        ComplianceReportTest.assertRow(all, "All", "6", "5", "1", "3", "2", "33.3 %", "—", "0");

        assertEquals(
                2,
                Database.count(
                        dataSource, "select count(*) from audit_event where action = 'compliance.export.pdf.mail'"));
        assertEquals(
                2,
                Database.count(
                        dataSource,
                        "select count(*) from outbox_message where kind = 'compliance-report' and status = 'SENT'"));
    }

    @Test
    void campaignsThatEndedGetNoReportMail() {
        Api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("EMEA", List.of("emea.officer@example.com")))
                .put(path())
                .then()
                .statusCode(200);
        Api.asAdmin()
                .contentType(ContentType.JSON)
                .post("/api/v1/campaigns/" + scenario.campaign + "/close")
                .then()
                .statusCode(200);
        assertEquals(0, reportMail.queue(Instant.parse("2026-12-07T06:00:00Z")));
    }

    private MimeMessage awaitMail(String to) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> find(to), Optional::isPresent)
                .get();
    }

    private Optional<MimeMessage> find(String to) throws Exception {
        for (MailCatcher.Caught caught : catcher.newest(100)) {
            var recipients = caught.message().getRecipients(Message.RecipientType.TO);
            if (recipients != null && recipients[0].toString().equals(to)) {
                return Optional.of(caught.message());
            }
        }
        return Optional.empty();
    }

    private static BodyPart attachment(MimeMessage message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                return mixed.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment in " + message.getContentType());
    }

    private static String body(MimeMessage message) throws Exception {
        Multipart alternative =
                (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        return String.valueOf(alternative.getBodyPart(0).getContent());
    }
}
