package io.heed.delivery;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static io.heed.support.Api.asRegionOfficer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.delivery.catcher.MailCatcher;
import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default set-up: no SMTP server configured, so Heed's own dispatcher delivers to the built-in catcher, and
 * an admin reads the mail at /dev/mailbox.
 */
@QuarkusTest
class MailCatcherTest {

    @Inject
    MailCatcher catcher;

    @Inject
    DeliveryFixture fixture;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        fixture.reset();
        catcher.clear();
    }

    @Test
    void aDeliveryCheckArrivesInTheMailbox() {
        String location = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "newcomer@example.com"))
                .post("/api/v1/delivery/check")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("kind", equalTo("delivery-check"))
                .body("messageId", matchesPattern("<[0-9a-f-]{36}@heed\\.local>"))
                .extract()
                .header("Location");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> asAdmin()
                        .get(location)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("SENT"))
                        .body("lastSmtpReply", startsWith("250")));
        asAdmin()
                .get("/dev/mailbox")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Heed delivery check"))
                .body(containsString("newcomer@example.com"))
                .body(containsString("token:tests ADMIN[] asked Heed to send it"));
        assertTrue(Database.count(dataSource, "select count(*) from audit_event where action = 'delivery.check'") > 0);
    }

    @Test
    void linksAreClickableAndEverythingIsEscaped() {
        TestMailComposer.SCRIPTED.put(
                "hostile",
                new ComposedMail(
                        "<b>Mallory</b>",
                        "<script>alert('subject')</script>",
                        "Open https://heed.example/ack/abc?step=1&lang=en. Or javascript:alert(1)\n",
                        "<p>Open <a href=\"https://heed.example/ack/abc\">this</a><script>alert('html')</script></p>"));
        fixture.enqueue("hostile", "mallory@example.com", "catcher");

        await().atMost(Duration.ofSeconds(10)).until(() -> catcher.count() == 1);

        String page =
                asAdmin().get("/dev/mailbox").then().statusCode(200).extract().asString();
        assertTrue(
                page.contains("<a href=\"https://heed.example/ack/abc?step=1&amp;lang=en\" target=\"_blank\""), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"), page);
        assertTrue(page.contains("&lt;b&gt;Mallory&lt;/b&gt;"), page);
        assertTrue(!page.contains("<script>") && !page.contains("href=\"javascript"), page);
        // The HTML part is shown inside a sandboxed frame, as an escaped attribute value.
        assertTrue(page.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"&lt;base"), page);
    }

    @Test
    void theMailboxIsForAdminsOnly() {
        given().get("/dev/mailbox").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        asAuditor().get("/dev/mailbox").then().statusCode(403);
        asRegionOfficer("EMEA").get("/dev/mailbox").then().statusCode(403);
        asAuditor()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "x@example.com"))
                .post("/api/v1/delivery/check")
                .then()
                .statusCode(403);
    }

    @Test
    void aDeliveryCheckNeedsAValidAddress() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "not an address\r\nBcc: x@example.com"))
                .post("/api/v1/delivery/check")
                .then()
                .statusCode(400)
                .body("reason", equalTo("to: not a valid e-mail address."));
        asAdmin().get("/api/v1/delivery/messages/999999").then().statusCode(404).body(not(containsString("Exception")));
    }
}
